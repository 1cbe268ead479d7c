package io.ironlease.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.ironlease.server.dhcp.DhcpPacket;
import io.ironlease.server.dhcp.MessageType;
import io.ironlease.server.testclient.Netns;
import io.ironlease.server.testclient.RelayTestClient;
import io.ironlease.shared.leases.BindingState;
import io.ironlease.shared.leases.LeaseFileReader;
import io.ironlease.shared.leases.LeaseTable;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A real full file system: the server's lease file lives on a tiny tmpfs mounted in a private mount
 * namespace ({@code unshare -m}, root only) that the test fills up. ACKs stop (no lease that cannot be
 * recorded is acknowledged, LEASE_WRITE_FAILED is logged) while offers go on; once space is freed,
 * ACKs resume; every lease acknowledged before, during and after is in the file.
 */
@Tag("netns")
class DiskFullIT {

    @TempDir
    Path dir;

    @Test
    void aFullDiskStopsAcksNotTheServerAndLosesNothingAcknowledged() throws Exception {
        assertThat(Netns.isRoot()).as("mount namespaces need root").isTrue();
        Path conf = dir.resolve("dhcpd.conf");
        Files.writeString(conf, TestServers.loopbackConfig("10.20.1.0 10.20.3.250", ""));
        Path mount = Files.createDirectory(dir.resolve("tmpfs"));
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        String command = "mount -t tmpfs -o size=256k ironlease-test " + mount + " && exec " + java
                + " -Xmx256m -cp " + System.getProperty("java.class.path") + " " + ServerMain.class.getName()
                + " -f --no-warmup -cf " + conf + " -lf " + mount.resolve("dhcpd.leases") + " -pf " + mount.resolve("pid")
                + " -p 0 --listen " + TestServers.SERVER;
        Path log = dir.resolve("server.log");
        Process p = new ProcessBuilder("unshare", "-m", "--propagation", "private", "sh", "-c", command)
                .redirectErrorStream(true).redirectOutput(log.toFile()).start();
        ServerProcess server = ServerProcess.attach(p, log);
        try {
            // the server's view of its file system, from outside its mount namespace
            Path inside = Path.of("/proc/" + server.pid() + "/root" + mount);
            Path leases = inside.resolve("dhcpd.leases");
            try (RelayTestClient relay = RelayTestClient.open(RelayTestClient.Config.loopback(
                    new InetSocketAddress(TestServers.SERVER.toInetAddress(), server.port()))
                    .withTimeout(Duration.ofMillis(700), 2))) {
                List<RelayTestClient.Lease> acked = new ArrayList<>();
                acked.add(relay.dora(relay.client(1)));
                // statfs through /proc (the JDK's FileStore looks for the mount in our own namespace)
                String[] statfs = Netns.run("stat", "-f", "-c", "%a %S", inside.toString()).trim().split(" ");
                long free = Long.parseLong(statfs[0]) * Long.parseLong(statfs[1]);
                Files.write(inside.resolve("filler"), new byte[(int) Math.max(0, free - 4096)]);

                int client = 2;
                boolean refused = false;
                for (; client < 200 && !refused; client++) {
                    try {
                        acked.add(relay.dora(relay.client(client)));
                    } catch (IOException noAck) {
                        refused = true;
                    }
                }
                assertThat(refused).as("ACKs stop when the lease cannot be written").isTrue();
                assertThat(server.log()).contains("LEASE_WRITE_FAILED");
                RelayTestClient.SimulatedClient waiting = relay.client(client);
                DhcpPacket offer = relay.exchange(relay.message(waiting, 4242, MessageType.DHCPDISCOVER,
                        io.ironlease.shared.net.Ipv4Address.ANY).build(), MessageType.DHCPOFFER).get(10, TimeUnit.SECONDS);
                assertThat(offer.yiaddr().isAny()).as("the server still answers what it can").isFalse();
                assertThatThrownBy(() -> relay.renew(acked.get(0))).as("a renewal needs a write too")
                        .isInstanceOf(IOException.class);

                Files.delete(inside.resolve("filler"));
                for (int i = 0; i < 5; i++) {
                    acked.add(relay.dora(relay.client(client + 1 + i)));
                }
                acked.add(relay.renew(acked.get(0)));

                LeaseTable table = new LeaseTable();
                try (LeaseFileReader reader = LeaseFileReader.open(leases)) {
                    reader.read(table);
                }
                for (RelayTestClient.Lease lease : acked) {
                    assertThat(table.lease(lease.address())).as(lease.toString()).get()
                            .satisfies(l -> assertThat(l.bindingState()).isEqualTo(BindingState.ACTIVE))
                            .satisfies(l -> assertThat(l.hardware()).contains(lease.client().chaddr()));
                }
            }
        } finally {
            assertThat(server.stop()).isZero();
        }
    }
}
