package io.ironlease.server;

import static org.assertj.core.api.Assertions.assertThat;

import io.ironlease.server.testclient.Netns;
import io.ironlease.server.testclient.Perfdhcp;
import io.ironlease.shared.leases.BindingState;
import io.ironlease.shared.leases.LeaseFileReader;
import io.ironlease.shared.leases.LeaseTable;
import io.ironlease.shared.net.Ipv4Address;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.List;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Our server with real ISC programs, in network namespaces the test creates and removes: dhclient
 * gets, renews and releases a lease by broadcast on dh0; perfdhcp runs a short relayed exchange
 * through dh1 with nothing dropped by the server; then ISC dhcpd -T and dhcpd-pools read the lease
 * file we wrote.
 */
@Tag("netns")
class DhcpServerNetnsInteropIT {

    @TempDir
    Path dir;

    private Path resource(String name, String file) throws Exception {
        Path target = dir.resolve(file);
        try (InputStream in = getClass().getResourceAsStream(name)) {
            Files.copy(in, target, StandardCopyOption.REPLACE_EXISTING);
        }
        return target;
    }

    private static int count(String text, String needle) {
        int n = 0;
        for (int i = text.indexOf(needle); i >= 0; i = text.indexOf(needle, i + 1)) {
            n++;
        }
        return n;
    }

    @Test
    void dhclientPerfdhcpDhcpdAndDhcpdPoolsWorkWithOurServer() throws Exception {
        assertThat(Netns.isRoot()).as("network namespace tests need root").isTrue();
        Path conf = resource("/interop/netns-server.conf", "dhcpd.conf");
        Path script = resource("/golden/dhcp/capture/dhclient-script.sh", "dhclient-script.sh");
        Files.setPosixFilePermissions(script, PosixFilePermissions.fromString("rwxr-xr-x"));
        Path clientConf = dir.resolve("dhclient.conf");
        Files.writeString(clientConf, "send host-name \"netns-client\";\nrequest subnet-mask, routers, domain-name;\n");
        Path leases = dir.resolve("dhcpd.leases");

        try (Netns netns = new Netns()) {
            String server = netns.create("il-esrv");
            String client = netns.create("il-ecli");
            netns.veth(server, client, "dh0", "02:00:00:77:00:01");
            Netns.run("ip", "-n", server, "addr", "add", "10.88.0.1/24", "dev", "dh0");
            netns.veth(server, client, "dh1", null);
            Netns.run("ip", "-n", server, "addr", "add", "10.89.0.1/22", "dev", "dh1");
            Netns.run("ip", "-n", client, "addr", "add", "10.89.0.2/22", "dev", "dh1");

            ServerProcess dhcp = ServerProcess.start(server, dir.resolve("server.log"), List.of("-f", "-d", "--no-warmup", "-cf",
                    conf.toString(), "-lf", leases.toString(), "-pf", dir.resolve("dhcpd.pid").toString(), "dh0"));
            try {
                assertThat(dhcp.log()).contains("DHCP_LISTENING interface dh0 (10.88.0.1) port 67");

                Path clientOut = dir.resolve("dhclient.out");
                List<String> dhclient = List.of("dhclient", "-4", "-d", "-cf", clientConf.toString(), "-sf",
                        script.toString(), "-lf", dir.resolve("dhclient.leases").toString(), "-pf",
                        dir.resolve("dhclient.pid").toString(), "dh0");
                Process dhclientProcess = netns.start(client, dhclient, clientOut);
                Awaitility.await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(200))
                        .until(() -> Files.readString(clientOut).contains("bound to 10.88.0.100"));
                assertThat(Files.readString(clientOut)).contains("DHCPOFFER of 10.88.0.100 from 10.88.0.1")
                        .contains("DHCPACK of 10.88.0.100 from 10.88.0.1");
                assertThat(Netns.run("ip", "-n", client, "addr", "show", "dh0")).contains("10.88.0.100/24");
                // T1 is 5 s: dhclient renews by unicast to our server identifier
                Awaitility.await().atMost(Duration.ofSeconds(40)).pollInterval(Duration.ofMillis(500))
                        .until(() -> count(Files.readString(clientOut), "bound to 10.88.0.100") >= 2);
                assertThat(Files.readString(clientOut)).contains("DHCPREQUEST for 10.88.0.100 on dh0 to 10.88.0.1 port 67");
                dhclientProcess.destroy();
                dhclientProcess.waitFor();
                Netns.run("ip", "netns", "exec", client, "dhclient", "-4", "-r", "-cf", clientConf.toString(), "-sf",
                        script.toString(), "-lf", dir.resolve("dhclient.leases").toString(), "-pf",
                        dir.resolve("dhclient.pid").toString(), "dh0");
                Awaitility.await().atMost(Duration.ofSeconds(20)).until(() -> state(leases, "10.88.0.100")
                        == BindingState.FREE);

                Perfdhcp.Result perf = Perfdhcp.parse(Netns.output("ip", "netns", "exec", client, "timeout", "40",
                        "perfdhcp", "-4", "-l", "10.89.0.2", "-r", "500", "-p", "2", "-R", "500", "-d", "2",
                        "10.89.0.1"), 0);
                assertThat(perf.discoversSent()).as(perf.output()).isGreaterThan(800);
                assertThat(perf.acksReceived()).as(perf.output()).isGreaterThanOrEqualTo(perf.discoversSent() * 95 / 100);
            } finally {
                assertThat(dhcp.stop()).as("clean shutdown on SIGTERM").isZero();
            }
            String[] counters = dhcp.stoppedCounters();
            assertThat(ServerProcess.counter(counters[0], "overloaded")).isZero();
            assertThat(ServerProcess.counter(counters[0], "writeFailures")).isZero();
            assertThat(ServerProcess.counter(counters[0], "exhausted")).isZero();
            assertThat(ServerProcess.counter(counters[1], "malformed")).isZero();
            assertThat(ServerProcess.counter(counters[1], "dropped")).isZero();
            assertThat(ServerProcess.counter(counters[1], "sendFailures")).isZero();
            assertThat(ServerProcess.counter(counters[1], "repliesSent"))
                    .isEqualTo(ServerProcess.counter(counters[1], "received") - releasesAndIgnored(counters[0]));
            assertThat(Files.exists(dir.resolve("dhcpd.pid"))).as("PID file removed").isFalse();
        }

