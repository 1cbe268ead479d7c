package io.ironlease.shell.cli;

import io.ironlease.omapi.wire.OmapiException;
import io.ironlease.omapi.wire.OmapiStatus;

/** Turns OMAPI failures into {@link CommandFailure}s with the documented exit codes. */
final class Failures {

    private Failures() {
    }

    /** A failure while connecting and authenticating to {@code where}. */
    static CommandFailure connecting(String where, OmapiException e) {
        OmapiStatus status = e.status();
        if (e.getCause() != null || status.code() == 12 || status.equals(OmapiStatus.TIMED_OUT)
                || status.equals(OmapiStatus.CONNECTION_RESET) || status.equals(OmapiStatus.VERSION_MISMATCH)) {
            return new CommandFailure(ExitCodes.CONNECTION, "cannot connect to " + where + ": " + describe(e), e);
        }
        if (status.equals(OmapiStatus.NOT_FOUND)) {
            return new CommandFailure(ExitCodes.AUTHENTICATION, where + " does not know this key (name or algorithm): "
                    + describe(e), e);
        }
        return new CommandFailure(ExitCodes.AUTHENTICATION, "authentication with " + where + " failed: " + describe(e), e);
    }

    /** A failure of a request; {@code what} names it ("lease 10.0.0.1"). */
    static CommandFailure request(String what, OmapiException e) {
        OmapiStatus status = e.status();
        if (status.equals(OmapiStatus.NO_KEYS) || status.equals(OmapiStatus.INVALID_KEY)
                || status.equals(OmapiStatus.KEY_UNKNOWN)) {
            return new CommandFailure(ExitCodes.AUTHENTICATION, what + ": the server refused our authentication: "
                    + describe(e) + (status.equals(OmapiStatus.NO_KEYS) ? " (give --key-name and --key-file)"
                    : " (wrong secret or algorithm?)"), e);
        }
        if (status.equals(OmapiStatus.NOT_FOUND)) {
            return new CommandFailure(ExitCodes.NOT_FOUND, what + ": not found", e);
        }
        if (status.equals(OmapiStatus.TIMED_OUT) || status.equals(OmapiStatus.CONNECTION_RESET)) {
            return new CommandFailure(ExitCodes.CONNECTION, what + ": " + describe(e), e);
        }
        return new CommandFailure(ExitCodes.REFUSED, what + ": " + describe(e), e);
    }

    /** The status text with the server's message, if it sent one: {@code not found (no object matches specification)}. */
    static String describe(OmapiException e) {
        return e.status().text() + e.serverMessage().map(message -> " (" + message + ")").orElse("");
    }
}
