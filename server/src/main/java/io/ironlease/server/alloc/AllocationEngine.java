package io.ironlease.server.alloc;

import io.ironlease.shared.leases.BindingState;
import io.ironlease.shared.leases.Lease;
import io.ironlease.shared.net.Ipv4Address;
import io.ironlease.shared.options.HostResolver;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * Address allocation, pure: no I/O, no clock of its own (callers pass "now" in epoch seconds), one
 * thread (the lease engine). Decides what a DISCOVER is offered and whether a REQUEST or BOOTP
 * request is bound (RFC 2131 4.3.1/4.3.2 as dhcpd does it), releases, declines and expiries; applies
 * the resulting changes to its state at once, so later requests see them, and rolls them back when
 * the caller could not make them durable.
 *
 * <p>Address choice for a client (uid, else hardware): a fixed address of its host on this network;
 * its pending offer; its active lease on this network; its previous lease if still free; the address it
 * asked for if free; a free address of a pool it is permitted in (next fit); an abandoned address as a
 * last resort. The {@link LeaseOwnershipPolicy} (failover) may veto free and backup addresses.
 */
public final class AllocationEngine {

    /** How long an offered address stays held for its client. */
    public static final long OFFER_HOLD_SECONDS = 30;

    private final LeaseState state;
    private final HostTable hosts;
    private final LeaseOwnershipPolicy policy;
    private final HostResolver resolver;
    private final Bindings bindings;

    public AllocationEngine(AddressPlan plan, HostTable hosts, LeaseOwnershipPolicy policy, HostResolver resolver) {
        this.state = new LeaseState(Objects.requireNonNull(plan, "plan"));
        this.hosts = Objects.requireNonNull(hosts, "hosts");
        this.policy = Objects.requireNonNull(policy, "policy");
        this.resolver = Objects.requireNonNull(resolver, "resolver");
        this.bindings = new Bindings(state, hosts, policy, resolver);
    }

    public AddressPlan plan() {
        return state.plan;
    }

    public HostTable hosts() {
        return hosts;
    }

    public LeaseOwnershipPolicy policy() {
        return policy;
    }

    /** Puts a lease read from the store (later records win); no decision, no change record. */
    public void load(Lease lease) {
        state.place(lease);
    }

    public Optional<Lease> lease(Ipv4Address address) {
        return Optional.ofNullable(state.leaseAt(address.bits()));
    }

    public int leaseCount() {
        return state.leaseCount();
    }

    /** Leases whose address lies in no configured range (kept, but not served). */
    public int strayCount() {
        return state.strayCount();
    }

    public int offerCount() {
        return state.offers.size();
    }

    /** Whether the address is held for a client by a pending DHCPOFFER (pool balancing leaves it alone). */
    public boolean isOffered(Ipv4Address address) {
        return state.offers.at(address.bits()) != null;
    }

    /** Visits every lease: ranges in address order, then addresses outside every range. */
    public void forEachLease(Consumer<? super Lease> action) {
        state.forEach(action);
    }

    /** Visits leases in address order after {@code after} (exclusive; empty: from the start) until the visitor says stop. */
    public void forEachLeaseAfter(Optional<Ipv4Address> after, java.util.function.Predicate<? super Lease> visitor) {
        state.forEachFrom(after.map(Ipv4Address::toLong).orElse(-1L), visitor);
    }

    /** Leases recorded with this hardware address, in any state. */
    public List<Lease> leasesByHardware(io.ironlease.shared.net.HardwareAddress hardware) {
        List<Lease> out = new ArrayList<>();
        state.index.byHardware(hardware, ip -> {
            Lease l = state.leaseAt(ip);
            if (l != null && l.hardware().map(hardware::equals).orElse(false) && !out.contains(l)) {
                out.add(l);
            }
            return true;
        });
        return out;
    }

    /** Leases recorded with this client identifier, in any state. */
    public List<Lease> leasesByClientId(byte[] uid) {
        List<Lease> out = new ArrayList<>();
        state.index.byUid(uid, ip -> {
            Lease l = state.leaseAt(ip);
            if (l != null && l.uidEquals(uid) && !out.contains(l)) {
                out.add(l);
            }
            return true;
        });
        return out;
    }

    /** The hosts that match a client (by uid, then hardware): it is "known" when there is one. */
    public List<HostEntry> hostsFor(ClientId client) {
        return hosts.matching(client);
    }

    /** The scopes for a client of {@code subnet}/{@code pool}; cached when it has no host and no class. */
    public ScopeStack scopes(SubnetPlan subnet, PoolPlan pool, HostEntry host, List<io.ironlease.shared.config.model.Scope> classes) {
        if (host == null && classes.isEmpty()) {
            return pool != null ? pool.stack() : subnet.stack();
        }
        return ScopeStack.of(host == null ? null : host.scope().orElse(null), classes,
                pool == null ? null : pool.scope(), subnet.scope());
    }

    /** DHCPDISCOVER: an address to offer, held for the client, or a refusal (never a NAK). */
    public Decision offer(ClientRequest request, List<io.ironlease.shared.config.model.Scope> classScopes, long now) {
        return bindings.offer(request, classScopes, now);
    }

    /** DHCPREQUEST in any state, or BOOTP: the binding (changes applied) or a NAK or silence. */
    public Decision bind(ClientRequest request, List<io.ironlease.shared.config.model.Scope> classScopes, boolean serverIdOurs,
            long now) {
        return bindings.bind(request, classScopes, serverIdOurs, now);
    }

