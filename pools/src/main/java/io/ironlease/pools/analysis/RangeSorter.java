package io.ironlease.pools.analysis;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Orders ranges for {@code -s} exactly as dhcpd-pools 2.29 does, ties included: an insertion sort
 * below 8 elements and a top-down merge sort above, both of which put the later of two equal ranges
 * first. A stable sort would print equal ranges in another order, so {@link List#sort} cannot stand in.
 */
public final class RangeSorter {

    private static final int MIN_MERGE_SIZE = 8;

    private final List<SortKey> keys;

    public RangeSorter(List<SortKey> keys) {
        this.keys = List.copyOf(keys);
    }

    /** A sorted copy; the input is left as it is. */
    public List<RangeUsage> sort(List<RangeUsage> ranges) {
        RangeUsage[] items = ranges.toArray(new RangeUsage[0]);
        if (!keys.isEmpty()) {
            sort(items, 0, items.length, new RangeUsage[items.length]);
        }
        return new ArrayList<>(Arrays.asList(items));
    }

    /** True when {@code a} sorts strictly before {@code b} on the first key that tells them apart. */
    private boolean before(RangeUsage a, RangeUsage b) {
        for (SortKey key : keys) {
            int cmp = key.order().compare(a, b);
            if (cmp != 0) {
                return cmp < 0;
            }
        }
        return false;
    }

    private void sort(RangeUsage[] items, int from, int size, RangeUsage[] temp) {
        if (size < MIN_MERGE_SIZE) {
            for (int i = 0; i < size; i++) {
                RangeUsage hold = items[from + i];
                int j = i - 1;
                // moves past every element not strictly before it, equal ones included
                while (j >= 0 && !before(items[from + j], hold)) {
                    items[from + j + 1] = items[from + j];
                    j--;
                }
                items[from + j + 1] = hold;
            }
            return;
        }
        int half = size / 2;
        sort(items, from, half, temp);
        sort(items, from + half, size - half, temp);
        int left = 0;
        int right = half;
        int out = 0;
        while (left < half && right < size) {
            temp[out++] = before(items[from + left], items[from + right]) ? items[from + left++] : items[from + right++];
        }
        while (left < half) {
            temp[out++] = items[from + left++];
        }
        while (right < size) {
            temp[out++] = items[from + right++];
        }
        System.arraycopy(temp, 0, items, from, size);
    }
}
