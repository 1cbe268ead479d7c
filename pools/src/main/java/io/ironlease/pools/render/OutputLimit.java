package io.ironlease.pools.render;

/**
 * The {@code -L} mask: two octal digits, the first for headers, the second for numbers, each an OR of
 * 1 (ranges), 2 (shared networks) and 4 (the total). The default, 77, prints everything.
 */
public record OutputLimit(int headers, int numbers) {

    public static final int RANGES = 1;
    public static final int SHARED_NETWORKS = 2;
    public static final int TOTAL = 4;
    public static final OutputLimit ALL = new OutputLimit(7, 7);

    public OutputLimit {
        if (headers < 0 || headers > 7 || numbers < 0 || numbers > 7) {
            throw new IllegalArgumentException("limit digits are 0-7: " + headers + numbers);
        }
    }

    /**
     * Reads the first two characters as dhcpd-pools does (so "777" is 77); fails for a missing or
     * non-octal digit with dhcpd-pools' wording.
     */
    public static OutputLimit parse(String mask) {
        return new OutputLimit(digit(mask, 0), digit(mask, 1));
    }

    private static int digit(String mask, int index) {
        char c = index < mask.length() ? mask.charAt(index) : '\0';
        if (c < '0' || c > '7') {
            throw new IllegalArgumentException("output mask '" + mask + "' is illegal");
        }
        return c - '0';
    }

    public boolean header(int section) {
        return (headers & section) != 0;
    }

    public boolean numbers(int section) {
        return (numbers & section) != 0;
    }
}