    /** DHCPRELEASE of {@code address} by {@code client}: the lease goes back to the pool. */
    public List<LeaseChange> release(ClientId client, Ipv4Address address, long now) {
        Lease lease = state.leaseAt(address.bits());
        RangeSlots r = state.plan.rangeFor(address.bits());
        if (lease == null || r == null || lease.bindingState() != BindingState.ACTIVE || !client.owns(lease)) {
            return List.of();
        }
        Lease after = policy.prepare(r.pool, lease,
                LeaseRecords.released(lease, policy.releasedState(r.pool), now));
        return apply(List.of(new LeaseChange(lease, after)));
    }

    /** DHCPDECLINE of {@code address} by {@code client}: the address is abandoned (RFC 2131 4.3.3). */
    public List<LeaseChange> decline(ClientId client, Ipv4Address address, long now) {
        int ip = address.bits();
        RangeSlots r = state.plan.rangeFor(ip);
        if (r == null) {
            return List.of();
        }
        Lease lease = state.leaseAt(ip);
        OfferTable.Offer offer = state.offers.at(ip);
        boolean offeredToClient = offer != null && offer.client.equals(client);
        boolean ownsActive = lease != null && lease.bindingState() == BindingState.ACTIVE && client.owns(lease);
        if (!offeredToClient && !ownsActive) {
            return List.of();
        }
        if (offer != null) {
            state.offers.remove(offer);
        }
        long abandon = r.pool.stack().params().abandonLeaseSeconds();
        Lease after = policy.prepare(r.pool, lease, LeaseRecords.abandoned(address, lease, now, abandon));
        return apply(List.of(new LeaseChange(lease, after)));
    }

    /** Withdraws the client's pending offer (it chose another server). */
    public void withdrawOffer(ClientId client) {
        OfferTable.Offer offer = state.offers.of(client);
        if (offer != null) {
            state.withdraw(offer);
        }
    }

    /** ping-check found {@code address} in use: it is abandoned (dhcpd: "ICMP Echo reply ... abandoning"). */
    public List<LeaseChange> abandonConflict(Ipv4Address address, long now) {
        int ip = address.bits();
        RangeSlots r = state.plan.rangeFor(ip);
        if (r == null) {
            return List.of();
        }
        OfferTable.Offer offer = state.offers.at(ip);
        if (offer != null) {
            state.offers.remove(offer);
        }
        Lease lease = state.leaseAt(ip);
        long abandon = r.pool.stack().params().abandonLeaseSeconds();
        Lease after = policy.prepare(r.pool, lease, LeaseRecords.abandoned(address, lease, now, abandon));
        return apply(List.of(new LeaseChange(lease, after)));
    }

    /** Ends the leases and offers due at {@code now}: active leases take their next state, abandoned ones become free. */
    public List<LeaseChange> expire(long now) {
        for (OfferTable.Offer offer : state.offers.expire(now)) {
            RangeSlots r = offer.range;
            r.classify(r.offset(offer.ip));
        }
        List<LeaseChange> changes = new ArrayList<>();
        ExpiryQueue q = state.expiry;
        while (q.size() > 0 && q.peekEnd() <= now) {
            long end = q.peekEnd();
            int ip = q.peekIp();
            q.pop();
            Lease lease = state.leaseAt(ip);
            if (lease == null || lease.ends() != end) {
                continue;
            }
            RangeSlots r = state.plan.rangeFor(ip);
            BindingState s = lease.bindingState();
            if (r == null || (s != BindingState.ACTIVE && s != BindingState.ABANDONED)) {
                continue;
            }
            BindingState next = s == BindingState.ABANDONED ? BindingState.FREE
                    : lease.nextBindingState() != BindingState.ACTIVE ? lease.nextBindingState()
                    : policy.expiredState(r.pool);
            Lease after = policy.prepare(r.pool, lease, LeaseRecords.expired(lease, next));
            changes.add(new LeaseChange(lease, after));
            state.place(after);
        }
        state.compactExpiry();
        return changes;
    }

    /** The earliest lease end in the queue (epoch seconds), for timers; Long.MAX_VALUE when none. */
    public long nextExpiry() {
        return state.expiry.peekEnd();
    }

    /** Replaces the lease of an address from outside the engine (OMAPI, a failover peer's update). */
    public LeaseChange put(Lease lease) {
        Lease before = state.leaseAt(lease.ipBits());
        OfferTable.Offer offer = state.offers.at(lease.ipBits());
        if (offer != null && lease.bindingState() == BindingState.ACTIVE) {
            state.offers.remove(offer);
        }
        state.place(lease);
        return new LeaseChange(before, lease);
    }

    /** Applies changes to the state (they are already decided) and returns them. */
    List<LeaseChange> apply(List<LeaseChange> changes) {
        changes.forEach(c -> state.place(c.after()));
        return changes;
    }

    /** Undoes changes that could not be made durable, where nothing replaced them since. */
    public void rollback(List<LeaseChange> changes) {
        state.rollback(changes);
    }

    /** The pool (and subnet) an address belongs to. */
    public Optional<PoolPlan> poolOf(Ipv4Address address) {
        return state.plan.poolFor(address);
    }

    HostResolver resolver() {
        return resolver;
    }
}
