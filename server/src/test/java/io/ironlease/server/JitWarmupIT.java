package io.ironlease.server;

import static org.assertj.core.api.Assertions.assertThat;

import io.ironlease.server.net.DhcpTransport;
import io.ironlease.server.net.DhcpTransportConfig;
import io.ironlease.server.testclient.RelayTestClient;
import io.ironlease.shared.leases.LeaseFileReader;
import io.ironlease.shared.leases.LeaseTable;
import io.ironlease.shared.net.Ipv4Address;
import io.netty.channel.EventLoopGroup;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The JIT warm-up's scratch server on loopback: it runs the exchanges it is given time for, leaves no
 * temporary files, no lease in the real server's state or file, and the real server serves at once.
 */
class JitWarmupIT {

    @TempDir
    Path dir;

    private static long scratchDirs() throws IOException {
        try (Stream<Path> entries = Files.list(Paths.get(System.getProperty("java.io.tmpdir")))) {
            return entries.filter(p -> p.getFileName().toString().startsWith("ironlease-warmup")).count();
        }
    }

    private ServerSettings settings() throws Exception {
        String config = TestServers.loopbackConfig("10.20.1.10 10.20.1.200", "");
        return ServerSettings.relay(TestServers.config(config), dir.resolve("dhcpd.leases"),
                TestServers.SERVER.toInetAddress(), 0).withResolver(TestServers.resolver(java.util.Map.of()));
    }

    @Test
    void relayModeRunsTheExchangesItIsGivenAndCleansUp() throws Exception {
        long before = scratchDirs();
        int exchanges = JitWarmup.run(settings().withWarmup(Duration.ofSeconds(60)), false, 12_000, null);
        // the pool's first round (new clients) and a second one (known clients, rebinding, releases) at least
        assertThat(exchanges).isBetween(2 * WarmupRelay.CLIENTS, 12_000);
        assertThat(scratchDirs()).isEqualTo(before);
    }

    @Test
    void interfaceModeOnLoopbackSharesTheEventLoopAndLeavesItServing() throws Exception {
        Assumptions.assumeTrue("root".equals(System.getProperty("user.name")),
                "interface sockets (SO_BINDTODEVICE) need root or CAP_NET_RAW");
        DhcpTransportConfig transport = new DhcpTransportConfig(InetAddress.getByName("127.0.0.1"), 0, List.of(),
                true, 1 << 20, 1);
        EventLoopGroup group = DhcpTransport.newGroup(transport);
        try {
            int exchanges = JitWarmup.run(settings().withWarmup(Duration.ofSeconds(60)), true, 9_000, group);
            assertThat(exchanges).isGreaterThanOrEqualTo(2 * WarmupRelay.CLIENTS);
            assertThat(group.isShuttingDown()).isFalse();
            assertThat(group.submit(() -> 42).get(5, TimeUnit.SECONDS)).isEqualTo(42);
        } finally {
            group.shutdownGracefully(0, 1, TimeUnit.SECONDS).awaitUninterruptibly();
        }
    }

    @Test
    void aWarmedServerHasNoWarmUpLeasesAndServesAtOnce() throws Exception {
        Path leases = dir.resolve("dhcpd.leases");
        try (DhcpServer server = DhcpServer.start(settings().withWarmup(Duration.ofSeconds(3)));
                RelayTestClient relay = RelayTestClient.open(RelayTestClient.Config.loopback(
                        new InetSocketAddress(TestServers.SERVER.toInetAddress(), server.port())))) {
            assertThat(relay.dora(relay.client(1)).address()).isEqualTo(Ipv4Address.parse("10.20.1.10"));
            assertThat(server.engine().allocation().leaseCount()).isEqualTo(1);
        }
        LeaseTable table = new LeaseTable();
        try (LeaseFileReader reader = LeaseFileReader.open(leases)) {
            reader.read(table);
        }
        assertThat(table.leases()).hasSize(1);
    }
}
