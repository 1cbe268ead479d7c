package io.ironlease.server.failover;

import io.ironlease.server.failover.wire.Bytes;
import io.ironlease.shared.leases.FailoverState;
import io.ironlease.shared.net.HardwareAddress;
import io.ironlease.shared.net.Ipv4Address;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.TreeMap;

/**
 * A minimal lease engine for tests: the lease database of one server and the engine's side of the
 * failover actions, built only from the pure rules (LeaseOwnership, PoolBalance). Test-only; the real
 * allocation engine lives elsewhere.
 */
final class SimEngine {

    static final class Lease {
        BindingStatus status = BindingStatus.FREE;
        BindingStatus rewind = BindingStatus.FREE;
        Instant ends = Instant.EPOCH;
        Instant tstp = Instant.EPOCH;
        Instant tsfp = Instant.EPOCH;
        Instant starts = Instant.EPOCH;
        Instant cltt = Instant.EPOCH;
        Optional<HardwareAddress> hardware = Optional.empty();

        LeaseFacts facts() {
            return new LeaseFacts(status, rewind, ends, tstp, tsfp, cltt, Optional.empty(), hardware);
        }
    }

    final Role role;
    final Map<Ipv4Address, Lease> leases = new TreeMap<>();
    FailoverStatus status;
    Optional<PersistedFailoverState> persisted = Optional.empty();
    final Duration desiredLease;
    /** Every address this engine handed to a client: what it was before, and the failover status then. */
    final List<Allocation> allocations = new ArrayList<>();

    record Allocation(Ipv4Address address, BindingStatus before, FailoverStatus status, Instant at) {
    }

    SimEngine(Role role, Ipv4Address first, int count, Duration desiredLease) {
        this.role = role;
        this.desiredLease = desiredLease;
        for (int i = 0; i < count; i++) {
            leases.put(first.plus(i), new Lease());
        }
    }

    LeaseBinding binding(Ipv4Address address) {
        Lease l = leases.get(address);
        return new LeaseBinding(address, l.status, Optional.empty(), l.hardware, l.ends, l.tstp, l.starts,
                l.cltt.equals(Instant.EPOCH) ? Optional.empty() : Optional.of(l.cltt), 0);
    }

    /** Reacts to one engine-facing action; returns the events the engine reports back. */
    List<FailoverEvent> apply(FailoverAction action, Instant now) {
        List<FailoverEvent> events = new ArrayList<>();
        if (action instanceof FailoverAction.PersistState p) {
            persisted = Optional.of(p.state());
        } else if (action instanceof FailoverAction.StatusChanged s) {
            status = s.status();
        } else if (action instanceof FailoverAction.ProcessBindingUpdate p) {
            events.add(process(p, now));
        } else if (action instanceof FailoverAction.CollectUpdates c) {
            List<LeaseBinding> list = new ArrayList<>();
            for (Map.Entry<Ipv4Address, Lease> e : leases.entrySet()) {
                Lease l = e.getValue();
                if (c.scope() == UpdateScope.ALL || l.tstp.isAfter(l.tsfp) || l.status.isTransitional()) {
                    list.add(binding(e.getKey()));
                }
            }
            events.add(new FailoverEvent.UpdatesCollected(c.scope(), c.answerXid(), list));
        } else if (action instanceof FailoverAction.BindingUpdateSent sent) {
            Lease l = leases.get(sent.binding().address());
            if (l != null && l.status == sent.binding().status()) {
                l.rewind = l.status;
            }
        } else if (action instanceof FailoverAction.UpdateAcknowledged a) {
            Lease l = leases.get(a.sent().address());
            if (l != null && !a.ack().rejected()) {
                l.tsfp = a.sent().potentialExpiration();
                if (a.sent().status().isTransitional()) {
                    l.status = BindingStatus.FREE; // the partner agreed: transitional states end in FREE
                }
                l.rewind = l.status;
            }
        } else if (action instanceof FailoverAction.BalancePool b) {
            events.addAll(balance(b.poolRequestXid(), now));
        }
        return events;
    }

    private FailoverEvent process(FailoverAction.ProcessBindingUpdate p, Instant now) {
        Optional<Ipv4Address> address = p.update().assignedAddress();
        Optional<LeaseFacts> local = address.map(leases::get).map(Lease::facts);
        BindingUpdateVerdict verdict = LeaseOwnership.judgeBindingUpdate(role, p.myState(), local,
                p.ownUpdateInFlight(), p.update(), status.hba(), now);
        if (!verdict.accepted()) {
            return FailoverEvent.BindingUpdateProcessed.rejected(p.link(), p.update(),
                    verdict.rejectReason().orElseThrow().code(), verdict.message());
        }
        LeaseBinding in = LeaseBinding.from(p.update()).orElseThrow();
        Lease l = leases.get(in.address());
        l.status = verdict.storeAs().orElseThrow();
        l.rewind = l.status;
        l.ends = in.leaseExpiration();
        l.starts = in.startTimeOfState();
        l.tsfp = in.potentialExpiration();
        l.tstp = l.tsfp;
        l.cltt = in.clientLastTransactionTime().orElse(Instant.EPOCH);
        l.hardware = in.hardwareAddress();
        return FailoverEvent.BindingUpdateProcessed.accepted(p.link(), p.update());
    }

