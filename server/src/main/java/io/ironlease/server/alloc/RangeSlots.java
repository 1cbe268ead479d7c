package io.ironlease.server.alloc;

import io.ironlease.shared.leases.BindingState;
import io.ironlease.shared.leases.Lease;
import io.ironlease.shared.net.Ipv4Address;
import io.ironlease.shared.net.Ipv4Range;
import java.util.BitSet;

/**
 * The addresses of one {@code range}: the current lease of each (null when never used) and bit sets
 * of those that can be handed out: free (never used, free, expired, released, reset), backup (the
 * failover secondary's) and abandoned (last resort). An address offered to a client is in none of
 * them until the offer is taken or expires. Allocation walks a set from a rotating cursor (next fit),
 * so recently freed addresses are reused last, much as dhcpd's free queue ordered by end time.
 */
final class RangeSlots {

    final int first;
    final int size;
    final boolean dynamicBootp;
    final PoolPlan pool;
    final Lease[] leases;
    final BitSet free;
    final BitSet backup = new BitSet();
    final BitSet abandoned = new BitSet();
    int cursor;

    RangeSlots(Ipv4Range range, boolean dynamicBootp, PoolPlan pool) {
        long n = range.size();
        if (n > Integer.MAX_VALUE / 2) {
            throw new IllegalArgumentException("range too large: " + range);
        }
        this.first = range.first().bits();
        this.size = (int) n;
        this.dynamicBootp = dynamicBootp;
        this.pool = pool;
        this.leases = new Lease[size];
        this.free = new BitSet(size);
        free.set(0, size);
    }

    Ipv4Range range() {
        return new Ipv4Range(new Ipv4Address(first), new Ipv4Address(first + size - 1));
    }

    int size() {
        return size;
    }

    boolean contains(int ip) {
        long offset = (ip & 0xFFFF_FFFFL) - (first & 0xFFFF_FFFFL);
        return offset >= 0 && offset < size;
    }

    int offset(int ip) {
        return ip - first;
    }

    /** Puts the address in the set its lease belongs to (call when it is not offered). */
    void classify(int offset) {
        free.clear(offset);
        backup.clear(offset);
        abandoned.clear(offset);
        switch (kind(leases[offset])) {
            case FREE -> free.set(offset);
            case BACKUP -> backup.set(offset);
            case ABANDONED -> abandoned.set(offset);
            default -> {
            }
        }
    }

    /** Takes the address out of every set (it is being offered). */
    void withhold(int offset) {
        free.clear(offset);
        backup.clear(offset);
        abandoned.clear(offset);
    }

    enum Kind { FREE, BACKUP, ABANDONED, BOUND }

    static Kind kind(Lease lease) {
        if (lease == null) {
            return Kind.FREE;
        }
        return kind(lease.bindingState());
    }

    static Kind kind(BindingState state) {
        return switch (state) {
            case FREE, EXPIRED, RELEASED, RESET -> Kind.FREE;
            case BACKUP -> Kind.BACKUP;
            case ABANDONED -> Kind.ABANDONED;
            case ACTIVE, RESERVED, BOOTP -> Kind.BOUND;
        };
    }

    /** Next set bit of {@code set} at or after the cursor, wrapping; -1 when empty. Advances the cursor. */
    int next(BitSet set, int from) {
        int i = set.nextSetBit(from);
        if (i < 0 && from > 0) {
            i = set.nextSetBit(0);
        }
        return i;
    }
}
