package io.ironlease.pools.input;

/**
 * A file that cannot be analysed: missing, unreadable, or not valid dhcpd.conf/dhcpd.leases. The
 * message names the file and, for a syntax error, the line and column; the CLI prints it and exits 3.
 */
public class InputException extends Exception {

    private static final long serialVersionUID = 1L;

    public InputException(String message) {
        super(message);
    }

    public InputException(String message, Throwable cause) {
        super(message, cause);
    }
}