        // ISC reads our file: dhcpd -T (on a copy: it may rewrite it) and dhcpd-pools
        Path copy = Files.copy(leases, dir.resolve("copy.leases"));
        String iscCheck = Netns.output("timeout", "60", "dhcpd", "-4", "-T", "-cf", conf.toString(), "-lf",
                copy.toString());
        assertThat(iscCheck).doesNotContain("Configuration file errors").doesNotContain("corrupt");
        Process t = new ProcessBuilder("dhcpd", "-4", "-T", "-cf", conf.toString(), "-lf", copy.toString())
                .redirectErrorStream(true).start();
        assertThat(t.waitFor(60, java.util.concurrent.TimeUnit.SECONDS)).isTrue();
        assertThat(t.exitValue()).as(iscCheck).isZero();
        String pools = Netns.run("dhcpd-pools", "-c", conf.toString(), "-l", leases.toString(), "-f", "c");
        LeaseTable table = read(leases);
        long active = table.leases().stream().filter(l -> l.bindingState() == BindingState.ACTIVE
                && l.ip().toString().startsWith("10.89.")).count();
        assertThat(active).isBetween(400L, 500L);
        // the relayed range: 919 addresses, as many in use as our file has active leases; the released one is "touched"
        assertThat(pools).as(pools).contains("\"10.89.0.100\",\"10.89.3.250\",\"919\",\"" + active + "\"")
                .contains("\"10.88.0.100\",\"10.88.0.119\",\"20\",\"0\",\"0.000\",\"1\"");
    }

    private static long releasesAndIgnored(String engine) {
        return ServerProcess.counter(engine, "releases") + ServerProcess.counter(engine, "ignored")
                + ServerProcess.counter(engine, "declines");
    }

    private static LeaseTable read(Path file) throws Exception {
        LeaseTable table = new LeaseTable();
        try (LeaseFileReader reader = LeaseFileReader.open(file)) {
            reader.read(table);
        }
        return table;
    }

    private static BindingState state(Path leases, String ip) throws Exception {
        return read(leases).lease(Ipv4Address.parse(ip)).map(l -> l.bindingState()).orElse(null);
    }
}