    private List<FailoverEvent> balance(OptionalLong request, Instant now) {
        List<FailoverEvent> events = new ArrayList<>();
        int free = count(BindingStatus.FREE);
        int backup = count(BindingStatus.BACKUP);
        List<PoolBalance.Candidate> mine = new ArrayList<>();
        for (Map.Entry<Ipv4Address, Lease> e : leases.entrySet()) {
            if (e.getValue().status == role.ownFreeStatus()) {
                mine.add(new PoolBalance.Candidate(e.getKey(), !e.getValue().ends.equals(Instant.EPOCH), false));
            }
        }
        PoolBalance.Plan plan = PoolBalance.plan(role, free, backup, 15, 10, mine);
        if (status != null && status.myState() == FailoverState.NORMAL) {
            for (Ipv4Address a : plan.handOver()) {
                LeaseBinding given = LeaseOwnership.handedOver(binding(a), role, now);
                Lease l = leases.get(a);
                l.status = given.status();
                l.tstp = given.potentialExpiration();
                l.starts = now;
                events.add(new FailoverEvent.LeaseChanged(given, false));
            }
        }
        events.add(new FailoverEvent.PoolBalanced(request, status != null && status.myState() == FailoverState.NORMAL
                ? plan.handOver().size() : 0));
        return events;
    }

    int count(BindingStatus s) {
        return (int) leases.values().stream().filter(l -> l.status == s).count();
    }

    /**
     * A client asks for an address: the address it gets, if this server answers and has one it may
     * allocate (a DISCOVER+REQUEST collapsed into one step), with the lease time it was given.
     */
    Optional<Map.Entry<Ipv4Address, Duration>> allocate(byte[] mac, int secs, Instant now, List<FailoverEvent> out) {
        if (status == null || !status.service().answersClients() || !status.servesLocally(secs, Optional.empty(), mac)) {
            return Optional.empty();
        }
        HardwareAddress hw = HardwareAddress.ethernet(mac);
        List<Map.Entry<Ipv4Address, Lease>> order = new ArrayList<>();
        for (Map.Entry<Ipv4Address, Lease> e : leases.entrySet()) {
            boolean same = e.getValue().hardware.isPresent() && e.getValue().hardware.get().equals(hw)
                    && e.getValue().status == BindingStatus.ACTIVE;
            order.add(same ? 0 : order.size(), e); // the client's own lease first (a renewal)
        }
        for (Map.Entry<Ipv4Address, Lease> e : order) {
            Lease l = e.getValue();
            boolean same = l.hardware.isPresent() && l.hardware.get().equals(hw) && l.status == BindingStatus.ACTIVE;
            if (same || LeaseOwnership.mayAllocate(status, l.facts(), now)) {
                allocations.add(new Allocation(e.getKey(), l.status, status, now));
                LeaseGrant grant = LeaseOwnership.grantLeaseTime(desiredLease, status.mcltOrZero(), l.tsfp, l.tstp, now,
                        true);
                LeaseBinding b = LeaseOwnership.granted(e.getKey(), Optional.<Bytes>empty(), hw, grant, now);
                l.status = BindingStatus.ACTIVE;
                l.ends = b.leaseExpiration();
                l.tstp = b.potentialExpiration();
                l.tsfp = grant.tsfp();
                l.starts = now;
                l.cltt = now;
                l.hardware = Optional.of(hw);
                out.add(new FailoverEvent.LeaseChanged(b, true));
                return Optional.of(Map.entry(e.getKey(), grant.leaseTime()));
            }
        }
        return Optional.empty();
    }

    /** Expires active leases whose time is up (ISC's pool timer). */
    void expire(Instant now, List<FailoverEvent> out) {
        for (Map.Entry<Ipv4Address, Lease> e : leases.entrySet()) {
            Lease l = e.getValue();
            if (l.status == BindingStatus.ACTIVE && !l.ends.isAfter(now)) {
                l.status = BindingStatus.EXPIRED;
                out.add(new FailoverEvent.LeaseChanged(LeaseOwnership.expired(binding(e.getKey())), true));
            }
        }
    }
}
