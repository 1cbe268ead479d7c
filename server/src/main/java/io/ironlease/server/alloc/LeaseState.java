package io.ironlease.server.alloc;

import io.ironlease.shared.leases.BindingState;
import io.ironlease.shared.leases.Lease;
import io.ironlease.shared.leases.LeaseTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * The engine's lease state: the current lease of every address (in its range's slots, or among the
 * strays for addresses outside every range), the client index, the expiry queue and the offers.
 * Every change goes through {@link #place} so the sets, index and queue stay consistent.
 */
final class LeaseState {

    final AddressPlan plan;
    final ClientIndex index = new ClientIndex();
    final ExpiryQueue expiry = new ExpiryQueue();
    final OfferTable offers = new OfferTable();
    private final Map<Integer, Lease> strays = new HashMap<>();
    private int leaseCount;

    LeaseState(AddressPlan plan) {
        this.plan = plan;
    }

    Lease leaseAt(int ip) {
        RangeSlots r = plan.rangeFor(ip);
        return r != null ? r.leases[r.offset(ip)] : strays.get(ip);
    }

    int leaseCount() {
        return leaseCount + strays.size();
    }

    int strayCount() {
        return strays.size();
    }

    /** Makes {@code lease} the current lease of its address (null {@code remove}s it). */
    void place(Lease lease) {
        int ip = lease.ipBits();
        RangeSlots r = plan.rangeFor(ip);
        if (r == null) {
            strays.put(ip, lease);
            return;
        }
        int off = r.offset(ip);
        Lease old = r.leases[off];
        if (old != null) {
            index.remove(old);
        } else {
            leaseCount++;
        }
        r.leases[off] = lease;
        index.add(lease);
        if (offers.at(ip) == null) {
            r.classify(off);
        }
        schedule(lease);
    }

    /** Forgets the lease of {@code ip} (the address becomes never-used). */
    void remove(int ip) {
        RangeSlots r = plan.rangeFor(ip);
        if (r == null) {
            strays.remove(ip);
            return;
        }
        int off = r.offset(ip);
        Lease old = r.leases[off];
        if (old != null) {
            index.remove(old);
            r.leases[off] = null;
            leaseCount--;
            if (offers.at(ip) == null) {
                r.classify(off);
            }
        }
    }

    private void schedule(Lease lease) {
        BindingState s = lease.bindingState();
        long end = lease.ends();
        if ((s == BindingState.ACTIVE || s == BindingState.ABANDONED) && end != LeaseTime.NEVER
                && end != LeaseTime.UNSET) {
            expiry.push(end, lease.ipBits());
        }
    }

    /** Undoes changes whose records could not be made durable, newest first, where nothing replaced them. */
    void rollback(List<LeaseChange> changes) {
        for (int i = changes.size() - 1; i >= 0; i--) {
            LeaseChange c = changes.get(i);
            if (leaseAt(c.after().ipBits()) != c.after()) {
                continue;
            }
            if (c.before() == null) {
                remove(c.after().ipBits());
            } else {
                place(c.before());
            }
        }
    }

    /** Visits every lease: ranges in address order, then strays. */
    void forEach(Consumer<? super Lease> action) {
        for (RangeSlots r : plan.ranges()) {
            for (Lease l : r.leases) {
                if (l != null) {
                    action.accept(l);
                }
            }
        }
        strays.values().forEach(action);
    }

    /**
     * Visits leases in address order, starting after {@code after} (an unsigned address; -1 for the
     * beginning), until {@code visitor} returns false.
     */
    void forEachFrom(long after, java.util.function.Predicate<? super Lease> visitor) {
        long[] strayIps = strays.keySet().stream().mapToLong(ip -> ip & 0xFFFF_FFFFL).filter(ip -> ip > after)
                .sorted().toArray();
        int s = 0;
        for (RangeSlots r : plan.ranges()) {
            long first = r.first & 0xFFFF_FFFFL;
            if (first + r.size - 1 <= after) {
                continue;
            }
            while (s < strayIps.length && strayIps[s] < first) {
                if (!visitor.test(strays.get((int) strayIps[s++]))) {
                    return;
                }
            }
            int from = (int) Math.max(0, after + 1 - first);
            for (int off = from; off < r.size; off++) {
                Lease l = r.leases[off];
                if (l != null && !visitor.test(l)) {
                    return;
                }
            }
        }
        while (s < strayIps.length) {
            if (!visitor.test(strays.get((int) strayIps[s++]))) {
                return;
            }
        }
    }

    /** Drops stale expiry entries once they outnumber the live ones, by rebuilding the queue. */
    void compactExpiry() {
        if (expiry.size() < 4096 || expiry.size() < 2L * leaseCount) {
            return;
        }
        expiry.clear();
        forEach(this::schedule);
    }

    /** Releases an offer: its address goes back to the set its lease belongs to. */
    void withdraw(OfferTable.Offer offer) {
        offers.remove(offer);
        RangeSlots r = offer.range;
        r.classify(r.offset(offer.ip));
    }
}
