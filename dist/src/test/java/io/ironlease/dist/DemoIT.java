package io.ironlease.dist;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The README's first command, {@code scripts/ironlease-demo}, run as a newcomer runs it (from another
 * directory, nothing but Java and the built jars) on free ports: the failover pair reaches normal, both
 * clients get leases, omshell shows both servers normal, the pools report counts the two leases, and
 * everything it started is gone afterwards.
 */
class DemoIT {

    /** The repository root; failsafe runs with the module directory as working directory. */
    private static final Path ROOT = Path.of("").toAbsolutePath().getParent();

    private record Run(int exit, String output) {
    }

    private static Run demo(Path tmp, Map<String, String> environment, String... arguments) throws Exception {
        Path log = tmp.resolve("demo.log");
        String[] command = Stream.concat(Stream.of("bash", ROOT.resolve("scripts/ironlease-demo").toString()),
                Stream.of(arguments)).toArray(String[]::new);
        ProcessBuilder builder = new ProcessBuilder(command).directory(tmp.toFile())
                .redirectErrorStream(true).redirectOutput(log.toFile());
        builder.environment().putAll(environment);
        builder.environment().put("TMPDIR", tmp.toString());
        Process process = builder.start();
        if (!process.waitFor(240, TimeUnit.SECONDS)) {
            process.destroy();
            process.waitFor(20, TimeUnit.SECONDS);
            throw new AssertionError("ironlease-demo did not finish:\n" + Files.readString(log));
        }
        String output = Files.readString(log);
        Files.delete(log);
        return new Run(process.exitValue(), output);
    }

    @Test
    void failoverPairDemoRunsAndCleansUp(@TempDir Path tmp) throws Exception {
        int dhcp = LoopbackPorts.freeDhcpPort(List.of("127.0.0.1", "127.0.0.2", "127.0.0.3"));
        int omapiPrimary = LoopbackPorts.freeTcpPort("127.0.0.1");
        int omapiSecondary = LoopbackPorts.freeTcpPort("127.0.0.2");
        int failoverPrimary = LoopbackPorts.freeTcpPort("127.0.0.1");
        int failoverSecondary = LoopbackPorts.freeTcpPort("127.0.0.2");
        Run run = demo(tmp, Map.of("DEMO_DHCP_PORT", Integer.toString(dhcp),
                "DEMO_OMAPI_PORTS", omapiPrimary + " " + omapiSecondary,
                "DEMO_FAILOVER_PORTS", failoverPrimary + " " + failoverSecondary));

        assertThat(run.exit()).as(run.output()).isZero();
        String out = run.output();
        assertThat(out).contains("DHCP_LISTENING 127.0.0.1 port " + dhcp, "DHCP_LISTENING 127.0.0.2 port " + dhcp,
                "OMAPI_LISTENING address=127.0.0.1 port=" + omapiPrimary,
                "OMAPI_LISTENING address=127.0.0.2 port=" + omapiSecondary);
        // Both clients got one of the pool's two addresses; the seed's options came with them.
        assertThat(out).containsPattern("02:00:00:00:de:01: 192\\.168\\.100\\.3[34] for \\d+ s from 127\\.0\\.0\\.[12]")
                .containsPattern("02:00:00:00:de:02: 192\\.168\\.100\\.3[34] for \\d+ s from 127\\.0\\.0\\.[12]")
                .contains("option routers 192.168.100.1;");
        // omshell's view of both servers: local and partner state 2 (normal), their own failover ports.
        assertThat(out.split("local-state = 00:00:00:02\n", -1)).hasSize(3);
        assertThat(out.split("partner-state = 00:00:00:02\n", -1)).hasSize(3);
        assertThat(out).contains("local-port = " + hex(failoverPrimary), "local-port = " + hex(failoverSecondary));
        // The pools report, from each lease file: two addresses, both in use.
        assertThat(out).containsPattern(
                "(?m)^demo\\s+192\\.168\\.100\\.33\\s+- 192\\.168\\.100\\.34\\s+2\\s+2\\s+100\\.000");
        assertThat(out.split("All networks             2     2    100.000", -1)).hasSize(3);
        assertThat(out).contains("== demo finished");

        // It stopped what it started and removed its directory.
        assertThat(out).contains("primary: ", "DHCP_STOPPED");
        for (int port : new int[] {omapiPrimary, failoverPrimary}) {
            assertThat(LoopbackPorts.tcpFree("127.0.0.1", port)).as("port %d released", port).isTrue();
        }
        for (int port : new int[] {omapiSecondary, failoverSecondary}) {
            assertThat(LoopbackPorts.tcpFree("127.0.0.2", port)).as("port %d released", port).isTrue();
        }
        assertThat(LoopbackPorts.udpFree("127.0.0.1", dhcp) && LoopbackPorts.udpFree("127.0.0.2", dhcp)).isTrue();
        try (Stream<Path> left = Files.list(tmp)) {
            assertThat(left).as("temporary files left behind").isEmpty();
        }
    }

    private static String hex(int port) {
        return String.format("00:00:%02x:%02x", port >> 8, port & 0xff);
    }

    @Test
    void aServerThatCannotStartIsNamedAndTheOtherIsStopped(@TempDir Path tmp) throws Exception {
        int dhcp = LoopbackPorts.freeDhcpPort(List.of("127.0.0.1", "127.0.0.2", "127.0.0.3"));
        int omapiSecondary = LoopbackPorts.freeTcpPort("127.0.0.2");
        int failoverPrimary = LoopbackPorts.freeTcpPort("127.0.0.1");
        int failoverSecondary = LoopbackPorts.freeTcpPort("127.0.0.2");
        try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"))) {
            Run run = demo(tmp, Map.of("DEMO_DHCP_PORT", Integer.toString(dhcp),
                    "DEMO_OMAPI_PORTS", taken.getLocalPort() + " " + omapiSecondary,
                    "DEMO_FAILOVER_PORTS", failoverPrimary + " " + failoverSecondary));
            assertThat(run.exit()).as(run.output()).isEqualTo(1);
            assertThat(run.output()).contains("cannot start OMAPI", "ironlease-demo: the primary exited");
        }
        assertThat(LoopbackPorts.tcpFree("127.0.0.2", omapiSecondary)).as("the secondary was stopped").isTrue();
        assertThat(LoopbackPorts.tcpFree("127.0.0.2", failoverSecondary)).isTrue();
        try (Stream<Path> left = Files.list(tmp)) {
            assertThat(left).isEmpty();
        }
    }

    @Test
    void checkModeChecksBothConfigurations(@TempDir Path tmp) throws Exception {
        Run run = demo(tmp, Map.of(), "check");
        assertThat(run.exit()).as(run.output()).isZero();
        assertThat(run.output()).contains("== both demo configurations check clean");
        assertThat(run.output().split("configuration OK", -1)).hasSize(3);
    }

    @Test
    void serveModeGivesOneClientALease(@TempDir Path tmp) throws Exception {
        int port = LoopbackPorts.freeDhcpPort(List.of("127.0.0.3", "127.0.0.1"));
        Run run = demo(tmp, Map.of("DEMO_DHCP_PORT", Integer.toString(port)), "serve");
        assertThat(run.exit()).as(run.output()).isZero();
        assertThat(run.output()).contains("DHCP_LISTENING 127.0.0.3 port " + port, "lease 192.168.100.33 {",
                "binding state active;");
        try (Stream<Path> left = Files.list(tmp)) {
            assertThat(left).isEmpty();
        }
    }
}
