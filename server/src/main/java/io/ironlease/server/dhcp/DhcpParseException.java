package io.ironlease.server.dhcp;

/**
 * A datagram that is not a well-formed BOOTP/DHCP message. Carries the byte offset where decoding
 * failed so that a drop log line can say where; the transport counts and drops such packets.
 */
public final class DhcpParseException extends Exception {

    private static final long serialVersionUID = 1L;

    private final int offset;

    public DhcpParseException(String message, int offset) {
        super(message + " (at offset " + offset + ")");
        this.offset = offset;
    }

    /** Offset from the start of the DHCP message (the UDP payload). */
    public int offset() {
        return offset;
    }
}
