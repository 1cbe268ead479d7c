package io.ironlease.pools.model;

import io.ironlease.shared.net.Ipv4Address;

/**
 * One {@code range} statement of dhcpd.conf, with the shared network it counts towards
 * ({@code network} indexes {@link PoolLayout#networks()}; 0 is "All networks", i.e. none).
 * A range written high-to-low is stored low-to-high, as dhcpd-pools reads it.
 */
public record RangeDecl(Ipv4Address first, Ipv4Address last, int network) {

    public RangeDecl {
        if (first.compareTo(last) > 0) {
            Ipv4Address swap = first;
            first = last;
            last = swap;
        }
        if (network < 0) {
            throw new IllegalArgumentException("network index must be >= 0: " + network);
        }
    }

    /** Number of addresses, both ends included. */
    public long size() {
        return last.toLong() - first.toLong() + 1;
    }
}
