package io.ironlease.server.alloc;

import io.ironlease.shared.config.model.Scope;
import io.ironlease.shared.leases.BindingState;
import io.ironlease.shared.leases.Lease;
import io.ironlease.shared.net.Ipv4Address;
import io.ironlease.shared.options.HostResolver;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** The decisions of {@link AllocationEngine}: offers and bindings (package-private helper). */
final class Bindings {


    private final LeaseState state;
    private final HostTable hosts;
    private final LeaseOwnershipPolicy policy;
    private final Eligibility eligible;

    Bindings(LeaseState state, HostTable hosts, LeaseOwnershipPolicy policy, HostResolver resolver) {
        this.state = state;
        this.hosts = hosts;
        this.policy = policy;
        this.eligible = new Eligibility(state, hosts, policy, resolver);
    }

    Decision offer(ClientRequest req, List<Scope> classScopes, long now) {
        List<HostEntry> matching = hosts.matching(req.client());
        HostEntry host = matching.isEmpty() ? null : matching.get(0);
        Optional<Eligibility.Fixed> fixedAddress = eligible.fixedFor(matching, req.network());
        if (fixedAddress.isPresent()) {
            return fixedGrant(fixedAddress.get(), classScopes, req, List.of());
        }
        boolean known = host != null;
        if (!answersAny(req)) {
            // failover load balancing: the partner answers this client on every pool of its network
            return new Decision.Refusal(false, "load balancing: the failover peer answers this client");
        }
        OfferTable.Offer pending = state.offers.of(req.client());
        if (pending != null) {
            state.withdraw(pending);
            if (pending.range.pool.network() == req.network()
                    && eligible.usable(pending.range, pending.ip, req, known, false)) {
                return hold(pending.range, pending.ip, req, host, classScopes, now);
            }
        }
        Lease[] mine = eligible.clientLeases(req);
        if (mine[0] != null) {
            RangeSlots r = state.plan.rangeFor(mine[0].ipBits());
            if (eligible.permitted(r.pool, req, known)) {
                return hold(r, mine[0].ipBits(), req, host, classScopes, now);
            }
        }
        if (mine[1] != null) {
            RangeSlots r = state.plan.rangeFor(mine[1].ipBits());
            if (eligible.usable(r, mine[1].ipBits(), req, known, false)) {
                return hold(r, mine[1].ipBits(), req, host, classScopes, now);
            }
        }
        if (req.requested().isPresent()) {
            int ip = req.requested().get().bits();
            RangeSlots r = state.plan.rangeFor(ip);
            if (r != null && r.pool.network() == req.network() && eligible.usable(r, ip, req, known, false)) {
                return hold(r, ip, req, host, classScopes, now);
            }
        }
        for (boolean abandoned : new boolean[] {false, true}) {
            for (PoolPlan pool : req.network().pools) {
                if (!eligible.permitted(pool, req, known) || !policy.answers(pool, req)) {
                    continue;
                }
                for (RangeSlots r : pool.ranges) {
                    int ip = eligible.pick(r, req, known, abandoned);
                    if (ip != 0) {
                        return hold(r, ip, req, host, classScopes, now);
                    }
                }
            }
        }
        return new Decision.Refusal(false, "no free leases on " + req.network());
    }

    private boolean answersAny(ClientRequest req) {
        for (PoolPlan pool : req.network().pools) {
            if (policy.answers(pool, req)) {
                return true;
            }
        }
        return req.network().pools.isEmpty();
    }

    private Decision hold(RangeSlots r, int ip, ClientRequest req, HostEntry host, List<Scope> classScopes, long now) {
        if (!policy.answers(r.pool, req)) {
            return new Decision.Refusal(false, "load balancing: the failover peer answers this client");
        }
        Lease current = r.leases[r.offset(ip)];
        OfferTable.Offer old = state.offers.of(req.client());
        if (old != null) {
            state.withdraw(old);
        }
        state.offers.add(new OfferTable.Offer(ip, req.client(), r, now + AllocationEngine.OFFER_HOLD_SECONDS));
        r.withhold(r.offset(ip));
        ScopeStack scopes = stack(r.pool.subnet(), r.pool, host, classScopes);
        long seconds = leaseSeconds(r.pool, current, scopes, req, now);
        boolean fresh = current == null || !req.client().owns(current);
        return new Decision.Grant(new Ipv4Address(ip), r.pool.subnet(), Optional.of(r.pool), Optional.ofNullable(host),
                scopes, seconds, List.of(), fresh);
    }

    private ScopeStack stack(SubnetPlan subnet, PoolPlan pool, HostEntry host, List<Scope> classScopes) {
        if (host == null && classScopes.isEmpty()) {
            return pool != null ? pool.stack() : subnet.stack();
        }
        return ScopeStack.of(host == null ? null : host.scope().orElse(null), classScopes,
                pool == null ? null : pool.scope(), subnet.scope());
    }

    private long leaseSeconds(PoolPlan pool, Lease current, ScopeStack scopes, ClientRequest req, long now) {
        ScopeParams p = scopes.params();
        long desired = req.kind() == RequestKind.BOOTP
                ? p.dynamicBootpLeaseLength().orElse(ScopeParams.INFINITE) : p.leaseSeconds(req.requestedLeaseSeconds());
        return policy.grantableSeconds(pool, current, desired, now);
    }

