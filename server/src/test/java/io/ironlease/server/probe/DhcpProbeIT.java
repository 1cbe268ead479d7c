package io.ironlease.server.probe;

import static org.assertj.core.api.Assertions.assertThat;

import io.ironlease.server.DhcpServer;
import io.ironlease.server.TestServers;
import io.ironlease.server.dhcp.DhcpCodec;
import io.ironlease.server.dhcp.DhcpPacket;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** The probe against the real server on loopback: leases, their options, release, exhaustion. */
class DhcpProbeIT {

    @TempDir
    Path dir;

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    private int probe(String... args) {
        CommandLine cli = DhcpProbeMain.commandLine();
        cli.setOut(new PrintWriter(out));
        cli.setErr(new PrintWriter(err));
        return cli.execute(args);
    }

    @Test
    void getsLeasesWithTheirOptionsUntilThePoolIsEmpty() throws Exception {
        String config = TestServers.loopbackConfig("10.20.1.10 10.20.1.11", "");
        try (DhcpServer server = TestServers.start(config, dir.resolve("dhcpd.leases"))) {
            String port = Integer.toString(server.port());
            int exit = probe("--server", TestServers.SERVER.toString(), "--port", port, "--relay", "127.0.0.2",
                    "--mac", "52:54:00:00:00:01", "--count", "2", "--timeout", "1");
            assertThat(exit).as(err.toString()).isZero();
            assertThat(out.toString())
                    .contains("52:54:00:00:00:01: 10.20.1.10 for 3600 s from 127.0.0.3 (server-identifier 127.0.0.3)")
                    .contains("52:54:00:00:00:02: 10.20.1.11 for 3600 s")
                    .contains("option routers 10.20.0.1;")
                    .contains("option domain-name-servers 10.20.0.2, 10.20.0.3;")
                    .contains("option domain-name \"example.test\";");

            // the pool is empty now: a third client gets nothing, and the exit code says so
            assertThat(probe("--server", TestServers.SERVER.toString(), "--port", port, "--relay", "127.0.0.2",
                    "--mac", "52:54:00:00:00:03", "--timeout", "1")).isEqualTo(1);
            assertThat(err.toString()).contains("52:54:00:00:00:03: no DHCPOFFER");

            // a released address goes to the next client
            assertThat(probe("--server", TestServers.SERVER.toString(), "--port", port, "--relay", "127.0.0.2",
                    "--mac", "52:54:00:00:00:01", "--release", "--timeout", "1")).isZero();
            out.getBuffer().setLength(0);
            assertThat(probe("--server", TestServers.SERVER.toString(), "--port", port, "--relay", "127.0.0.2",
                    "--mac", "52:54:00:00:00:04", "--timeout", "1")).isZero();
            assertThat(out.toString()).startsWith("52:54:00:00:00:04: 10.20.1.10 ");
        }
    }

    @Test
    void retransmissionsCountTheSecondsSinceTheClientBegan() throws Exception {
        // A server that never answers: the probe's three DISCOVERs carry the same xid and secs 0, 1, 2 (as
        // dhclient does), which is what lets a failover pair answer from either server after a while.
        try (DatagramSocket silent = new DatagramSocket(new InetSocketAddress("127.0.0.3", 0))) {
            silent.setSoTimeout(5000);
            String port = Integer.toString(silent.getLocalPort());
            CompletableFuture<Integer> exit = CompletableFuture.supplyAsync(() -> probe("--server", "127.0.0.3",
                    "--port", port, "--relay", "127.0.0.2", "--timeout", "1"));
            List<DhcpPacket> discovers = new ArrayList<>();
            byte[] buffer = new byte[1500];
            for (int i = 0; i < 3; i++) {
                DatagramPacket datagram = new DatagramPacket(buffer, buffer.length);
                silent.receive(datagram);
                discovers.add(DhcpCodec.decode(datagram.getData(), 0, datagram.getLength()));
            }
            assertThat(exit.get(10, TimeUnit.SECONDS)).isEqualTo(1);
            assertThat(discovers).extracting(DhcpPacket::xid).containsOnly(discovers.get(0).xid());
            // 0, then the seconds elapsed: 1 and 2 (more only when the machine stalls the probe)
            List<Integer> secs = discovers.stream().map(DhcpPacket::secs).toList();
            assertThat(secs.get(0)).isZero();
            assertThat(secs.get(1)).isGreaterThanOrEqualTo(1);
            assertThat(secs.get(2)).isGreaterThan(secs.get(1));
        }
    }

    @Test
    void anUnbindableRelayIsExitThree() {
        assertThat(probe("--server", "127.0.0.3", "--relay", "192.0.2.1", "--port", "16999")).isEqualTo(3);
        assertThat(err.toString()).contains("cannot bind the relay address 192.0.2.1:16999");
    }
}
