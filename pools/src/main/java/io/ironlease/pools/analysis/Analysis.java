package io.ironlease.pools.analysis;

import io.ironlease.pools.model.LeaseTable.SortedLeases;
import java.util.List;

/**
 * Everything a renderer prints: ranges in output order, shared networks in declaration order (without
 * "All networks"), the grand total, whether any backup lease was seen (which adds the bu columns),
 * whether the address family is known (dhcpd-pools widens the address columns when it is not), and
 * the leases in address order for the formats that list active leases.
 */
public record Analysis(List<RangeUsage> ranges, List<NetworkUsage> sharedNetworks, NetworkUsage all,
        boolean backupsFound, boolean ipv4Known, SortedLeases leases) {

    public Analysis {
        ranges = List.copyOf(ranges);
        sharedNetworks = List.copyOf(sharedNetworks);
    }

    /** The same analysis with the ranges in another order. */
    public Analysis withRanges(List<RangeUsage> reordered) {
        return new Analysis(reordered, sharedNetworks, all, backupsFound, ipv4Known, leases);
    }
}
