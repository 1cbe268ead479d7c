package io.ironlease.pools.analysis;

import io.ironlease.shared.net.Ipv4Address;

/**
 * The counts for one range: "cur" ({@code used}, active), "touch" ({@code touched}: free, expired,
 * released, abandoned) and "bu" ({@code backup}). {@code network} is the index of its shared network,
 * 0 meaning none ("All networks").
 */
public record RangeUsage(Ipv4Address first, Ipv4Address last, int network, String networkName,
        long used, long touched, long backup) {

    /** "max": addresses in the range. */
    public long size() {
        return last.toLong() - first.toLong() + 1;
    }

    /** "free" in the json and xml formats: size minus active. */
    public long free() {
        return size() - used;
    }

    /** True when the range sits in no shared network. */
    public boolean standalone() {
        return network == 0;
    }
}
