package io.ironlease.server.alloc;

import java.util.Arrays;

/**
 * When leases end: a binary min-heap of (end time, address) in two primitive arrays. Entries are
 * never updated in place; a renewal pushes a new one and the stale one is skipped when it comes up
 * (the caller compares with the lease's current end), so a push is O(log n) and nothing is boxed.
 */
final class ExpiryQueue {

    private long[] ends = new long[1024];
    private int[] ips = new int[1024];
    private int size;

    int size() {
        return size;
    }

    void push(long end, int ip) {
        if (size == ends.length) {
            ends = Arrays.copyOf(ends, size * 2);
            ips = Arrays.copyOf(ips, size * 2);
        }
        int i = size++;
        while (i > 0) {
            int parent = (i - 1) >>> 1;
            if (ends[parent] <= end) {
                break;
            }
            ends[i] = ends[parent];
            ips[i] = ips[parent];
            i = parent;
        }
        ends[i] = end;
        ips[i] = ip;
    }

    /** The earliest end, or Long.MAX_VALUE when empty. */
    long peekEnd() {
        return size == 0 ? Long.MAX_VALUE : ends[0];
    }

    int peekIp() {
        return ips[0];
    }

    void pop() {
        size--;
        if (size == 0) {
            return;
        }
        long end = ends[size];
        int ip = ips[size];
        int i = 0;
        int half = size >>> 1;
        while (i < half) {
            int child = 2 * i + 1;
            if (child + 1 < size && ends[child + 1] < ends[child]) {
                child++;
            }
            if (end <= ends[child]) {
                break;
            }
            ends[i] = ends[child];
            ips[i] = ips[child];
            i = child;
        }
        ends[i] = end;
        ips[i] = ip;
    }

    void clear() {
        size = 0;
    }
}
