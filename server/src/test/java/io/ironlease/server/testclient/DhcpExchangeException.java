package io.ironlease.server.testclient;

import java.io.IOException;

/** An exchange that ended without the expected answer. */
public final class DhcpExchangeException extends IOException {

    private static final long serialVersionUID = 1L;

    /** Why the exchange failed. */
    public enum Reason {
        TIMEOUT,
        NAK,
        UNEXPECTED_REPLY
    }

    private final Reason reason;

    public DhcpExchangeException(Reason reason, String message) {
        super(reason + ": " + message);
        this.reason = reason;
    }

    public Reason reason() {
        return reason;
    }
}
