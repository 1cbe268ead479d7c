package io.ironlease.server.failover.engine;

import io.ironlease.server.alloc.ClientId;
import io.ironlease.server.alloc.ClientRequest;
import io.ironlease.server.alloc.PoolPlan;
import io.ironlease.server.engine.LeaseEngine;
import io.ironlease.server.failover.FailoverSettings;
import io.ironlease.server.failover.FailoverStatus;
import io.ironlease.server.failover.HashBucketAssignment;
import io.ironlease.server.failover.LeaseBinding;
import io.ironlease.server.failover.LeaseGrant;
import io.ironlease.server.failover.LeaseOwnership;
import io.ironlease.server.failover.LoadBalanceHash;
import io.ironlease.server.failover.Role;
import io.ironlease.server.failover.ServiceState;
import io.ironlease.server.failover.runtime.FailoverRuntime;
import io.ironlease.shared.leases.BindingState;
import io.ironlease.shared.leases.Lease;
import io.ironlease.shared.leases.LeaseTime;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * One {@code failover peer} as the DHCP engine sees it: which requests this server answers, which idle
 * addresses it may give out and for how long (draft-ietf-dhc-failover-12 §5.2-5.3, ISC's
 * load_balance_mine, lease_mine_to_reallocate and ack_lease), with the relationship's status as the
 * {@link FailoverRuntime} last reported it. Engine thread only, except {@link #status()}.
 */
final class PeerRelationship {

    private final FailoverSettings settings;
    private final List<PoolPlan> pools;
    private LeaseEngine engine;
    private PoolBalancer balancer;
    /** Leases committed for the partner (its BNDUPDs, acknowledged transitions): not sent back to it. */
    private final Set<Lease> fromPartner = Collections.newSetFromMap(new IdentityHashMap<>());
    private volatile FailoverStatus status;
    private FailoverRuntime runtime;
    /** The desired lease time of the grant being decided (grantableSeconds, then prepare, one call apart). */
    private long desiredSeconds = -1;
    private final List<LeaseBinding> committed = new ArrayList<>();
    /** BNDUPDs sent, acknowledged by the partner, and received from it and stored (engine thread). */
    long updatesSent;
    long updatesAcked;
    long updatesStored;
    private String lastStats = "";

    PeerRelationship(FailoverSettings settings, List<PoolPlan> pools, FailoverStatus initial) {
        this.settings = settings;
        this.pools = List.copyOf(pools);
        this.status = initial;
    }

    /** Joins the lease engine (after its replay, before the runtime starts). */
    void attach(LeaseEngine value) {
        engine = value;
        balancer = new PoolBalancer(this);
    }

    PoolBalancer balancer() {
        return balancer;
    }

    FailoverSettings settings() {
        return settings;
    }

    String name() {
        return settings.peerName();
    }

    Role role() {
        return settings.role();
    }

    List<PoolPlan> pools() {
        return pools;
    }

    LeaseEngine engine() {
        return engine;
    }

    FailoverStatus status() {
        return status;
    }

    void status(FailoverStatus value) {
        status = value;
    }

    Optional<FailoverRuntime> runtime() {
        return Optional.ofNullable(runtime);
    }

    void runtime(FailoverRuntime value) {
        runtime = value;
        status = value.status();
    }

    Instant now() {
        return engine.clock().instant();
    }

    /** Marks a lease committed on the partner's behalf, so that its commit is not echoed as a BNDUPD. */
    void fromPartner(Lease lease) {
        fromPartner.add(lease);
    }

    /** True (and forgets it) when {@code lease} was committed for the partner. */
    boolean takeFromPartner(Lease lease) {
        return !fromPartner.isEmpty() && fromPartner.remove(lease);
    }

    /** A committed change of ours goes to the partner with the next {@link #flushUpdates} (draft §7.1). */
    void leaseCommitted(Lease after) {
        if (runtime != null) {
            committed.add(LeaseConversions.binding(after.ip(), after));
        }
    }

    /** After a group commit: queue its changes with the runtime and send them, in one engine task. */
    void flushUpdates() {
        if (!committed.isEmpty() && runtime != null) {
            runtime.leasesChanged(committed);
            committed.clear();
        }
    }

    /** A FAILOVER_STATS line when the counters moved since the last one, else empty. */
    Optional<String> stats() {
        String line = statsLine();
        if (line.equals(lastStats)) {
            return Optional.empty();
        }
        lastStats = line;
        return Optional.of(line);
    }

    String statsLine() {
        return "peer=" + name() + " state=" + status.myState() + " partner=" + status.partnerState()
                + " bndupd_sent=" + updatesSent + " bndack_received=" + updatesAcked + " bndupd_stored=" + updatesStored
                + " unacked=" + status.unackedUpdates();
    }

    /**
     * Whether this server answers the client now: never in STARTUP, RECOVER and the other silent states;
     * in NORMAL only the clients the RFC 3074 hash gives it (DISCOVER, INIT-REBOOT and REBINDING; a
     * client that chose our offer or renews by unicast is ours), or every client once its secs exceed
     * {@code load balance max seconds}. A secondary that has not learnt the MCLT answers nobody.
     */
    boolean answers(ClientRequest request) {
        FailoverStatus s = status;
        if (!s.service().answersClients() || s.mclt().isEmpty()) {
            return false;
        }
        if (!s.loadBalancing()) {
            return true;
        }
        return switch (request.kind()) {
            case DISCOVER, INIT_REBOOT, REBINDING -> servesLocally(s, request);
            default -> true;
        };
    }

    private static boolean servesLocally(FailoverStatus s, ClientRequest request) {
        if (s.loadBalanceMaxSeconds() < request.secs()) {
            return true;
        }
        Optional<HashBucketAssignment> hba = s.hba();
        if (hba.isEmpty()) {
            return false; // ISC: without an HBA nothing is ours to balance
        }
        ClientId client = request.client();
        int bucket = LoadBalanceHash.hash(client.hasUid() ? client.uid() : client.hardware().bytes());
        boolean primaryBucket = hba.get().isPrimaryBucket(bucket);
        return s.role() == Role.PRIMARY ? primaryBucket : !primaryBucket;
    }

    /** Whether an idle address (its lease, null if never used) may go to a client now (§5.2, §9.4.2). */
    boolean mayAllocate(Lease idle) {
        FailoverStatus s = status;
        return s.service().answersClients() && s.mclt().isPresent()
                && LeaseOwnership.mayAllocate(s, LeaseConversions.facts(idle), now());
    }

    /**
     * Whether the pool's free set (FREE and transitional addresses) or backup set can hold an address
     * this server may allocate now: its own set, both in PARTNER-DOWN, neither while silent.
     */
    boolean allocatesFrom(boolean backup) {
        FailoverStatus s = status;
        if (!s.service().answersClients()) {
            return false;
        }
        return s.service() == ServiceState.PARTNER_DOWN || backup == (s.role() == Role.SECONDARY);
    }

    /** Only an address bound to another client is NAKed; the partner may own any other (ISC: "owned by peer"). */
    boolean naksUnavailable(Lease current) {
        return status.service().answersClients() && current != null
                && current.bindingState() == BindingState.ACTIVE;
    }

    /** The MCLT rule (§5.2.1): at most MCLT beyond what the partner acknowledged. */
    long grantableSeconds(Lease current, long desired, long now) {
        desiredSeconds = desired;
        Duration mclt = status.mcltOrZero();
        if (desired <= mclt.getSeconds()) {
            return desired;
        }
        Instant tsfp = current == null ? Instant.EPOCH : LeaseConversions.instant(current.tsfp());
        return LeaseOwnership.grantLeaseTime(Duration.ofSeconds(desired), mclt, tsfp, tsfp, Instant.ofEpochSecond(now),
                false).leaseTime().getSeconds();
    }

    /**
     * The failover fields of a change before it is committed: a grant gets its potential expiration
     * (tstp = now + desired + half the granted time, ISC ack_lease) and keeps the acknowledged one; a
     * lease that leaves ACTIVE rewinds to ACTIVE (the partner may know it so until it acknowledges the
     * change), others keep what the partner last knew.
     */
    Lease prepare(Lease before, Lease after) {
        BindingState s = after.bindingState();
        Lease.Builder b = after.toBuilder();
        if (s == BindingState.ACTIVE) {
            long now = after.starts();
            long desired = desiredSeconds >= 0 ? desiredSeconds : Math.max(0, after.ends() - now);
            desiredSeconds = -1;
            Instant tsfp = before == null ? Instant.EPOCH : LeaseConversions.instant(before.tsfp());
            Instant tstp = before == null ? Instant.EPOCH : LeaseConversions.instant(before.tstp());
            Duration mclt = status.mcltOrZero();
            LeaseGrant grant = LeaseOwnership.grantLeaseTime(Duration.ofSeconds(Math.min(desired, 0xffff_ffffL)), mclt,
                    tsfp, tstp, Instant.ofEpochSecond(now), true);
            b.tstp(LeaseConversions.seconds(grant.potentialExpiration()))
                    .tsfp(LeaseConversions.seconds(grant.tsfp()))
                    .atsfp(before == null ? LeaseTime.UNSET : before.atsfp())
                    .nextBindingState(BindingState.EXPIRED)
                    .rewindBindingState(before == null ? BindingState.FREE : before.rewindBindingState());
        } else if (s == BindingState.EXPIRED || s == BindingState.RELEASED || s == BindingState.RESET
                || s == BindingState.ABANDONED) {
            if (before != null) {
                b.tsfp(before.tsfp()).atsfp(before.atsfp());
            }
            b.rewindBindingState(before == null ? BindingState.FREE
                    : before.bindingState() == BindingState.ACTIVE ? BindingState.ACTIVE : before.rewindBindingState());
        }
        return b.build();
    }
}
