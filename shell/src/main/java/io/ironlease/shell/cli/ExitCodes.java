package io.ironlease.shell.cli;

/**
 * Exit codes of the one-shot commands, the same for every command so scripts and monitoring can act
 * on them; listed in each command's {@code --help} and in the README.
 */
public final class ExitCodes {

    public static final int OK = 0;
    /** The server refused the request for another reason (already exists, permission denied, ...). */
    public static final int REFUSED = 1;
    /** Bad command line (picocli's usage error code). */
    public static final int USAGE = 2;
    /** No connection: refused, unreachable, unknown host, timed out, or lost. */
    public static final int CONNECTION = 3;
    /** Authentication failed: unknown key name, wrong secret or algorithm, key required. */
    public static final int AUTHENTICATION = 4;
    /** The object looked up does not exist. */
    public static final int NOT_FOUND = 5;
    /** The server does not support what was asked (lease listing on ISC dhcpd). */
    public static final int NOT_SUPPORTED = 6;
    /** {@code failover-state --expect}: the local state is not the expected one. */
    public static final int UNEXPECTED_STATE = 7;

    /** For picocli's {@code exitCodeList}. */
    public static final String[] LIST = {
        "0:success",
        "1:the server refused the request (e.g. already exists, permission denied)",
        "2:bad usage",
        "3:cannot connect (refused, unreachable, unknown host, timed out, connection lost)",
        "4:authentication failed (unknown key, wrong secret or algorithm, key required)",
        "5:not found",
        "6:not supported by this server (e.g. lease listing on ISC dhcpd)",
        "7:failover-state --expect: the local state differs",
    };

    private ExitCodes() {
    }
}
