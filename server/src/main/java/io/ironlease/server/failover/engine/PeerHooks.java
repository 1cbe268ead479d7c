package io.ironlease.server.failover.engine;

import io.ironlease.server.alloc.AllocationEngine;
import io.ironlease.server.alloc.LeaseChange;
import io.ironlease.server.alloc.PoolPlan;
import io.ironlease.server.engine.LeaseEngine;
import io.ironlease.server.failover.BindingStatus;
import io.ironlease.server.failover.BindingUpdateVerdict;
import io.ironlease.server.failover.FailoverAction;
import io.ironlease.server.failover.FailoverStatus;
import io.ironlease.server.failover.LeaseBinding;
import io.ironlease.server.failover.LeaseFacts;
import io.ironlease.server.failover.LeaseOwnership;
import io.ironlease.server.failover.LoadBalanceHash;
import io.ironlease.server.failover.PersistedFailoverState;
import io.ironlease.server.failover.PoolBalance;
import io.ironlease.server.failover.Role;
import io.ironlease.server.failover.UpdateScope;
import io.ironlease.server.failover.runtime.BindingUpdateOutcome;
import io.ironlease.server.failover.runtime.FailoverEngineHooks;
import io.ironlease.server.failover.runtime.FailoverMapping;
import io.ironlease.server.failover.wire.BindingAck;
import io.ironlease.shared.leases.BindingState;
import io.ironlease.shared.leases.Lease;
import io.ironlease.shared.net.Ipv4Address;
import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

/**
 * {@link FailoverEngineHooks} over the lease engine for one relationship: failover state records and
 * the partner's bindings are committed through the engine's group commit (so a BNDACK or a STATE leaves
 * only once on disk, DESIGN.md decision 4), UPDREQ/UPDREQALL are answered from the engine's leases,
 * and pool balancing hands addresses over as ISC does. Every method runs on the lease-engine thread.
 */
final class PeerHooks implements FailoverEngineHooks {

    private final PeerRelationship peer;
    private final LeaseEngine engine;
    private final AllocationEngine alloc;
    private final PoolBalancer balancer;

    PeerHooks(PeerRelationship peer) {
        this.peer = peer;
        this.engine = peer.engine();
        this.alloc = engine.allocation();
        this.balancer = peer.balancer();
    }

    @Override
    public CompletionStage<Void> persistState(PersistedFailoverState state) {
        CompletableFuture<Void> done = new CompletableFuture<>();
        engine.commit(List.of(), List.of(FailoverMapping.record(peer.name(), state)), () -> done.complete(null),
                () -> done.completeExceptionally(new IOException("failover peer " + peer.name()
                        + ": state record not written to the lease file")));
        return done;
    }

    @Override
    public CompletionStage<BindingUpdateOutcome> processBindingUpdate(FailoverAction.ProcessBindingUpdate request) {
        Optional<Ipv4Address> address = request.update().assignedAddress();
        boolean inPools = address.isPresent() && inPools(address.get());
        Lease current = inPools ? alloc.lease(address.get()).orElse(null) : null;
        Optional<LeaseFacts> local = inPools ? Optional.of(LeaseConversions.facts(current)) : Optional.empty();
        Instant now = peer.now();
        BindingUpdateVerdict verdict = LeaseOwnership.judgeBindingUpdate(peer.role(), request.myState(), local,
                request.ownUpdateInFlight(), request.update(), peer.status().hba(), now);
        if (!verdict.accepted()) {
            return CompletableFuture.completedFuture(BindingUpdateOutcome.of(verdict));
        }
        LeaseBinding in = LeaseBinding.from(request.update()).orElseThrow();
        BindingStatus storeAs = verdict.storeAs().orElseThrow();
        if (current == null && storeAs == BindingStatus.FREE && in.clientIdentifier().isEmpty()
                && in.hardwareAddress().isEmpty() && !in.potentialExpiration().isAfter(now)) {
            // a never-used address is FREE already (cold start, UPDREQALL): nothing to write
            return CompletableFuture.completedFuture(BindingUpdateOutcome.stored());
        }
        Lease next = LeaseConversions.stored(in, storeAs, current);
        boolean echo = false;
        if (verdict.handToPartner()) {
            // MAC affinity (ISC peer_wants_lease): the freed address goes to the server its last client hashes to
            LeaseBinding handed = LeaseOwnership.handedOver(LeaseConversions.binding(in.address(), next), peer.role(),
                    now);
            next = LeaseConversions.handedOver(in.address(), next, handed);
            echo = true;
        }
        CompletableFuture<BindingUpdateOutcome> done = new CompletableFuture<>();
        Lease stored = next;
        LeaseChange change = alloc.put(stored);
        if (!echo) {
            peer.fromPartner(stored);
        }
        peer.updatesStored++;
        engine.commit(List.of(change), List.of(), () -> done.complete(BindingUpdateOutcome.stored()), () -> {
            peer.takeFromPartner(stored);
            done.completeExceptionally(new IOException("binding of " + in.address() + " not written"));
        });
        return done;
    }

