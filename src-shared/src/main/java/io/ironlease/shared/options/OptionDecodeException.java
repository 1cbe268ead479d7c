package io.ironlease.shared.options;

/** Option data that does not match its definition's format; carries the byte offset of the problem. */
public final class OptionDecodeException extends Exception {
    private static final long serialVersionUID = 1L;

    private final int offset;

    public OptionDecodeException(String message, int offset) {
        super(message + " (at byte " + offset + ")");
        this.offset = offset;
    }

    public int offset() {
        return offset;
    }
}
