package io.ironlease.shared.leases;

import java.util.Objects;

/** A lease file that cannot be read as dhcpd.leases; the message starts with {@code file:line:col:}. */
public final class LeaseFileException extends Exception {

    private static final long serialVersionUID = 1L;

    private final transient LeaseFilePosition position;
    private final String detail;

    public LeaseFileException(LeaseFilePosition position, String detail) {
        super(position + ": " + detail);
        this.position = Objects.requireNonNull(position, "position");
        this.detail = detail;
    }

    public LeaseFilePosition position() {
        return position;
    }

    /** The message without the position. */
    public String detail() {
        return detail;
    }
}
