package io.ironlease.pools.analysis;

import io.ironlease.pools.model.LeaseKind;
import io.ironlease.pools.model.LeaseTable;
import io.ironlease.pools.model.LeaseTable.SortedLeases;
import io.ironlease.pools.model.PoolLayout;
import io.ironlease.pools.model.RangeDecl;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Joins the ranges of dhcpd.conf with the final lease states: every address of a range is looked up
 * (overlapping and duplicate ranges each count their addresses, as in dhcpd-pools), then ranges are
 * summed per shared network and over all. Leases outside every range are counted nowhere.
 */
public final class Analyzer {

    private final boolean doubleCountStandaloneBackups;

    /**
     * @param doubleCountStandaloneBackups reproduce dhcpd-pools 2.29's total, in which the backup
     *     leases of ranges outside any shared network are added twice (fix (e) when false)
     */
    public Analyzer(boolean doubleCountStandaloneBackups) {
        this.doubleCountStandaloneBackups = doubleCountStandaloneBackups;
    }

    /** Counts, with the ranges in address order (dhcpd-pools' default order). */
    public Analysis analyze(PoolLayout layout, LeaseTable leases, boolean ipv4Known) {
        SortedLeases sorted = leases.sorted();
        List<RangeDecl> ranges = new ArrayList<>(layout.ranges());
        ranges.sort(Comparator.comparing(RangeDecl::first)); // stable, as glibc's qsort (a merge sort) is
        int networks = layout.networks().size();
        long[] defined = new long[networks];
        long[] used = new long[networks];
        long[] touched = new long[networks];
        long[] backup = new long[networks];
        long standaloneBackups = 0;
        List<RangeUsage> usages = new ArrayList<>(ranges.size());
        int[] ips = sorted.ips();
        for (RangeDecl range : ranges) {
            long last = range.last().toLong();
            long[] counts = new long[LeaseKind.values().length];
            for (int i = lowerBound(ips, range.first().toLong()); i < ips.length && unsigned(ips[i]) <= last; i++) {
                counts[sorted.kinds()[i]]++;
            }
            RangeUsage usage = new RangeUsage(range.first(), range.last(), range.network(),
                    layout.networks().get(range.network()), counts[LeaseKind.ACTIVE.ordinal()],
                    counts[LeaseKind.TOUCHED.ordinal()], counts[LeaseKind.BACKUP.ordinal()]);
            usages.add(usage);
            int n = range.network();
            defined[n] += usage.size();
            used[n] += usage.used();
            touched[n] += usage.touched();
            backup[n] += usage.backup();
            if (usage.standalone()) {
                standaloneBackups += usage.backup();
            }
        }
        List<NetworkUsage> shared = new ArrayList<>(networks - 1);
        for (int n = 1; n < networks; n++) {
            shared.add(new NetworkUsage(layout.networks().get(n), defined[n], used[n], touched[n], backup[n]));
        }
        long allBackup = usages.stream().mapToLong(RangeUsage::backup).sum()
                + (doubleCountStandaloneBackups ? standaloneBackups : 0);
        NetworkUsage all = new NetworkUsage(PoolLayout.ALL_NETWORKS,
                usages.stream().mapToLong(RangeUsage::size).sum(),
                usages.stream().mapToLong(RangeUsage::used).sum(),
                usages.stream().mapToLong(RangeUsage::touched).sum(), allBackup);
        return new Analysis(usages, shared, all, leases.backupSeen(), ipv4Known, sorted);
    }

    private static long unsigned(int bits) {
        return bits & 0xffff_ffffL;
    }

    /** First index whose address is at least {@code address} (the array is in unsigned order). */
    private static int lowerBound(int[] ips, long address) {
        int lo = 0;
        int hi = ips.length;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (unsigned(ips[mid]) < address) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return lo;
    }
}