    private Decision fixedGrant(Eligibility.Fixed f, List<Scope> classScopes, ClientRequest req, List<LeaseChange> changes) {
        ScopeStack scopes = stack(f.subnet(), null, f.host(), classScopes);
        long seconds = req.kind() == RequestKind.BOOTP ? ScopeParams.INFINITE
                : scopes.params().leaseSeconds(req.requestedLeaseSeconds());
        return new Decision.Grant(f.address(), f.subnet(), Optional.empty(), Optional.of(f.host()), scopes, seconds,
                changes, false);
    }

    Decision bind(ClientRequest req, List<Scope> classScopes, boolean serverIdOurs, long now) {
        if (req.kind() == RequestKind.BOOTP) {
            return bootp(req, classScopes, now);
        }
        if (req.requested().isEmpty()) {
            return new Decision.Refusal(false, "no address requested");
        }
        Ipv4Address address = req.requested().get();
        int ip = address.bits();
        SubnetPlan subnet = state.plan.subnetFor(ip);
        ScopeParams netParams = (subnet != null && subnet.network() == req.network() ? subnet
                : req.network().subnets.get(0)).stack().params();
        boolean nak = serverIdOurs || netParams.authoritative();
        if (subnet == null || subnet.network() != req.network()) {
            return new Decision.Refusal(nak, "wrong network: " + address + " is not on " + req.network());
        }
        List<HostEntry> matching = hosts.matching(req.client());
        HostEntry host = matching.isEmpty() ? null : matching.get(0);
        Optional<Eligibility.Fixed> fixedAddress = eligible.fixedFor(matching, req.network());
        if (fixedAddress.isPresent()) {
            return fixedAddress.get().address().equals(address) ? fixedGrant(fixedAddress.get(), classScopes, req, List.of())
                    : new Decision.Refusal(nak, "the client's host has fixed address " + fixedAddress.get().address());
        }
        RangeSlots r = state.plan.rangeFor(ip);
        if (r == null || r.pool.network() != req.network()) {
            return new Decision.Refusal(nak, address + " is in no pool of " + req.network());
        }
        if (!policy.answers(r.pool, req)) {
            return new Decision.Refusal(false, "load balancing: the failover peer answers this client");
        }
        if (!eligible.usable(r, ip, req, host != null, false)) {
            Lease current = r.leases[r.offset(ip)];
            return new Decision.Refusal(nak && policy.naksUnavailable(r.pool, current),
                    address + " is not available to " + req.client());
        }
        return commit(r, ip, req, host, classScopes, now, false);
    }

    private Decision bootp(ClientRequest req, List<Scope> classScopes, long now) {
        Decision offered = offer(req, classScopes, now);
        if (!(offered instanceof Decision.Grant grant) || grant.pool().isEmpty()) {
            return offered;
        }
        RangeSlots r = state.plan.rangeFor(grant.address().bits());
        return commit(r, grant.address().bits(), req, grant.host().orElse(null), classScopes, now, true);
    }

    private Decision commit(RangeSlots r, int ip, ClientRequest req, HostEntry host, List<Scope> classScopes, long now,
            boolean bootp) {
        Lease current = r.leases[r.offset(ip)];
        ScopeStack scopes = stack(r.pool.subnet(), r.pool, host, classScopes);
        long seconds = leaseSeconds(r.pool, current, scopes, req, now);
        Ipv4Address address = new Ipv4Address(ip);
        Lease after = policy.prepare(r.pool, current, LeaseRecords.bound(address, current, req.client(),
                req.clientHostname(), now, seconds, policy.expiredState(r.pool), bootp));
        List<LeaseChange> changes = new ArrayList<>();
        changes.add(new LeaseChange(current, after));
        if (scopes.params().oneLeasePerClient()) {
            releaseOthers(req.client(), ip, now, changes);
        }
        OfferTable.Offer offer = state.offers.of(req.client());
        if (offer != null) {
            state.offers.remove(offer);
            if (offer.ip != ip) {
                offer.range.classify(offer.range.offset(offer.ip));
            }
        }
        changes.forEach(c -> state.place(c.after()));
        boolean fresh = current == null || !req.client().owns(current);
        return new Decision.Grant(address, r.pool.subnet(), Optional.of(r.pool), Optional.ofNullable(host), scopes,
                seconds, changes, fresh);
    }

    /** one-lease-per-client: the client's other active leases are released (dhcpd does so on a REQUEST). */
    private void releaseOthers(ClientId client, int keep, long now, List<LeaseChange> changes) {
        List<Lease> others = new ArrayList<>();
        state.index.candidates(client, ip -> {
            Lease l = state.leaseAt(ip);
            if (ip != keep && l != null && l.bindingState() == BindingState.ACTIVE && client.owns(l)
                    && !others.contains(l)) {
                others.add(l);
            }
            return true;
        });
        for (Lease l : others) {
            RangeSlots r = state.plan.rangeFor(l.ipBits());
            changes.add(new LeaseChange(l, policy.prepare(r.pool, l,
                    LeaseRecords.released(l, policy.releasedState(r.pool), now))));
        }
    }
}