    private boolean inPools(Ipv4Address address) {
        Optional<PoolPlan> pool = alloc.poolOf(address);
        return pool.isPresent() && peer.pools().contains(pool.get());
    }

    @Override
    public CompletionStage<List<LeaseBinding>> collectUpdates(UpdateScope scope) {
        List<LeaseBinding> out = new ArrayList<>();
        for (PoolPlan pool : peer.pools()) {
            for (var range : pool.ranges()) {
                long last = range.last().toLong();
                for (long a = range.first().toLong(); a <= last; a++) {
                    Ipv4Address address = new Ipv4Address((int) a);
                    Lease lease = alloc.lease(address).orElse(null);
                    if (scope == UpdateScope.ALL || (lease != null && unacknowledged(lease))) {
                        out.add(LeaseConversions.binding(address, lease));
                    }
                }
            }
        }
        return CompletableFuture.completedFuture(out);
    }

    /** ISC's UPDREQ answer: potential expirations the partner has not acknowledged, and transitional leases. */
    private static boolean unacknowledged(Lease lease) {
        BindingState s = lease.bindingState();
        return lease.tstp() > lease.tsfp() || s == BindingState.EXPIRED || s == BindingState.RELEASED
                || s == BindingState.RESET;
    }

    @Override
    public CompletionStage<List<LeaseBinding>> balancePool(boolean partnerAsked) {
        return balancer.balance(true);
    }

    @Override
    public void bindingUpdateSent(LeaseBinding binding) {
        peer.updatesSent++;
        if (binding.status() == BindingStatus.ACTIVE) {
            return; // a lease leaving ACTIVE rewinds to ACTIVE anyway (PeerRelationship.prepare)
        }
        Lease current = alloc.lease(binding.address()).orElse(null);
        BindingState sent = LeaseConversions.state(binding.status());
        if (current != null && current.bindingState() == sent && current.rewindBindingState() != sent) {
            alloc.put(current.toBuilder().rewindBindingState(sent).build()); // in memory; written with the next change
        }
    }

    @Override
    public void updateAcknowledged(LeaseBinding sent, BindingAck ack) {
        if (ack.rejected()) {
            return;
        }
        peer.updatesAcked++;
        Lease current = alloc.lease(sent.address()).orElse(null);
        if (current == null) {
            return;
        }
        long acked = LeaseConversions.seconds(sent.potentialExpiration());
        boolean transitional = sent.status().isTransitional()
                && LeaseConversions.status(current.bindingState()) == sent.status();
        if (!transitional) {
            if (current.tsfp() != acked || current.atsfp() != acked) {
                // in memory: a tsfp lost in a crash only shortens the next grant and is sent again (UPDREQ)
                alloc.put(current.toBuilder().tsfp(acked).atsfp(acked).build());
            }
            return;
        }
        // the partner agreed: the address is free again (ISC), or the secondary's if its last client hashes there
        Role role = peer.role();
        FailoverStatus status = peer.status();
        boolean affinity = role == Role.PRIMARY && (current.hasUid() || current.hardware().isPresent())
                && PoolBalance.secondaryNotHoarding(count(BindingState.FREE), count(BindingState.BACKUP),
                        peer.settings().maxLeaseOwnershipPercent())
                && LoadBalanceHash.peerWants(role, status.hba(), LeaseConversions.clientId(current),
                        current.hardware().map(h -> h.bytes()));
        BindingState free = affinity ? BindingState.BACKUP : BindingState.FREE;
        Lease next = current.toBuilder().bindingState(free).nextBindingState(free).rewindBindingState(free)
                .tsfp(acked).atsfp(acked).tstp(affinity ? LeaseConversions.seconds(peer.now()) : current.tstp())
                .build();
        LeaseChange change = alloc.put(next);
        if (!affinity) {
            peer.fromPartner(next);
        }
        engine.commit(List.of(change), List.of(), null, () -> peer.takeFromPartner(next));
    }

    private int count(BindingState state) {
        int n = 0;
        for (PoolPlan pool : peer.pools()) {
            n += balancer.census(pool).count(state);
        }
        return n;
    }

    @Override
    public void statusChanged(FailoverStatus status) {
        peer.status(status);
    }
}
