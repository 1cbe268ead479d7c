package io.ironlease.pools.analysis;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/** The {@code -s} sort keys of dhcpd-pools, each with its letter. */
public enum SortKey {
    NAME('n', Comparator.comparing(RangeUsage::networkName)),
    IP('i', (a, b) -> a.first().compareTo(b.first())),
    MAX('m', Comparator.comparingLong(RangeUsage::size)),
    CURRENT('c', Comparator.comparingLong(RangeUsage::used)),
    PERCENT('p', Comparator.comparingDouble(r -> (double) r.used() / r.size())),
    TOUCHED('t', Comparator.comparingLong(RangeUsage::touched)),
    TOUCHED_PLUS_CURRENT('T', Comparator.comparingLong(r -> r.used() + r.touched())),
    TOUCHED_PLUS_CURRENT_PERCENT('e', Comparator.comparingDouble(r -> (double) (r.used() + r.touched()) / r.size()));

    private final char letter;
    private final Comparator<RangeUsage> order;

    SortKey(char letter, Comparator<RangeUsage> order) {
        this.letter = letter;
        this.order = order;
    }

    public char letter() {
        return letter;
    }

    public Comparator<RangeUsage> order() {
        return order;
    }

    /** The key for a letter of {@code -s}, or throws naming the letter as dhcpd-pools does. */
    public static SortKey ofLetter(char letter) {
        for (SortKey key : values()) {
            if (key.letter == letter) {
                return key;
            }
        }
        throw new IllegalArgumentException("unknown sort order: '" + letter + "'");
    }

    /** Every letter of a {@code -s} value ("cn" is current, then name). */
    public static List<SortKey> parse(String letters) {
        List<SortKey> keys = new ArrayList<>();
        for (int i = 0; i < letters.length(); i++) {
            keys.add(ofLetter(letters.charAt(i)));
        }
        return keys;
    }
}
