package io.ironlease.server.dhcp;

/** The BOOTP {@code op} field (RFC 951, RFC 2131 2): who sent the message. */
public enum BootOp {
    BOOTREQUEST(1),
    BOOTREPLY(2);

    private final int code;

    BootOp(int code) {
        this.code = code;
    }

    public int code() {
        return code;
    }

    /** The op for a wire value; throws IllegalArgumentException for anything but 1 or 2. */
    public static BootOp fromCode(int code) {
        return switch (code) {
            case 1 -> BOOTREQUEST;
            case 2 -> BOOTREPLY;
            default -> throw new IllegalArgumentException("unknown BOOTP op " + code + " (1 request, 2 reply)");
        };
    }
}
