package io.ironlease.shared.leases;

import java.util.function.Consumer;

/**
 * Leases keyed by their address bits in open addressing with linear probing: two arrays and no boxed
 * keys or entry objects, about 16 bytes per lease on top of the lease itself.
 */
final class IntLeaseMap {

    private int[] keys = new int[1024];
    private Lease[] values = new Lease[1024];
    private int size;

    int size() {
        return size;
    }

    private static int slot(int key, int mask) {
        int h = key * 0x9E3779B9; // Fibonacci hashing spreads consecutive addresses
        return (h ^ (h >>> 16)) & mask;
    }

    Lease get(int key) {
        int mask = keys.length - 1;
        for (int i = slot(key, mask); values[i] != null; i = (i + 1) & mask) {
            if (keys[i] == key) {
                return values[i];
            }
        }
        return null;
    }

    void put(Lease lease) {
        int key = lease.ipBits();
        int mask = keys.length - 1;
        int i = slot(key, mask);
        while (values[i] != null) {
            if (keys[i] == key) {
                values[i] = lease;
                return;
            }
            i = (i + 1) & mask;
        }
        keys[i] = key;
        values[i] = lease;
        if (++size * 2 > keys.length) {
            grow();
        }
    }

    Lease remove(int key) {
        int mask = keys.length - 1;
        int i = slot(key, mask);
        while (values[i] != null && keys[i] != key) {
            i = (i + 1) & mask;
        }
        Lease removed = values[i];
        if (removed == null) {
            return null;
        }
        values[i] = null;
        size--;
        // backward-shift the rest of the probe run so lookups never stop at the hole
        int hole = i;
        for (int j = (i + 1) & mask; values[j] != null; j = (j + 1) & mask) {
            int home = slot(keys[j], mask);
            boolean movable = hole <= j ? (home <= hole || home > j) : (home <= hole && home > j);
            if (movable) {
                keys[hole] = keys[j];
                values[hole] = values[j];
                values[j] = null;
                hole = j;
            }
        }
        return removed;
    }

    private void grow() {
        int[] oldKeys = keys;
        Lease[] oldValues = values;
        keys = new int[oldKeys.length * 2];
        values = new Lease[oldValues.length * 2];
        int mask = keys.length - 1;
        for (int k = 0; k < oldKeys.length; k++) {
            if (oldValues[k] != null) {
                int i = slot(oldKeys[k], mask);
                while (values[i] != null) {
                    i = (i + 1) & mask;
                }
                keys[i] = oldKeys[k];
                values[i] = oldValues[k];
            }
        }
    }

    void forEach(Consumer<? super Lease> action) {
        for (Lease lease : values) {
            if (lease != null) {
                action.accept(lease);
            }
        }
    }
}
