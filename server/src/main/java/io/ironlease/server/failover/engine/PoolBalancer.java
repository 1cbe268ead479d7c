package io.ironlease.server.failover.engine;

import io.ironlease.server.alloc.AllocationEngine;
import io.ironlease.server.alloc.LeaseChange;
import io.ironlease.server.alloc.PoolPlan;
import io.ironlease.server.failover.FailoverSettings;
import io.ironlease.server.failover.FailoverStatus;
import io.ironlease.server.failover.LeaseBinding;
import io.ironlease.server.failover.LeaseOwnership;
import io.ironlease.server.failover.LoadBalanceHash;
import io.ironlease.server.failover.PoolBalance;
import io.ironlease.server.failover.Role;
import io.ironlease.shared.leases.BindingState;
import io.ironlease.shared.leases.FailoverState;
import io.ironlease.shared.leases.Lease;
import io.ironlease.shared.leases.LeaseTime;
import io.ironlease.shared.net.Ipv4Address;
import java.time.Instant;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Pool balancing for one relationship (draft §5.4, ISC dhcp_failover_pool_dobalance and pool_check):
 * counts each pool's FREE and BACKUP addresses, hands the other server its share with
 * {@link PoolBalance}, commits the handed-over bindings and reports them; the rebalance timer also asks
 * the partner for addresses (POOLREQ) when this server runs short. Engine thread only.
 */
final class PoolBalancer {

    private static final Logger LOG = LoggerFactory.getLogger(PoolBalancer.class);

    /** A pool's addresses by binding status, and this server's available ones in address order. */
    record Census(int free, int backup, List<PoolBalance.Candidate> mine) {
        int count(BindingState state) {
            return state == BindingState.FREE ? free : state == BindingState.BACKUP ? backup : 0;
        }
    }

    private final PeerRelationship peer;
    private final AllocationEngine alloc;
    private final Map<PoolPlan, Census> cached = new IdentityHashMap<>();
    private long cachedAt = Long.MIN_VALUE;

    PoolBalancer(PeerRelationship peer) {
        this.peer = peer;
        this.alloc = peer.engine().allocation();
    }

    /** The census of a pool, at most a second old (it walks every address). */
    Census census(PoolPlan pool) {
        long now = peer.engine().now();
        if (now != cachedAt) {
            cached.clear();
            cachedAt = now;
        }
        return cached.computeIfAbsent(pool, this::count);
    }

    private Census count(PoolPlan pool) {
        Role role = peer.role();
        FailoverStatus status = peer.status();
        BindingState own = LeaseConversions.state(role.ownFreeStatus());
        int free = 0;
        int backup = 0;
        List<PoolBalance.Candidate> mine = new ArrayList<>();
        for (var range : pool.ranges()) {
            long last = range.last().toLong();
            for (long a = range.first().toLong(); a <= last; a++) {
                Ipv4Address address = new Ipv4Address((int) a);
                Lease lease = alloc.lease(address).orElse(null);
                BindingState state = lease == null ? BindingState.FREE : lease.bindingState();
                if (state == BindingState.FREE) {
                    free++;
                } else if (state == BindingState.BACKUP) {
                    backup++;
                }
                if (state == own && !alloc.isOffered(address)) {
                    boolean used = lease != null && lease.ends() != LeaseTime.UNSET;
                    boolean wants = lease != null && LoadBalanceHash.peerWants(role, status.hba(),
                            LeaseConversions.clientId(lease), lease.hardware().map(h -> h.bytes()));
                    mine.add(new PoolBalance.Candidate(address, used, wants));
                }
            }
        }
        return new Census(free, backup, mine);
    }

    /**
     * Balances every pool of the relationship if my state is NORMAL; completes with the handed-over
     * bindings once they are on disk. {@code forRuntime}: the runtime queues their BNDUPDs itself (it
     * asked); otherwise their commit sends them like any change.
     */
    CompletionStage<List<LeaseBinding>> balance(boolean forRuntime) {
        if (peer.status().myState() != FailoverState.NORMAL) {
            return CompletableFuture.completedFuture(List.of());
        }
        FailoverSettings s = peer.settings();
        Instant now = peer.now();
        List<LeaseBinding> given = new ArrayList<>();
        List<LeaseChange> changes = new ArrayList<>();
        for (PoolPlan pool : peer.pools()) {
            Census census = census(pool);
            PoolBalance.Plan plan = PoolBalance.plan(peer.role(), census.free(), census.backup(),
                    s.maxLeaseMisbalancePercent(), s.maxLeaseOwnershipPercent(), census.mine());
            if (!plan.handOver().isEmpty()) {
                LOG.info("FAILOVER_POOL_BALANCE peer={} {}: free {} backup {} lts {} -> {}, handing {} addresses "
                        + "to the partner", peer.name(), pool, census.free(), census.backup(), plan.ltsBefore(),
                        plan.ltsAfter(), plan.handOver().size());
            }
            for (Ipv4Address address : plan.handOver()) {
                Lease current = alloc.lease(address).orElse(null);
                LeaseBinding handed = LeaseOwnership.handedOver(LeaseConversions.binding(address, current),
                        peer.role(), now);
                Lease next = LeaseConversions.handedOver(address, current, handed);
                changes.add(alloc.put(next));
                if (forRuntime) {
                    peer.fromPartner(next);
                }
                given.add(handed);
            }
            cached.remove(pool);
        }
        if (changes.isEmpty()) {
            return CompletableFuture.completedFuture(List.of());
        }
        CompletableFuture<List<LeaseBinding>> done = new CompletableFuture<>();
        peer.engine().commit(changes, List.of(), () -> done.complete(given), () -> {
            changes.forEach(c -> peer.takeFromPartner(c.after()));
            done.complete(List.of());
        });
        return done;
    }

    /**
     * The rebalance timer (ISC pool_check): in NORMAL, hands addresses over when a pool is out of
     * balance beyond max-lease-misbalance, and asks the partner with POOLREQ when this server is short.
     */
    void check() {
        if (peer.status().myState() != FailoverState.NORMAL || peer.runtime().isEmpty()) {
            return;
        }
        FailoverSettings s = peer.settings();
        boolean give = false;
        boolean ask = false;
        for (PoolPlan pool : peer.pools()) {
            Census census = census(pool);
            PoolBalance.Plan plan = PoolBalance.plan(peer.role(), census.free(), census.backup(),
                    s.maxLeaseMisbalancePercent(), s.maxLeaseOwnershipPercent(), census.mine());
            give |= plan.ltsBefore() > plan.threshold() && !plan.handOver().isEmpty();
            ask |= plan.requestFromPartner();
        }
        if (give) {
            balance(false);
        }
        if (ask) {
            LOG.info("FAILOVER_POOLREQ peer={} short of addresses: asking the partner", peer.name());
            peer.runtime().get().requestPool();
        }
    }
}
