package io.ironlease.server.failover.wire;

/**
 * A failover message that cannot be framed or decoded. It carries the byte offset of the problem
 * inside the message; the peer link closes that connection (the stream has lost its framing or the
 * peer is not speaking draft-ietf-dhc-failover-12), never the listener.
 */
public final class FailoverProtocolException extends Exception {

    private static final long serialVersionUID = 1L;

    private final int offset;

    public FailoverProtocolException(String message, int offset) {
        super(message + " (at byte " + offset + ")");
        this.offset = offset;
    }

    /** Byte offset inside the message where decoding failed. */
    public int offset() {
        return offset;
    }
}
