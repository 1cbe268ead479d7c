package io.ironlease.server.dhcp;

/** Option overload, option 52 (RFC 2132 9.3): which header fields also carry options. */
public enum Overload {
    FILE(1),
    SNAME(2),
    BOTH(3);

    private final int code;

    Overload(int code) {
        this.code = code;
    }

    public int code() {
        return code;
    }

    public boolean usesFile() {
        return this != SNAME;
    }

    public boolean usesSname() {
        return this != FILE;
    }

    /** The value for a wire code; throws IllegalArgumentException outside 1-3. */
    public static Overload fromCode(int code) {
        return switch (code) {
            case 1 -> FILE;
            case 2 -> SNAME;
            case 3 -> BOTH;
            default -> throw new IllegalArgumentException("option overload value " + code + " is not 1, 2 or 3");
        };
    }

    static Overload of(boolean file, boolean sname) {
        return file && sname ? BOTH : file ? FILE : SNAME;
    }
}
