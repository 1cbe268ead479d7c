package io.ironlease.server.failover.engine;

import io.ironlease.server.DhcpServer;
import io.ironlease.server.ServerSettings;
import io.ironlease.server.TestServers;
import io.ironlease.server.failover.FailoverStatus;
import io.ironlease.server.failover.runtime.FailoverRuntime;
import io.ironlease.server.testclient.RelayTestClient;
import io.ironlease.shared.leases.FailoverState;
import io.ironlease.shared.net.Ipv4Address;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * Two of our servers in this JVM as a failover pair on loopback ({@link PairConfig}): each can be
 * stopped and started again on its lease file; a relay client reaches both. Test-only.
 */
final class InProcessPair implements AutoCloseable {

    final PairConfig config;
    final Path primaryLeases;
    final Path secondaryLeases;
    DhcpServer primary;
    DhcpServer secondary;
    int dhcpPort;

    InProcessPair(PairConfig config, Path dir) {
        this.config = config;
        this.primaryLeases = dir.resolve("primary.leases");
        this.secondaryLeases = dir.resolve("secondary.leases");
    }

    InProcessPair start() throws Exception {
        startPrimary();
        startSecondary();
        return this;
    }

    void startPrimary() throws Exception {
        primary = server(true, primaryLeases);
        dhcpPort = primary.port();
    }

    void startSecondary() throws Exception {
        secondary = server(false, secondaryLeases);
        dhcpPort = secondary.port();
    }

    private DhcpServer server(boolean isPrimary, Path leases) throws Exception {
        String address = isPrimary ? PairConfig.PRIMARY : PairConfig.SECONDARY;
        return DhcpServer.start(ServerSettings.relay(TestServers.config(config.text(isPrimary)), leases,
                Ipv4Address.parse(address).toInetAddress(), dhcpPort).withResolver(TestServers.resolver(Map.of())));
    }

    FailoverRuntime runtime(DhcpServer server) {
        return server.failover().orElseThrow().runtime(PairConfig.PEER).orElseThrow();
    }

    static boolean is(FailoverRuntime runtime, FailoverState mine, FailoverState partner) {
        FailoverStatus s = runtime.status();
        return runtime.myState() == mine && s.partnerState() == partner;
    }

    boolean bothNormal() {
        return primary != null && secondary != null
                && is(runtime(primary), FailoverState.NORMAL, FailoverState.NORMAL)
                && is(runtime(secondary), FailoverState.NORMAL, FailoverState.NORMAL);
    }

    String describe() {
        return "primary " + (primary == null ? "stopped" : runtime(primary).myState() + " " + runtime(primary).status())
                + "; secondary " + (secondary == null ? "stopped"
                        : runtime(secondary).myState() + " " + runtime(secondary).status());
    }

    /** A relay at 127.0.0.2 that sends every message to both servers (two helper addresses). */
    RelayTestClient relay(Duration timeout, int attempts) throws Exception {
        InetSocketAddress p = PairConfig.dhcp(PairConfig.PRIMARY, dhcpPort);
        InetSocketAddress s = PairConfig.dhcp(PairConfig.SECONDARY, dhcpPort);
        return RelayTestClient.open(new RelayTestClient.Config(p, Ipv4Address.parse(PairConfig.RELAY).toInetAddress(),
                dhcpPort, timeout, attempts, false, List.of(s)));
    }

    void stopPrimary() {
        if (primary != null) {
            primary.close();
            primary = null;
        }
    }

    void stopSecondary() {
        if (secondary != null) {
            secondary.close();
            secondary = null;
        }
    }

    @Override
    public void close() {
        stopPrimary();
        stopSecondary();
    }
}
