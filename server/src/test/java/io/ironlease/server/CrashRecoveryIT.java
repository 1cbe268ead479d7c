package io.ironlease.server;

import static org.assertj.core.api.Assertions.assertThat;

import io.ironlease.server.dhcp.MessageType;
import io.ironlease.server.testclient.AckRecord;
import io.ironlease.server.testclient.RelayTestClient;
import io.ironlease.shared.leases.BindingState;
import io.ironlease.shared.leases.Lease;
import io.ironlease.shared.leases.LeaseFileReader;
import io.ironlease.shared.leases.LeaseTable;
import io.ironlease.shared.net.HardwareAddress;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * DESIGN.md decision 4 under fire: the server runs as its own JVM, perfdhcp and a relay test client
 * load it, and it is killed with SIGKILL mid-load. After a restart on the same lease file, every
 * address the test client saw acknowledged is still leased to that client: in the journal, and by
 * the restarted server, which ACKs each client's INIT-REBOOT for the same address.
 */
@Tag("interop")
class CrashRecoveryIT {

    @TempDir
    Path dir;

    @Test
    void everyAcknowledgedLeaseSurvivesAKillNine() throws Exception {
        Path conf = dir.resolve("dhcpd.conf");
        Files.writeString(conf, TestServers.loopbackConfig("10.20.1.0 10.20.255.254", ""));
        Path leases = dir.resolve("dhcpd.leases");
        List<String> args = List.of("-f", "--no-warmup", "-cf", conf.toString(), "-lf", leases.toString(), "-pf",
                dir.resolve("pid").toString(), "-p", "0", "--listen", TestServers.SERVER.toString());

        Map<HardwareAddress, RelayTestClient.SimulatedClient> clients = new HashMap<>();
        List<AckRecord> acks;
        ServerProcess server = ServerProcess.start(null, dir.resolve("server-1.log"), args);
        Process perfdhcp = null;
        try (RelayTestClient relay = RelayTestClient.open(RelayTestClient.Config.loopback(
                new InetSocketAddress(TestServers.SERVER.toInetAddress(), server.port()))
                .withTimeout(Duration.ofMillis(500), 2))) {
            perfdhcp = new ProcessBuilder("timeout", "40", "perfdhcp", "-4", "-l", "127.0.0.1", "-L",
                    Integer.toString(server.port()), "-N", Integer.toString(server.port()), "-r", "800", "-p", "20",
                    "-R", "8000", "-d", "2", "127.0.0.3").redirectErrorStream(true)
                    .redirectOutput(dir.resolve("perfdhcp.out").toFile()).start();
            Semaphore inFlight = new Semaphore(16);
            List<CompletableFuture<RelayTestClient.Lease>> exchanges = new ArrayList<>();
            for (int i = 1; i <= 3000 && relay.acks().size() < 400; i++) {
                RelayTestClient.SimulatedClient c = relay.client(i);
                clients.put(c.chaddr(), c);
                inFlight.acquire();
                exchanges.add(relay.doraAsync(c).whenComplete((l, e) -> inFlight.release()));
            }
            Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> relay.acks().size() >= 400);
            // mid-load: exchanges of the relay client and perfdhcp are still in flight
            server.kill();
            acks = List.copyOf(relay.acks());
        } finally {
            server.close();
            if (perfdhcp != null) {
                perfdhcp.destroy();
                perfdhcp.waitFor(30, TimeUnit.SECONDS);
            }
        }

        List<AckRecord> leased = acks.stream().filter(a -> a.requestType() == MessageType.DHCPREQUEST).toList();
        assertThat(leased).hasSizeGreaterThanOrEqualTo(400);
        LeaseTable journal = new LeaseTable();
        try (LeaseFileReader reader = LeaseFileReader.open(leases)) {
            reader.read(journal);
        }
        assertThat(journal.leaseCount()).as("perfdhcp's leases are in the journal too").isGreaterThan(leased.size());
        for (AckRecord ack : leased) {
            Lease lease = journal.lease(ack.yiaddr()).orElseThrow(() -> new AssertionError("no lease for " + ack));
            assertThat(lease.bindingState()).as(ack.toString()).isEqualTo(BindingState.ACTIVE);
            assertThat(lease.hardware()).as(ack.toString()).contains(ack.chaddr());
        }

        ServerProcess restarted = ServerProcess.start(null, dir.resolve("server-2.log"), args);
        try (RelayTestClient relay = RelayTestClient.open(RelayTestClient.Config.loopback(
                new InetSocketAddress(TestServers.SERVER.toInetAddress(), restarted.port())))) {
            for (AckRecord ack : leased) {
                RelayTestClient.Lease again = relay.reboot(clients.get(ack.chaddr()), ack.yiaddr());
                assertThat(again.address()).as("INIT-REBOOT of " + ack).isEqualTo(ack.yiaddr());
            }
        } finally {
            assertThat(restarted.stop()).isZero();
        }
        assertThat(restarted.log()).contains("LEASE_FILE_LOADED");
    }
}
