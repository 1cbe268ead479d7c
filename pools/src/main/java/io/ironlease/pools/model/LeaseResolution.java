package io.ironlease.pools.model;

import io.ironlease.pools.model.LeaseTable.SortedLeases;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Turns lease logs into final states: a log is sorted by address then file order and folded per
 * address into a part (an address whose records only lent a hardware address keeps a {@code LEND}
 * entry, for an earlier part to take); parts are then merged in file order, later over earlier.
 */
final class LeaseResolution {

    private static final byte LEND = LeaseTable.LEND;

    private LeaseResolution() {
    }

    /** One log, sorted and folded; {@code macs} is null when hardware is not kept. */
    static SortedLeases resolvePart(int[] ips, byte[] kinds, long[] macs, Map<Integer, String> oddMacs, int length) {
        long[] order = new long[length];
        for (int i = 0; i < length; i++) {
            // flipped address high, log index low: signed order is address order, then file order
            order[i] = ((long) (ips[i] ^ Integer.MIN_VALUE) << 32) | i;
        }
        Arrays.sort(order);
        int[] outIps = new int[length];
        byte[] outKinds = new byte[length];
        long[] outMacs = macs != null ? new long[length] : null;
        Map<Integer, String> outOdd = new HashMap<>();
        int out = 0;
        for (int i = 0; i < length; ) {
            int high = (int) (order[i] >>> 32);
            byte kind = -1;
            long mac = LeaseTable.NO_MAC;
            String odd = null;
            for (; i < length && (int) (order[i] >>> 32) == high; i++) {
                int entry = (int) order[i];
                if (kinds[entry] != LEND) {
                    kind = kinds[entry];
                    mac = macs != null ? macs[entry] : LeaseTable.NO_MAC;
                    odd = null;
                } else {
                    mac = macs[entry];
                    odd = oddMacs.get(entry);
                }
            }
            outIps[out] = high ^ Integer.MIN_VALUE;
            outKinds[out] = kind >= 0 ? kind : LEND;
            if (outMacs != null) {
                outMacs[out] = mac;
                if (odd != null) {
                    outOdd.put(out, odd);
                }
            }
            out++;
        }
        return new SortedLeases(Arrays.copyOf(outIps, out), Arrays.copyOf(outKinds, out),
                outMacs != null ? Arrays.copyOf(outMacs, out) : null, outOdd);
    }

    /** Parts of one file, first first, into the final entries (no {@code LEND} left). */
    static SortedLeases merge(List<SortedLeases> parts) {
        int total = parts.stream().mapToInt(SortedLeases::size).sum();
        boolean hardware = parts.stream().allMatch(SortedLeases::hasHardware);
        int[] outIps = new int[total];
        byte[] outKinds = new byte[total];
        long[] outMacs = hardware ? new long[total] : null;
        Map<Integer, String> outOdd = new HashMap<>();
        int[] at = new int[parts.size()];
        int out = 0;
        while (true) {
            // the lowest address any part has next
            int lowest = 0;
            boolean any = false;
            for (int p = 0; p < parts.size(); p++) {
                if (at[p] < parts.get(p).size()) {
                    int ip = parts.get(p).ips()[at[p]];
                    if (!any || Integer.compareUnsigned(ip, lowest) < 0) {
                        lowest = ip;
                        any = true;
                    }
                }
            }
            if (!any) {
                break;
            }
            byte kind = -1;
            long mac = LeaseTable.NO_MAC;
            String odd = null;
            for (int p = 0; p < parts.size(); p++) {
                SortedLeases part = parts.get(p);
                if (at[p] < part.size() && part.ips()[at[p]] == lowest) {
                    int i = at[p]++;
                    if (part.kinds()[i] != LEND) {
                        kind = part.kinds()[i];
                        mac = part.macBits(i);
                        odd = part.oddMac(i);
                    } else if (kind >= 0) {
                        mac = part.macBits(i);
                        odd = part.oddMac(i);
                    }
                }
            }
            if (kind >= 0) {
                outIps[out] = lowest;
                outKinds[out] = kind;
                if (hardware) {
                    outMacs[out] = mac;
                    if (odd != null) {
                        outOdd.put(out, odd);
                    }
                }
                out++;
            }
        }
        return new SortedLeases(Arrays.copyOf(outIps, out), Arrays.copyOf(outKinds, out),
                hardware ? Arrays.copyOf(outMacs, out) : null, outOdd);
    }
}
