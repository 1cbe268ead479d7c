package io.ironlease.server.omapi;

import io.ironlease.omapi.server.HandleRegistry;
import io.ironlease.omapi.server.OmapiServer;
import io.ironlease.server.DhcpServer;
import io.ironlease.server.engine.EventLoopEngine;
import io.ironlease.server.engine.LeaseEngine;
import io.ironlease.server.engine.LeaseService;
import io.ironlease.shared.config.model.DhcpConfig;
import io.netty.channel.EventLoop;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.epoll.Epoll;
import io.netty.channel.IoEventLoop;
import io.netty.channel.epoll.EpollIoHandler;
import io.netty.channel.epoll.EpollServerSocketChannel;
import io.netty.channel.socket.nio.NioServerSocketChannel;
import java.io.IOException;
import java.time.Clock;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * The OMAPI listener of a running {@link DhcpServer}: the lease, host, group, control,
 * failover-state and lease-listing providers on the server's lease engine, behind an
 * {@link OmapiServer} with the configured keys and {@link io.ironlease.omapi.server.ListenPolicy}.
 * ServerMain starts it after the DHCP server and closes it first.
 */
public final class OmapiWiring implements AutoCloseable {

    /** Event-loop threads of the OMAPI listener when it has its own (the engine on a dedicated thread). */
    static final int IO_THREADS = 1;

    private final OmapiServer server;
    private final EventLoopGroup group;

    private OmapiWiring(OmapiServer server, EventLoopGroup group) {
        this.server = server;
        this.group = group;
    }

    /**
     * Starts OMAPI for {@code dhcp}, or returns empty when the settings say it is off.
     *
     * @param failover the failover-state source; null: the server's running failover relationships
     *                 ({@link RuntimeFailoverStates}), or {@link ConfiguredFailoverStates} (dhcpd.conf and
     *                 the lease file) when it runs none
     * @param shutdown what a control object {@code state = 2} runs (the same as SIGTERM)
     */
    public static Optional<OmapiWiring> start(DhcpConfig config, DhcpServer dhcp, Optional<OmapiSettings> settings,
            FailoverStateSource failover, Runnable shutdown) throws IOException {
        if (settings.isEmpty()) {
            return Optional.empty();
        }
        OmapiSettings s = settings.get();
        LeaseService leases = dhcp.leases();
        LeaseEngine engine = dhcp.engine();
        Clock clock = dhcp.settings().clock();
        HandleRegistry handles = new HandleRegistry();
        GroupProvider groups = new GroupProvider(engine, config.groups());
        FailoverStateSource states = failover != null ? failover
                : dhcp.failover().<FailoverStateSource>map(f -> new RuntimeFailoverStates(f.runtimes()))
                        .orElseGet(() -> new ConfiguredFailoverStates(config.failoverPeers(), engine, leases, clock));
        OmapiServer.Builder builder = OmapiServer.builder().port(s.port()).bindAddress(s.listen().orElse(null)).keys(s.keys())
                .handles(handles)
                .provider(new LeaseProvider(leases, handles, clock))
                .provider(new HostProvider(leases, engine, groups, clock))
                .provider(groups)
                .provider(new ControlProvider(leases.executor(), leases::whenDurable, shutdown))
                .provider(new FailoverStateProvider(states, leases.executor(), leases::whenDurable))
                .provider(new LeaseQueryProvider(leases));
        EventLoopGroup own = null;
        if (engine.executor() instanceof EventLoopEngine onLoop) {
            // the engine runs on an event loop: serve OMAPI there as well, so a lookup never changes thread
            EventLoop loop = onLoop.eventLoop();
            builder.eventLoops(loop, loop instanceof IoEventLoop io && io.isIoType(EpollIoHandler.class)
                    ? EpollServerSocketChannel.class : NioServerSocketChannel.class);
        } else if (Epoll.isAvailable()) {
            // one native epoll thread for every OMAPI connection: fewer system calls and wake-ups than NIO
            own = new MultiThreadIoEventLoopGroup(IO_THREADS, EpollIoHandler.newFactory());
            builder.eventLoops(own, EpollServerSocketChannel.class);
        }
        try {
            return Optional.of(new OmapiWiring(builder.build().start(), own));
        } catch (IOException | RuntimeException e) {
            if (own != null) {
                own.shutdownGracefully(0, 1, TimeUnit.SECONDS);
            }
            throw e;
        }
    }

    public OmapiServer server() {
        return server;
    }

    /** The port the listener is bound to. */
    public int port() {
        return server.port();
    }

    /** Stops listening and closes every OMAPI connection. */
    @Override
    public void close() {
        server.close();
        if (group != null) {
            group.shutdownGracefully(0, 2, TimeUnit.SECONDS).awaitUninterruptibly();
        }
    }
}
