package io.ironlease.server;

import io.ironlease.server.alloc.AddressPlan;
import io.ironlease.server.alloc.AllocationEngine;
import io.ironlease.server.alloc.HostTable;
import io.ironlease.server.alloc.LeaseOwnershipPolicy;
import io.ironlease.server.dhcp.CachedHostResolver;
import io.ironlease.server.dhcp.ClientClassifier;
import io.ironlease.server.dhcp.ConfigHostNames;
import io.ironlease.server.dhcp.DhcpMessageProcessor;
import io.ironlease.server.dhcp.DhcpServerEngine;
import io.ironlease.server.dhcp.EngineCounters;
import io.ironlease.server.dhcp.OptionSets;
import io.ironlease.server.dhcp.Pinger;
import io.ironlease.server.dhcp.ServerIdentity;
import io.ironlease.server.engine.EngineLeaseService;
import io.ironlease.server.engine.EngineExecutor;
import io.ironlease.server.engine.EngineLoop;
import io.ironlease.server.engine.EventLoopEngine;
import io.ironlease.server.engine.LeaseEngine;
import io.ironlease.server.engine.LeaseService;
import io.ironlease.server.failover.engine.FailoverCoordinator;
import io.ironlease.server.net.DhcpCounters;
import io.ironlease.server.net.DhcpTransport;
import io.ironlease.server.net.DhcpTransportConfig;
import io.ironlease.server.net.RateLimitedLog;
import io.ironlease.server.store.JournalLeaseStore;
import io.ironlease.shared.leases.LeaseFileException;
import io.ironlease.shared.net.Ipv4Address;
import io.ironlease.shared.options.HostResolver;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A running DHCP server: configuration, lease journal, lease engine thread and sockets, wired
 * explicitly (no global state). {@link #start} replays the lease file, rewrites it (as dhcpd does at
 * start-up), binds the sockets and logs what it serves; {@link #close} stops the sockets, lets the
 * engine finish and the journal drain, and fsyncs. Used by ServerMain and by in-process tests.
 */
public final class DhcpServer implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(DhcpServer.class);

    private final ServerSettings settings;
    private final CachedHostResolver resolver;
    private final JournalLeaseStore store;
    private final EngineExecutor loop;
    private final io.netty.channel.EventLoopGroup group;
    private final LeaseEngine engine;
    private final DhcpServerEngine handler;
    private final LeaseService leaseService;
    private final Optional<FailoverCoordinator> failover;
    private final boolean announce;
    private final boolean ownsGroup;
    private DhcpTransport transport;

    private DhcpServer(ServerSettings settings, CachedHostResolver resolver, JournalLeaseStore store,
            EngineExecutor loop, io.netty.channel.EventLoopGroup group, LeaseEngine engine, DhcpServerEngine handler,
            Optional<FailoverCoordinator> failover, boolean announce, boolean ownsGroup) {
        this.failover = failover;
        this.announce = announce;
        this.ownsGroup = ownsGroup;
        this.group = group;
        this.settings = settings;
        this.resolver = resolver;
        this.store = store;
        this.loop = loop;
        this.engine = engine;
        this.handler = handler;
        this.leaseService = new EngineLeaseService(engine);
    }

    public static DhcpServer start(ServerSettings s) throws IOException, LeaseFileException {
        return start(s, true, null);
    }

    /**
     * @param announce false for a throwaway server (the JIT warm-up's): no lifecycle log lines and no
     *                 start-up rewrite of its lease file
     * @param shared   an event loop group to serve on (and leave running at close), or null for one of its own
     */
    static DhcpServer start(ServerSettings s, boolean announce, io.netty.channel.EventLoopGroup shared)
            throws IOException, LeaseFileException {
        long started = System.nanoTime();
        CachedHostResolver resolver = s.resolver() != null ? s.resolver() : CachedHostResolver.system();
        resolver.register(ConfigHostNames.of(s.config()));
        resolver.start(Duration.ofMinutes(5), Duration.ofSeconds(2));
        AddressPlan plan = AddressPlan.build(s.config());
        plan.warnings().forEach(w -> LOG.warn("CONFIG_WARNING {}", w));
        Optional<FailoverCoordinator> failover = s.policy() == LeaseOwnershipPolicy.STANDALONE
                ? FailoverCoordinator.of(s.config(), plan, failoverResolver(s, resolver)) : Optional.empty();
        LeaseOwnershipPolicy policy = failover.<LeaseOwnershipPolicy>map(f -> f).orElse(s.policy());
        AllocationEngine alloc = new AllocationEngine(plan, HostTable.of(s.config()), policy, resolver);
        JournalLeaseStore store = JournalLeaseStore.open(s.leaseFile(), s.storeOptions());
        DhcpTransportConfig transportConfig = transportConfig(s, plan);
        io.netty.channel.EventLoopGroup group = null;
        EngineExecutor loop;
        if (!s.engineThread()) {
            group = shared != null ? shared : DhcpTransport.newGroup(transportConfig);
            loop = new EventLoopEngine(group.next(), s.tick());
        } else {
            loop = new EngineLoop("ironlease-engine", s.tick());
        }
        LeaseEngine engine = new LeaseEngine(alloc, store, loop, s.clock());
        long records = engine.replay();
        if (announce) {
            LOG.info("LEASE_FILE_LOADED {}: {} records, {} leases ({} outside every range), {} hosts in {} ms",
                    store.file(), records, alloc.leaseCount(), alloc.strayCount(), alloc.hosts().size(),
                    TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started));
        }
        loop.afterBatch(engine::flush);
        loop.onTick(engine::tick);
        if (loop instanceof EngineLoop thread) {
            thread.start();
        }
        if (announce) {
            loop.execute(engine::compact);
        }
        EngineCounters counters = new EngineCounters();
        Pinger pinger = s.pinger() != null ? s.pinger() : Pinger.icmp(4);
        RateLimitedLog warnings = new RateLimitedLog(LoggerFactory.getLogger(DhcpMessageProcessor.class), s.clock(),
                Duration.ofSeconds(10));
        ServerIdentity identity = new ServerIdentity(ownAddresses(s, transportConfig));
        DhcpMessageProcessor processor = new DhcpMessageProcessor(alloc, identity,
                new OptionSets(resolver, resolver::generation), ClientClassifier.of(s.config()), counters, true, warnings);
        DhcpServerEngine handler = new DhcpServerEngine(engine, loop, processor, pinger, counters,
                DhcpServerEngine.DEFAULT_MAX_PENDING);
        DhcpServer server = new DhcpServer(s, resolver, store, loop, group, engine, handler, failover, announce,
                shared == null);
        try {
            if (failover.isPresent()) {
                failover.get().start(engine, loop); // recovering with the partner overlaps the warm-up
            }
        } catch (IOException | RuntimeException e) {
            server.close();
            throw e;
        }
        if (!s.warmup().isZero()) {
            // on this server's own event loop, so that its thread-local state is in use before the real traffic
            JitWarmup.run(s, !transportConfig.interfaces().isEmpty(), JitWarmup.MAX_EXCHANGES, group);
        }
        try {
            server.transport = DhcpTransport.start(transportConfig, handler, s.clock(), group);
        } catch (IOException | RuntimeException e) {
            server.close();
            throw e;
        }
        if (announce) {
            server.logStarted(plan, identity);
        }
        return server;
    }

    /** Failover peers named by host: resolved once at start-up (blocking, before any socket is served). */
    private static HostResolver failoverResolver(ServerSettings s, CachedHostResolver resolver) {
        List<String> names = new ArrayList<>();
        s.config().failoverPeers().forEach(p -> List.of(p.address(), p.peerAddress()).forEach(ref -> {
            if (ref.address().isEmpty()) {
                names.add(ref.text());
            }
        }));
        if (!names.isEmpty()) {
            resolver.register(names);
            resolver.refreshNow();
        }
        return resolver;
    }

    private static DhcpTransportConfig transportConfig(ServerSettings s, AddressPlan plan) throws IOException {
        List<String> interfaces = new ArrayList<>(s.interfaces());
        if (interfaces.isEmpty() && s.autoInterfaces()) {
            interfaces.addAll(Interfaces.servingSubnets(plan));
        }
        var bind = s.listen().orElse(Ipv4Address.ANY.toInetAddress());
        return new DhcpTransportConfig(bind, s.port(), interfaces, true, 1 << 20, s.eventLoopThreads());
    }

    private static Set<Ipv4Address> ownAddresses(ServerSettings s, DhcpTransportConfig config) throws IOException {
        Set<Ipv4Address> own = new LinkedHashSet<>();
        if (s.listen().isPresent() && !s.listen().get().isAnyLocalAddress()) {
            own.add(Ipv4Address.of(s.listen().get()));
        } else {
            own.addAll(ServerIdentity.localAddresses());
        }
        for (String name : config.interfaces()) {
            own.addAll(Interfaces.addresses(name));
        }
        for (var scope : ConfigHostNames.scopes(s.config())) {
            for (var setting : scope.parameters()) {
                if (setting.name().equals("server-identifier")) {
                    setting.value().ifPresent(v -> v.hosts().forEach(h -> h.address().ifPresent(own::add)));
                }
            }
            scope.option("dhcp-server-identifier").flatMap(o -> o.value())
                    .ifPresent(v -> v.hosts().forEach(h -> h.address().ifPresent(own::add)));
        }
        return own;
    }

    private void logStarted(AddressPlan plan, ServerIdentity identity) {
        LOG.info("DHCP_CONFIG {} networks, {} subnets, {} pools, {} addresses in ranges, {} hosts",
                plan.networks().size(), plan.subnets().size(), plan.pools().size(), plan.size(),
                engine.allocation().hosts().size());
        transport.interfaces().forEach(i -> LOG.info("DHCP_LISTENING interface {} ({}) port {}", i.name(),
                i.address().map(Object::toString).orElse("no IPv4 address"), transport.ports().serverPort()));
        LOG.info("DHCP_LISTENING {} port {} ({}), answering clients at port {}; server identifiers {}",
                transport.unicastAddress().getAddress().getHostAddress(), transport.ports().serverPort(),
                transport.usesEpoll() ? "epoll" : "nio", transport.ports().clientPort(), identity.own());
    }

    public DhcpTransport transport() {
        return transport;
    }

    /** The server port actually bound. */
    public int port() {
        return transport.ports().serverPort();
    }

    public LeaseService leases() {
        return leaseService;
    }

    public EngineCounters counters() {
        return handler.counters();
    }

    public DhcpCounters transportCounters() {
        return transport.counters();
    }

    public LeaseEngine engine() {
        return engine;
    }

    /** The failover engine: empty when dhcpd.conf declares no failover peer (or a test policy is given). */
    public Optional<FailoverCoordinator> failover() {
        return failover;
    }

    public ServerSettings settings() {
        return settings;
    }

    /** Stops the sockets, lets the engine drain and the journal write everything, then closes the file. */
    @Override
    public void close() {
        if (transport != null) {
            transport.close();
        }
        failover.ifPresent(FailoverCoordinator::close);
        CompletableFuture<Void> drained = new CompletableFuture<>();
        try {
            loop.execute(() -> {
                engine.flush();
                engine.whenDurable().whenComplete((v, e) -> drained.complete(null));
            });
            drained.get(30, TimeUnit.SECONDS);
        } catch (Exception e) {
            LOG.warn("DHCP_SHUTDOWN the engine did not drain cleanly: {}", e.toString());
        }
        loop.close(Duration.ofSeconds(10));
        if (group != null && ownsGroup) {
            group.shutdownGracefully(0, 2, TimeUnit.SECONDS).awaitUninterruptibly();
        }
        store.close();
        resolver.close();
        if (announce) {
            LOG.info("LEASE_STORE_CLOSED {}: {}", store.file(), store.totals());
            if (transport != null) {
                LOG.info("DHCP_STOPPED {} {}", handler.counters(), transport.counters());
            }
        }
    }
}
