package io.ironlease.omapi.wire;

/**
 * The operation of an OMAPI message (the {@code op} header field). ISC defines exactly these six;
 * any other value is a protocol error, reported by {@link #fromCode(int)}.
 */
public enum Opcode {
    /** Look an object up (and optionally create or update it). */
    OPEN(1),
    /** Send an object's current attributes again, by handle. */
    REFRESH(2),
    /** Change attributes of an object (from a client), or carry an object's attributes (from a server). */
    UPDATE(3),
    /** Defined by ISC but never implemented: dhcpd answers "notify not implemented yet". */
    NOTIFY(4),
    /** The result of a request; only servers send it. */
    STATUS(5),
    /** Remove an object, by handle. */
    DELETE(6);

    private static final Opcode[] BY_CODE = {null, OPEN, REFRESH, UPDATE, NOTIFY, STATUS, DELETE};

    private final int code;

    Opcode(int code) {
        this.code = code;
    }

    /** The value on the wire. */
    public int code() {
        return code;
    }

    /** The opcode for a wire value; throws {@link IllegalArgumentException} naming the value otherwise. */
    public static Opcode fromCode(int code) {
        if (code < 1 || code >= BY_CODE.length) {
            throw new IllegalArgumentException("unknown OMAPI opcode " + Integer.toUnsignedString(code));
        }
        return BY_CODE[code];
    }

    /** Whether the wire value names an opcode. */
    public static boolean isKnown(int code) {
        return code >= 1 && code < BY_CODE.length;
    }
}
