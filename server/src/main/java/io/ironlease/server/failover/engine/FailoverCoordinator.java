package io.ironlease.server.failover.engine;

import io.ironlease.server.alloc.AddressPlan;
import io.ironlease.server.alloc.ClientRequest;
import io.ironlease.server.alloc.LeaseChange;
import io.ironlease.server.alloc.LeaseOwnershipPolicy;
import io.ironlease.server.alloc.PoolPlan;
import io.ironlease.server.engine.EngineExecutor;
import io.ironlease.server.engine.LeaseEngine;
import io.ironlease.server.failover.FailoverSettings;
import io.ironlease.server.failover.FailoverStateMachine;
import io.ironlease.server.failover.PersistedFailoverState;
import io.ironlease.server.failover.runtime.FailoverMapping;
import io.ironlease.server.failover.runtime.FailoverRuntime;
import io.ironlease.shared.config.model.DhcpConfig;
import io.ironlease.shared.config.model.FailoverPeerConfig;
import io.ironlease.shared.leases.BindingState;
import io.ironlease.shared.leases.Lease;
import io.ironlease.shared.net.Ipv4Address;
import io.ironlease.shared.options.HostRef;
import io.ironlease.shared.options.HostResolver;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The failover engine of a server: one {@link FailoverRuntime} per {@code failover peer} of dhcpd.conf,
 * running on the lease-engine thread, and the {@link LeaseOwnershipPolicy} the allocation engine
 * consults for every pool (pools of a peer follow that relationship, the others are served standalone).
 * It reports every committed binding change of a peer's pools to that runtime (lazy BNDUPDs, flushed
 * after each batch of engine work) and runs the rebalance timer.
 *
 * <p>Lifecycle: built from the configuration before the allocation engine (it is its policy);
 * {@link #start} once the lease file is replayed binds each failover listener and starts the runtime
 * from the state recorded in dhcpd.leases; {@link #close} drops the connections (the partner sees the
 * TCP close, as when ISC dhcpd stops).
 */
public final class FailoverCoordinator implements LeaseOwnershipPolicy, AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(FailoverCoordinator.class);

    /** System property: seconds between FAILOVER_STATS lines (counters of binding updates), 0 for none; default 60. */
    public static final String STATS_PROPERTY = "ironlease.failover.statsSeconds";

    private final List<PeerRelationship> peers = new ArrayList<>();
    private final Map<PoolPlan, PeerRelationship> byPool = new IdentityHashMap<>();
    private EngineScheduler scheduler;
    private LeaseEngine engine;
    private volatile boolean started;

    private FailoverCoordinator() {
    }

    /**
     * The failover engine for {@code config}, or empty when it declares no failover peer.
     *
     * @param resolve turns a host name in {@code address}/{@code peer address} into an address
     * @throws IllegalArgumentException naming the declaration when its settings are unusable
     */
    public static Optional<FailoverCoordinator> of(DhcpConfig config, AddressPlan plan, HostResolver resolve) {
        if (config.failoverPeers().isEmpty()) {
            return Optional.empty();
        }
        FailoverCoordinator coordinator = new FailoverCoordinator();
        for (FailoverPeerConfig declared : config.failoverPeers()) {
            FailoverSettings settings = FailoverMapping.settings(declared, ref -> resolve(ref, resolve, declared));
            List<PoolPlan> pools = plan.pools().stream()
                    .filter(p -> p.failoverPeer().map(declared.name()::equals).orElse(false)).toList();
            PeerRelationship peer = new PeerRelationship(settings, pools, new FailoverStateMachine(settings).status());
            coordinator.peers.add(peer);
            pools.forEach(p -> coordinator.byPool.put(p, peer));
        }
        return Optional.of(coordinator);
    }

    private static Ipv4Address resolve(HostRef ref, HostResolver resolver, FailoverPeerConfig peer) {
        return ref.address().or(() -> resolver.resolve(ref.text()).stream().findFirst())
                .orElseThrow(() -> new IllegalArgumentException("failover peer \"" + peer.name() + "\" at " + peer.pos()
                        + ": " + ref.text() + " does not resolve to an IPv4 address"));
    }

    /**
     * Starts every relationship on the lease engine (after its replay): binds the failover listeners,
     * then starts each runtime from its last {@code failover peer "X" state} record.
     *
     * @throws IOException when a listener cannot be bound (nothing is left running then)
     */
    public void start(LeaseEngine leaseEngine, EngineExecutor loop) throws IOException {
        if (engine != null) {
            throw new IllegalStateException("failover already started");
        }
        engine = leaseEngine;
        scheduler = new EngineScheduler(loop, "ironlease-failover-timer");
        try {
            for (PeerRelationship peer : peers) {
                peer.attach(leaseEngine);
                FailoverRuntime runtime = FailoverRuntime.open(peer.settings(), new PeerHooks(peer), scheduler,
                        leaseEngine.clock());
                peer.runtime(runtime);
            }
        } catch (IOException | RuntimeException e) {
            close();
            throw new IOException("failover: cannot listen: " + e.getMessage(), e);
        }
        for (PeerRelationship peer : peers) {
            FailoverSettings s = peer.settings();
            Optional<PersistedFailoverState> persisted = leaseEngine.records().failoverState(s.peerName())
                    .map(FailoverMapping::persisted);
            LOG.info("FAILOVER_START peer={} {} {}:{} <-> {}:{}, {} pools, stored state {}", s.peerName(),
                    s.role().name().toLowerCase(), s.localAddress(), peer.runtime().orElseThrow().link().listenAddress()
                            .getPort(), s.peerAddress(), s.peerPort(), peer.pools().size(),
                    persisted.map(p -> p.myState().fileName() + " (partner " + p.partnerState().fileName() + ")")
                            .orElse("none"));
            peer.runtime().orElseThrow().start(persisted);
        }
        started = true;
        long every = Math.max(1, peers.stream().mapToLong(p -> p.settings().minBalance().toSeconds()).min().orElse(60));
        scheduler.scheduleWithFixedDelay(this::rebalance, every, every, TimeUnit.SECONDS);
        long stats = Long.getLong(STATS_PROPERTY, 60);
        if (stats > 0) {
            scheduler.scheduleWithFixedDelay(this::logStats, stats, stats, TimeUnit.SECONDS);
        }
    }

    private void logStats() {
        for (PeerRelationship peer : peers) {
            peer.stats().ifPresent(line -> LOG.info("FAILOVER_STATS {}", line));
        }
    }

    private void rebalance() {
        for (PeerRelationship peer : peers) {
            peer.balancer().check();
        }
    }

    /** The running relationships, in declaration order (OMAPI {@code failover-state}, tests). */
    public List<FailoverRuntime> runtimes() {
        List<FailoverRuntime> list = new ArrayList<>();
        peers.forEach(p -> p.runtime().ifPresent(list::add));
        return list;
    }

    public Optional<FailoverRuntime> runtime(String peerName) {
        return peers.stream().filter(p -> p.name().equals(peerName)).findFirst().flatMap(PeerRelationship::runtime);
    }

    /** Drops every failover connection and timer; the partner sees the connection close. */
    @Override
    public void close() {
        if (started) {
            peers.forEach(p -> LOG.info("FAILOVER_STOPPED {}", p.statsLine()));
        }
        started = false;
        for (PeerRelationship peer : peers) {
            peer.runtime().ifPresent(FailoverRuntime::close);
        }
        if (scheduler != null) {
            scheduler.close(Duration.ofSeconds(5));
        }
    }

    /** The relationship serving {@code pool}; null for a pool without a failover peer. */
    PeerRelationship peer(PoolPlan pool) {
        return byPool.get(pool);
    }

    @Override
    public boolean answers(PoolPlan pool, ClientRequest request) {
        PeerRelationship peer = peer(pool);
        return peer == null || peer.answers(request);
    }

    @Override
    public boolean mayAllocate(PoolPlan pool, Lease idle) {
        PeerRelationship peer = peer(pool);
        return peer == null || peer.mayAllocate(idle);
    }

    @Override
    public boolean allocatesFrom(PoolPlan pool, boolean backup) {
        PeerRelationship peer = peer(pool);
        return peer == null || peer.allocatesFrom(backup);
    }

    @Override
    public boolean naksUnavailable(PoolPlan pool, Lease current) {
        PeerRelationship peer = peer(pool);
        return peer == null || peer.naksUnavailable(current);
    }

    @Override
    public long grantableSeconds(PoolPlan pool, Lease current, long desiredSeconds, long nowEpochSeconds) {
        PeerRelationship peer = peer(pool);
        return peer == null ? desiredSeconds : peer.grantableSeconds(current, desiredSeconds, nowEpochSeconds);
    }

    @Override
    public BindingState expiredState(PoolPlan pool) {
        return peer(pool) == null ? BindingState.FREE : BindingState.EXPIRED;
    }

    @Override
    public BindingState releasedState(PoolPlan pool) {
        return peer(pool) == null ? BindingState.FREE : BindingState.RELEASED;
    }

    @Override
    public Lease prepare(PoolPlan pool, Lease before, Lease after) {
        PeerRelationship peer = peer(pool);
        return peer == null ? after : peer.prepare(before, after);
    }

    @Override
    public void committed(List<LeaseChange> changes) {
        if (!started || engine == null) {
            return;
        }
        for (LeaseChange change : changes) {
            Lease after = change.after();
            Optional<PoolPlan> pool = engine.allocation().poolOf(after.ip());
            PeerRelationship peer = pool.map(this::peer).orElse(null);
            if (peer != null && !peer.takeFromPartner(after)) {
                peer.leaseCommitted(after);
            }
        }
        for (PeerRelationship peer : peers) {
            peer.flushUpdates();
        }
    }

    @Override
    public boolean observesCommits() {
        return true;
    }
}
