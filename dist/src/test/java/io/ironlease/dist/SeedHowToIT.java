package io.ironlease.dist;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The seed how-to's troubleshooting section, with the packaged launchers and our pair on loopback:
 * {@code ironlease-shell failover-state} shows both servers normal (the omshell check of the how-to),
 * and stopping either server (its {@code systemctl stop}: SIGTERM) keeps clients served by the other
 * (perfdhcp relaying from 127.0.0.1 stands in for the how-to's {@code dhclient -v}). Loopback only: the
 * primary on 127.0.0.3, the secondary on 127.0.0.4, free ports, a key generated for the test.
 */
class SeedHowToIT {

    private static final Path HOME = Path.of("target", "ironlease").toAbsolutePath();
    private static final String PRIMARY = "127.0.0.3";
    private static final String SECONDARY = "127.0.0.4";
    private static final Pattern ACKS = Pattern.compile(
            "Statistics for: REQUEST-ACK\\*\\*\\*\\s+sent packets: (\\d+)\\s+received packets: (\\d+)");

    @TempDir
    Path dir;
    private final Process[] servers = new Process[2];
    private int dhcpPort;
    private final int[] omapiPort = new int[2];
    private final int[] failoverPort = new int[2];

    @AfterEach
    void stop() throws InterruptedException {
        for (Process p : servers) {
            if (p != null && p.isAlive()) {
                p.destroy();
                if (!p.waitFor(30, TimeUnit.SECONDS)) {
                    p.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
                }
            }
        }
    }

    @Test
    void failoverStateShowsBothNormalAndEitherServerAloneServesClients() throws Exception {
        byte[] secret = new byte[16];
        new SecureRandom().nextBytes(secret);
        String key = "# TEST ONLY: generated for this test run\nkey omapi_key {\n  algorithm hmac-md5;\n  secret \""
                + Base64.getEncoder().encodeToString(secret) + "\";\n}\n";
        Files.writeString(dir.resolve("omapi.key"), key);
        dhcpPort = LoopbackPorts.freeDhcpPort(List.of(PRIMARY, SECONDARY, "127.0.0.1"));
        for (int i = 0; i < 2; i++) {
            failoverPort[i] = LoopbackPorts.freeTcpPort(i == 0 ? PRIMARY : SECONDARY);
            omapiPort[i] = LoopbackPorts.freeTcpPort("127.0.0.1");
        }
        for (int i = 0; i < 2; i++) {
            Files.writeString(dir.resolve(role(i) + ".conf"), config(i, key));
            start(i);
        }
        awaitStates("normal", "normal", "normal", "normal");

        // systemctl stop on the primary: the secondary notices and serves the clients alone
        stopServer(0);
        awaitStates(null, null, "communications-interrupted", null);
        assertServed(SECONDARY);

        // the primary comes back (both normal again), then the secondary stops: the primary serves alone
        start(0);
        awaitStates("normal", "normal", "normal", "normal");
        stopServer(1);
        awaitStates("communications-interrupted", null, null, null);
        assertServed(PRIMARY);
    }

    private static String role(int i) {
        return i == 0 ? "primary" : "secondary";
    }

    private String config(int i, String key) {
        String me = i == 0 ? PRIMARY : SECONDARY;
        String peer = i == 0 ? SECONDARY : PRIMARY;
        return """
                # the seed's failover pair on loopback (see scripts/demo/conf), ports chosen by the test
                failover peer "failover-dhcp" {
                  %s;
                  address %s;
                  port %d;
                  peer address %s;
                  peer port %d;
                  max-response-delay 60;
                  max-unacked-updates 10;
                  %s
                  load balance max seconds 3;
                }
                authoritative;
                default-lease-time 86400;
                max-lease-time 86400;
                update-static-leases on;
                one-lease-per-client on;
                ping-check false;
                omapi-port %d;
                omapi-key omapi_key;
                %s
                shared-network loopback {
                  subnet 127.0.0.0 netmask 255.0.0.0 {
                  }
                  subnet 192.168.100.0 netmask 255.255.255.0 {
                    option subnet-mask 255.255.255.0;
                    option routers 192.168.100.1;
                    pool {
                      failover peer "failover-dhcp";
                      range 192.168.100.33 192.168.100.62;
                    }
                  }
                }
                """.formatted(role(i), me, failoverPort[i], peer, failoverPort[1 - i],
                i == 0 ? "mclt 3600;\n  split 128;" : "", omapiPort[i], key);
    }

    private void start(int i) throws IOException {
        Path log = dir.resolve(role(i) + ".log");
        Process p = new ProcessBuilder(HOME.resolve("bin/ironlease-server").toString(), "-f", "-cf",
                dir.resolve(role(i) + ".conf").toString(), "-lf", dir.resolve(role(i) + ".leases").toString(), "-pf",
                dir.resolve(role(i) + ".pid").toString(), "-p", Integer.toString(dhcpPort), "--listen",
                i == 0 ? PRIMARY : SECONDARY).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile())).start();
        servers[i] = p;
        Awaitility.await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(100))
                .until(() -> !p.isAlive() || Files.readString(log).contains("DHCP_LISTENING"));
        assertThat(p.isAlive()).as(role(i) + " started: " + Files.readString(log)).isTrue();
    }

    private void stopServer(int i) throws InterruptedException {
        Process p = servers[i];
        p.destroy();
        assertThat(p.waitFor(60, TimeUnit.SECONDS)).as(role(i) + " stopped on SIGTERM").isTrue();
        assertThat(p.exitValue()).isZero();
    }

    /** Waits until failover-state reports these local and partner states (null: any) on each running server. */
    private void awaitStates(String primaryLocal, String primaryPartner, String secondaryLocal,
            String secondaryPartner) {
        String[][] want = {{primaryLocal, primaryPartner}, {secondaryLocal, secondaryPartner}};
        Awaitility.await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(200))
                .alias("failover-state: primary " + primaryLocal + "/" + primaryPartner + ", secondary "
                        + secondaryLocal + "/" + secondaryPartner)
                .until(() -> {
                    for (int i = 0; i < 2; i++) {
                        if (want[i][0] == null) {
                            continue;
                        }
                        String json = failoverState(i).replaceAll("\\s", "");
                        if (!json.contains("\"local-state\":{\"name\":\"" + want[i][0] + "\"")) {
                            return false;
                        }
                        if (want[i][1] != null && !json.contains("\"partner-state\":{\"name\":\"" + want[i][1] + "\"")) {
                            return false;
                        }
                    }
                    return true;
                });
    }

    /** {@code ironlease-shell failover-state --json} against server {@code i}'s OMAPI port. */
    private String failoverState(int i) throws Exception {
        Path out = dir.resolve("shell.out");
        Process shell = new ProcessBuilder(HOME.resolve("bin/ironlease-shell").toString(), "failover-state",
                "--server", "127.0.0.1", "--port", Integer.toString(omapiPort[i]), "--key-file",
                dir.resolve("omapi.key").toString(), "--name", "failover-dhcp", "--json").redirectErrorStream(true)
                .redirectOutput(out.toFile()).start();
        if (!shell.waitFor(30, TimeUnit.SECONDS)) {
            shell.destroyForcibly();
            return "";
        }
        return Files.readString(out, StandardCharsets.UTF_8);
    }

    /** perfdhcp, relaying from 127.0.0.1, gets every one of its clients a lease from {@code server}. */
    private void assertServed(String server) throws Exception {
        Path out = dir.resolve("perfdhcp-" + server + ".out");
        Process perf = new ProcessBuilder("timeout", "30", "perfdhcp", "-4", "-l", "127.0.0.1", "-L",
                Integer.toString(dhcpPort), "-N", Integer.toString(dhcpPort), "-r", "10", "-n", "6", "-R", "6", "-d",
                "2", server).redirectErrorStream(true).redirectOutput(out.toFile()).start();
        assertThat(perf.waitFor(40, TimeUnit.SECONDS)).isTrue();
        String report = Files.readString(out, StandardCharsets.UTF_8);
        Matcher m = ACKS.matcher(report);
        assertThat(m.find()).as(report).isTrue();
        // perfdhcp may count its very last exchange as dropped although the server answered it
        assertThat(Integer.parseInt(m.group(2))).as(server + " alone served perfdhcp's clients: " + report)
                .isGreaterThanOrEqualTo(5);
    }
}
