package io.ironlease.omapi.wire;

/**
 * Bytes that are not a valid OMAPI message: a length that runs past the data, a field out of range,
 * an unknown opcode. Carries the byte offset (from the start of the message, or of the stream for
 * the start-up message) where the problem was found.
 */
public class OmapiProtocolException extends Exception {
    private static final long serialVersionUID = 1L;

    private final int offset;

    public OmapiProtocolException(String problem, int offset) {
        super(problem + " at byte " + offset);
        this.offset = offset;
    }

    /** Where in the input the problem was found. */
    public int offset() {
        return offset;
    }
}
