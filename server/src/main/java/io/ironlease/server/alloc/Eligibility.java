package io.ironlease.server.alloc;

import io.ironlease.shared.leases.BindingState;
import io.ironlease.shared.leases.Lease;
import io.ironlease.shared.net.Ipv4Address;
import io.ironlease.shared.options.HostResolver;
import java.util.BitSet;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Which addresses a client may have (package-private helper of {@link Bindings}): its host's fixed
 * address, its own leases, whether a pool admits it, whether an address is free for it, and the next
 * free address of a range.
 */
final class Eligibility {

    /** Candidates a pick examines per range before moving on (the policy or fixed addresses may refuse some). */
    private static final int MAX_PROBES_PER_RANGE = 64;

    private final LeaseState state;
    private final HostTable hosts;
    private final LeaseOwnershipPolicy policy;
    private final HostResolver resolver;
    private Set<Integer> fixed = Set.of();
    private int fixedVersion = -1;

    Eligibility(LeaseState state, HostTable hosts, LeaseOwnershipPolicy policy, HostResolver resolver) {
        this.state = state;
        this.hosts = hosts;
        this.policy = policy;
        this.resolver = resolver;
    }

    /** A host's fixed address on the client's network. */
    record Fixed(HostEntry host, Ipv4Address address, SubnetPlan subnet) {
    }

    Optional<Fixed> fixedFor(List<HostEntry> matching, NetworkPlan network) {
        for (HostEntry host : matching) {
            for (Ipv4Address a : host.fixedAddresses(resolver)) {
                SubnetPlan s = state.plan.subnetFor(a.bits());
                if (s != null && s.network() == network) {
                    return Optional.of(new Fixed(host, a, s));
                }
            }
        }
        return Optional.empty();
    }

    boolean isFixedAddress(int ip) {
        if (fixedVersion != hosts.version()) {
            Set<Integer> set = new HashSet<>();
            hosts.all().forEach(h -> h.fixedAddresses(resolver).forEach(a -> set.add(a.bits())));
            fixed = set;
            fixedVersion = hosts.version();
        }
        return !fixed.isEmpty() && fixed.contains(ip);
    }

    /** [0] the client's active lease on its network, [1] its most recent idle lease there. */
    Lease[] clientLeases(ClientRequest req) {
        Lease[] found = new Lease[2];
        state.index.candidates(req.client(), ip -> {
            Lease l = state.leaseAt(ip);
            RangeSlots r = state.plan.rangeFor(ip);
            if (l == null || r == null || r.pool.network() != req.network() || !req.client().owns(l)) {
                return true;
            }
            RangeSlots.Kind kind = RangeSlots.kind(l);
            if (kind == RangeSlots.Kind.BOUND && l.bindingState() == BindingState.ACTIVE) {
                found[0] = l;
                return false;
            }
            if (kind != RangeSlots.Kind.BOUND && (found[1] == null || l.ends() > found[1].ends())) {
                found[1] = l;
            }
            return true;
        });
        return found;
    }

    boolean permitted(PoolPlan pool, ClientRequest req, boolean known) {
        if (!PermitCheck.allows(pool, req, known)) {
            return false;
        }
        ScopeParams p = pool.stack().params();
        return p.bootingAllowed() && (known || p.unknownClientsAllowed())
                && (req.kind() != RequestKind.BOOTP || p.bootpAllowed());
    }

    /** Whether an idle (or this client's own) address can go to the client now. */
    boolean usable(RangeSlots r, int ip, ClientRequest req, boolean known, boolean reclaimAbandoned) {
        OfferTable.Offer offer = state.offers.at(ip);
        if (offer != null && !offer.client.equals(req.client())) {
            return false;
        }
        boolean offeredToClient = offer != null;
        if (req.kind() == RequestKind.BOOTP && !r.dynamicBootp && !PermitCheck.allowsDynamicBootp(r.pool)) {
            return false;
        }
        if (!permitted(r.pool, req, known) || isFixedAddress(ip)) {
            return false;
        }
        Lease l = r.leases[r.offset(ip)];
        return switch (RangeSlots.kind(l)) {
            case FREE, BACKUP -> policy.mayAllocate(r.pool, l);
            case ABANDONED -> reclaimAbandoned || offeredToClient;
            case BOUND -> l.bindingState() == BindingState.ACTIVE && req.client().owns(l);
        };
    }

    /** A free (or, as a last resort, abandoned) address of {@code r} for the client; 0 when none. */
    int pick(RangeSlots r, ClientRequest req, boolean known, boolean abandoned) {
        if (req.kind() == RequestKind.BOOTP && !r.dynamicBootp && !PermitCheck.allowsDynamicBootp(r.pool)) {
            return 0;
        }
        BitSet[] sets = abandoned ? new BitSet[] {r.abandoned} : new BitSet[] {r.free, r.backup};
        for (BitSet set : sets) {
            if (set != r.abandoned && !policy.allocatesFrom(r.pool, set == r.backup)) {
                continue;
            }
            int from = r.cursor;
            for (int probe = 0; probe < MAX_PROBES_PER_RANGE; probe++) {
                int off = r.next(set, from);
                if (off < 0) {
                    break;
                }
                from = off + 1 >= r.size ? 0 : off + 1;
                int ip = r.first + off;
                if (usable(r, ip, req, known, abandoned)) {
                    r.cursor = from;
                    return ip;
                }
            }
        }
        return 0;
    }
}
