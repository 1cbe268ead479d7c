package io.ironlease.server.net;

import static org.assertj.core.api.Assertions.assertThat;

import io.ironlease.server.testclient.FakeResponderMain;
import io.ironlease.server.testclient.Netns;
import io.ironlease.server.testclient.Perfdhcp;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The broadcast path with a real client: ISC dhclient in one network namespace gets, renews and
 * releases a lease from our transport (interface-bound socket, SO_BINDTODEVICE) running the fake
 * responder in another JVM in a second namespace. The client has no address while it asks, so the
 * OFFER and ACK must be broadcast out of the receiving interface; the renewal is unicast both ways.
 * perfdhcp relays through a second link that has no interface socket: the unicast socket serves it.
 */
@Tag("netns")
class BroadcastNetnsInteropIT {

    @Test
    void dhclientGetsRenewsAndReleasesALeaseByBroadcast(@TempDir Path dir) throws Exception {
        assertThat(Netns.isRoot()).as("network namespace tests need root").isTrue();
        Path script = dir.resolve("dhclient-script.sh");
        try (InputStream in = getClass().getResourceAsStream("/golden/dhcp/capture/dhclient-script.sh")) {
            Files.write(script, in.readAllBytes());
        }
        Files.setPosixFilePermissions(script, PosixFilePermissions.fromString("rwxr-xr-x"));
        Path conf = dir.resolve("dhclient.conf");
        Files.writeString(conf, "send host-name \"netns-client\";\nrequest subnet-mask, routers;\n");

        try (Netns netns = new Netns()) {
            String server = netns.create("il-bsrv");
            String client = netns.create("il-bcli");
            netns.veth(server, client, "dh0", "02:00:00:88:00:01");
            Netns.run("ip", "-n", server, "addr", "add", "10.88.0.1/24", "dev", "dh0");
            // a second link the server does not listen on by interface: a relay reaches it by unicast
            netns.veth(server, client, "dh1", null);
            Netns.run("ip", "-n", server, "addr", "add", "10.89.0.1/24", "dev", "dh1");
            Netns.run("ip", "-n", client, "addr", "add", "10.89.0.2/24", "dev", "dh1");

            Path serverOut = dir.resolve("server.out");
            String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
            Process responder = netns.start(server, List.of(java, "-cp", System.getProperty("java.class.path"),
                    FakeResponderMain.class.getName(), "--port", "67", "--interface", "dh0", "--server-id",
                    "10.88.0.1", "--first", "10.88.0.100", "--size", "20", "--lease", "10", "--seconds", "90",
                    "--until-stdin-closes"), serverOut);
            Awaitility.await().atMost(Duration.ofSeconds(30))
                    .until(() -> Files.readString(serverOut).contains("READY 67"));

            Path clientOut = dir.resolve("dhclient.out");
            List<String> dhclient = List.of("dhclient", "-4", "-d", "-cf", conf.toString(), "-sf", script.toString(),
                    "-lf", dir.resolve("dhclient.leases").toString(), "-pf", dir.resolve("dhclient.pid").toString(),
                    "dh0");
            netns.start(client, dhclient, clientOut);
            Awaitility.await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(200))
                    .until(() -> Files.readString(clientOut).contains("bound to 10.88.0.100"));
            assertThat(Files.readString(clientOut)).contains("DHCPOFFER of 10.88.0.100 from 10.88.0.1")
                    .contains("DHCPACK of 10.88.0.100 from 10.88.0.1");
            assertThat(Netns.run("ip", "-n", client, "addr", "show", "dh0")).contains("10.88.0.100/24");

            // T1 is 5 s: dhclient renews by unicast from its new address
            Awaitility.await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(500))
                    .until(() -> count(Files.readString(clientOut), "bound to 10.88.0.100") >= 2);
            assertThat(Files.readString(clientOut)).contains("DHCPREQUEST for 10.88.0.100 on dh0 to 10.88.0.1 port 67");

            List<String> release = List.of("ip", "netns", "exec", client, "dhclient", "-4", "-r", "-cf", conf.toString(),
                    "-sf", script.toString(), "-lf", dir.resolve("dhclient.leases").toString(), "-pf",
                    dir.resolve("dhclient.pid").toString(), "dh0");
            Netns.run(release.toArray(String[]::new));

            // relayed traffic on the other link is served by the unicast socket
            Perfdhcp.Result relayed = Perfdhcp.parse(Netns.output("ip", "netns", "exec", client, "timeout", "30",
                    "perfdhcp", "-4", "-l", "10.89.0.2", "-r", "10", "-n", "5", "-R", "5", "-d", "2", "10.89.0.1"), 0);
            assertThat(relayed.acksReceived()).as(relayed.output()).isGreaterThanOrEqualTo(4);

            try (OutputStream stdin = responder.getOutputStream()) {
                stdin.flush();
            }
            Awaitility.await().atMost(Duration.ofSeconds(20))
                    .until(() -> Files.readString(serverOut).contains("COUNTERS"));
            String counters = Files.readString(serverOut, StandardCharsets.UTF_8);
            Matcher m = Pattern.compile("COUNTERS Snapshot\\[received=(\\d+), malformed=(\\d+), dropped=(\\d+), "
                    + "repliesSent=(\\d+), sendFailures=(\\d+)\\] acks=(\\d+)").matcher(counters);
            assertThat(m.find()).as(counters).isTrue();
            // every message counted once: broadcasts are not also handled by the unicast socket
            String log = Files.readString(clientOut);
            long fromDhclient = count(log, "DHCPDISCOVER on dh0") + count(log, "DHCPREQUEST for") + 1;
            assertThat(Long.parseLong(m.group(1))).as(counters + log)
                    .isEqualTo(fromDhclient + relayed.discoversSent() + relayed.requestsSent());
            assertThat(Integer.parseInt(m.group(2))).isZero();
            assertThat(Integer.parseInt(m.group(5))).isZero();
            assertThat(Integer.parseInt(m.group(6))).isGreaterThanOrEqualTo(2 + 4);
        }
    }

    private static int count(String text, String needle) {
        int n = 0;
        for (int i = text.indexOf(needle); i >= 0; i = text.indexOf(needle, i + 1)) {
            n++;
        }
        return n;
    }
}
