package io.ironlease.server.alloc;

import java.util.function.IntPredicate;

/**
 * A multimap from a 32-bit key hash to lease addresses, in open addressing over one long array (hash
 * in the high half, address in the low half): about 16 bytes per entry and no objects, so a million
 * leases index in a few megabytes. Callers verify each candidate against the lease itself, since
 * different keys may share a hash. 0.0.0.0 and 255.255.255.255 are never lease addresses, which makes
 * them the empty and deleted markers.
 */
final class IpHashIndex {

    private static final long EMPTY = 0L;
    private static final long DELETED = 0xFFFF_FFFFL;

    private long[] slots = new long[1024];
    private int size;
    private int used;

    int size() {
        return size;
    }

    private static long entry(int hash, int ip) {
        return ((long) hash << 32) | (ip & 0xFFFF_FFFFL);
    }

    void add(int hash, int ip) {
        if ((used + 1) * 4L >= slots.length * 3L) {
            resize(size * 4L >= slots.length ? slots.length * 2 : slots.length);
        }
        long e = entry(hash, ip);
        int mask = slots.length - 1;
        int i = hash & mask;
        int firstDeleted = -1;
        while (slots[i] != EMPTY) {
            if (slots[i] == e) {
                return;
            }
            if (slots[i] == DELETED && firstDeleted < 0) {
                firstDeleted = i;
            }
            i = (i + 1) & mask;
        }
        if (firstDeleted >= 0) {
            slots[firstDeleted] = e;
        } else {
            slots[i] = e;
            used++;
        }
        size++;
    }

    void remove(int hash, int ip) {
        long e = entry(hash, ip);
        int mask = slots.length - 1;
        for (int i = hash & mask; slots[i] != EMPTY; i = (i + 1) & mask) {
            if (slots[i] == e) {
                slots[i] = DELETED;
                size--;
                return;
            }
        }
    }

    /** Visits the addresses stored under {@code hash} until {@code visitor} returns false. */
    void forEach(int hash, IntPredicate visitor) {
        int mask = slots.length - 1;
        for (int i = hash & mask; slots[i] != EMPTY; i = (i + 1) & mask) {
            long e = slots[i];
            if (e != DELETED && (int) (e >>> 32) == hash && !visitor.test((int) e)) {
                return;
            }
        }
    }

    private void resize(int capacity) {
        long[] old = slots;
        slots = new long[capacity];
        size = 0;
        used = 0;
        for (long e : old) {
            if (e != EMPTY && e != DELETED) {
                add((int) (e >>> 32), (int) e);
            }
        }
    }
}
