package io.ironlease.omapi.wire;

/**
 * The 8 bytes each side sends as soon as the TCP connection opens: protocol version and header size,
 * both big-endian 32-bit. ISC speaks version 100 with a 24-byte header (OMAPI-NOTES section 1).
 */
public record StartupMessage(long protocolVersion, long headerSize) {

    public static final int LENGTH = 8;
    public static final long PROTOCOL_VERSION = 100;
    public static final long HEADER_SIZE = 24;

    /** What ISC dhcpd and omshell send. */
    public static final StartupMessage ISC = new StartupMessage(PROTOCOL_VERSION, HEADER_SIZE);

    public StartupMessage {
        if (protocolVersion < 0 || protocolVersion > 0xffff_ffffL || headerSize < 0 || headerSize > 0xffff_ffffL) {
            throw new IllegalArgumentException("start-up fields are unsigned 32-bit values");
        }
    }

    /** Whether this is the version and header size we speak. */
    public boolean isSupported() {
        return protocolVersion == PROTOCOL_VERSION && headerSize == HEADER_SIZE;
    }
}
