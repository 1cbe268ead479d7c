package io.ironlease.server.omapi;

import io.ironlease.omapi.server.HandleRegistry;
import io.ironlease.omapi.server.OmapiServer;
import io.ironlease.server.DhcpServer;
import io.ironlease.server.engine.LeaseEngine;
import io.ironlease.server.engine.LeaseService;
import io.ironlease.shared.config.model.DhcpConfig;
import java.io.IOException;
import java.time.Clock;
import java.util.Optional;

/**
 * The OMAPI listener of a running {@link DhcpServer}: the lease, host, group, control,
 * failover-state and lease-listing providers on the server's lease engine, behind an
 * {@link OmapiServer} with the configured keys and {@link io.ironlease.omapi.server.ListenPolicy}.
 * ServerMain starts it after the DHCP server and closes it first.
 */
public final class OmapiWiring implements AutoCloseable {

    private final OmapiServer server;

    private OmapiWiring(OmapiServer server) {
        this.server = server;
    }

    /**
     * Starts OMAPI for {@code dhcp}, or returns empty when the settings say it is off.
     *
     * @param failover the failover-state source; null: {@link ConfiguredFailoverStates} (dhcpd.conf and
     *                 the lease file), until the failover runtime is wired
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
                : new ConfiguredFailoverStates(config.failoverPeers(), engine, leases, clock);
        OmapiServer server = OmapiServer.builder().port(s.port()).bindAddress(s.listen().orElse(null)).keys(s.keys())
                .handles(handles)
                .provider(new LeaseProvider(leases, handles, clock))
                .provider(new HostProvider(leases, engine, groups, clock))
                .provider(groups)
                .provider(new ControlProvider(leases.executor(), leases::whenDurable, shutdown))
                .provider(new FailoverStateProvider(states, leases.executor(), leases::whenDurable))
                .provider(new LeaseQueryProvider(leases))
                .build();
        return Optional.of(new OmapiWiring(server.start()));
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
    }
}
