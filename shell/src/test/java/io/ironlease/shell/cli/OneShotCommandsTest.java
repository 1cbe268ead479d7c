package io.ironlease.shell.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.ironlease.omapi.server.OmapiServer;
import io.ironlease.omapi.testing.GoldenVectors;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** lease, host, failover-state against our server on loopback: output, JSON and exit codes. */
class OneShotCommandsTest {

    private static OmapiServer server;
    private static String port;
    @TempDir
    static Path dir;
    private static String keyFile;

    @BeforeAll
    static void start() throws Exception {
        server = TestServers.full();
        port = Integer.toString(server.port());
        Path file = dir.resolve("omapi.key");
        Files.writeString(file, "# test-only lab key\nkey omapi_key {\n  algorithm hmac-md5;\n  secret \""
                + GoldenVectors.labKey().secretBase64() + "\";\n};\n");
        keyFile = file.toString();
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    private static Run run(String... args) {
        String[] all = new String[args.length + 4];
        System.arraycopy(args, 0, all, 0, args.length);
        System.arraycopy(new String[] {"--port", port, "--key-file", keyFile}, 0, all, args.length, 4);
        return Run.of(all);
    }

    @Test
    void leaseAsJson() {
        Run run = run("lease", "--ip", "192.168.100.100", "--json");
        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out()).isEqualTo("""
                {
                  "ip-address": "192.168.100.100",
                  "state": {
                    "name": "active",
                    "code": 2
                  },
                  "hardware-address": "52:54:00:aa:00:01",
                  "hardware-type": 1,
                  "dhcp-client-identifier": "01:52:54:00:aa:00:01",
                  "client-hostname": "lab-client-01",
                  "starts": "2026-11-24T23:10:27Z",
                  "ends": "2026-11-25T00:10:27Z",
                  "cltt": "2026-11-24T23:10:27Z",
                  "tstp": null,
                  "tsfp": null,
                  "atsfp": null
                }
                """);
    }

    @Test
    void leaseForPeopleByMac() {
        Run run = run("lease", "--mac", "52:54:00:aa:00:01");
        assertThat(run.exitCode()).isZero();
        assertThat(run.out()).startsWith("lease 192.168.100.100\n").contains("  state                   active (2)\n")
                .contains("  client-hostname         lab-client-01\n").doesNotContain("tstp");
    }

    @Test
    void leaseThatDoesNotExistIsExitCode5() {
        Run run = run("lease", "--ip", "192.168.100.250");
        assertThat(run.exitCode()).isEqualTo(ExitCodes.NOT_FOUND);
        assertThat(run.out()).isEmpty();
        assertThat(run.err()).isEqualTo("ironlease-shell: lease ip 192.168.100.250: not found\n");
    }

    @Test
    void badUsageIsExitCode2() {
        assertThat(run("lease").exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(run("lease", "--ip", "192.168.100").exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(run("lease", "--ip", "1.2.3.4", "--mac", "52:54:00:aa:00:01").exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(run("host").exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(run("lease", "--ip", "1.2.3.4", "--key-algorithm", "rot13").err()).contains("unknown --key-algorithm");
    }

    @Test
    void nobodyListeningIsExitCode3() throws Exception {
        int closed;
        try (ServerSocket socket = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            closed = socket.getLocalPort();
        }
        Run run = Run.of("lease", "--ip", "192.168.100.100", "--port", Integer.toString(closed), "--timeout", "2");
        assertThat(run.exitCode()).isEqualTo(ExitCodes.CONNECTION);
        assertThat(run.err()).startsWith("ironlease-shell: cannot connect to 127.0.0.1:" + closed + ": ");
    }

    @Test
    void authenticationFailuresAreExitCode4() throws Exception {
        Path wrong = dir.resolve("wrong.key");
        Files.writeString(wrong, "d3Jvbmctc2VjcmV0LWtleQ==\n");
        Run wrongSecret = Run.of("lease", "--ip", "192.168.100.100", "--port", port, "--key-file", wrong.toString(),
                "--key-name", "omapi_key");
        assertThat(wrongSecret.exitCode()).as(wrongSecret.err()).isEqualTo(ExitCodes.AUTHENTICATION);
        Run unknownKey = Run.of("lease", "--ip", "192.168.100.100", "--port", port, "--key-file", wrong.toString(),
                "--key-name", "nosuch_key");
        assertThat(unknownKey.exitCode()).isEqualTo(ExitCodes.AUTHENTICATION);
        assertThat(unknownKey.err()).contains("does not know this key");
        Run noKey = Run.of("lease", "--ip", "192.168.100.100", "--port", port);
        assertThat(noKey.exitCode()).isEqualTo(ExitCodes.AUTHENTICATION);
        assertThat(noKey.err()).contains("no key specified");
    }

    @Test
    void secretFromTheEnvironment() {
        Map<String, String> env = Map.of("OMAPI_SECRET", GoldenVectors.labKey().secretBase64());
        Run run = Run.with(env, "lease", "--ip", "192.168.100.100", "--port", port, "--key-name", "omapi_key",
                "--key-env", "OMAPI_SECRET");
        assertThat(run.exitCode()).as(run.err()).isZero();
        Run unset = Run.with(Map.of(), "lease", "--ip", "192.168.100.100", "--port", port, "--key-name", "omapi_key",
                "--key-env", "OMAPI_SECRET");
        assertThat(unset.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(unset.err()).contains("OMAPI_SECRET");
    }

    @Test
    void aKeyFileWithSeveralKeys() throws Exception {
        Path both = dir.resolve("both.key");
        Files.writeString(both, "key other { algorithm hmac-sha256; secret \"b3RoZXI=\"; };\n"
                + "key \"omapi_key\" { algorithm hmac-md5; secret " + GoldenVectors.labKey().secretBase64() + "; };\n");
        Run chosen = Run.of("lease", "--ip", "192.168.100.100", "--port", port, "--key-file", both.toString(),
                "--key-name", "omapi_key");
        assertThat(chosen.exitCode()).as(chosen.err()).isZero();
        Run ambiguous = Run.of("lease", "--ip", "192.168.100.100", "--port", port, "--key-file", both.toString());
        assertThat(ambiguous.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(ambiguous.err()).contains("several keys (other, omapi_key)");
    }

    @Test
    void hostAddShowRemove() {
        Run add = run("host", "add", "--name", "cli-host", "--mac", "52:54:00:cc:00:42", "--ip", "192.168.100.42");
        assertThat(add.exitCode()).as(add.err()).isZero();
        assertThat(add.out()).startsWith("host cli-host\n").contains("ip-address", "192.168.100.42");
        assertThat(run("host", "add", "--name", "cli-host", "--mac", "52:54:00:cc:00:42").exitCode())
                .isEqualTo(ExitCodes.REFUSED);
        Run show = run("host", "show", "--mac", "52:54:00:cc:00:42", "--json");
        assertThat(show.exitCode()).isZero();
        assertThat(show.out()).contains("\"name\": \"cli-host\"", "\"hardware-type\": 1");
        Run remove = run("host", "remove", "--name", "cli-host");
        assertThat(remove.exitCode()).isZero();
        assertThat(remove.out()).isEqualTo("removed host cli-host\n");
        assertThat(run("host", "show", "--name", "cli-host").exitCode()).isEqualTo(ExitCodes.NOT_FOUND);
        assertThat(run("host", "add", "--name", "no-address").exitCode()).isEqualTo(ExitCodes.USAGE);
    }

    @Test
    void failoverStateAsJson() {
        Run run = run("failover-state", "--name", "omlab-failover", "--json");
        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out()).isEqualTo("""
                {
                  "name": "omlab-failover",
                  "local-state": {
                    "name": "startup",
                    "code": 1
                  },
                  "partner-state": {
                    "name": "unknown-state",
                    "code": 0
                  },
                  "local-stos": "2026-11-24T23:10:54Z",
                  "partner-stos": "2026-11-24T23:10:54Z",
                  "role": "primary",
                  "mclt": 300,
                  "max-response-delay": 60,
                  "max-outstanding-updates": 10,
                  "load-balance-max-secs": 3,
                  "split": 128,
                  "load-balance-hba": "ffffffffffffffffffffffffffffffff00000000000000000000000000000000",
                  "local-address": null,
                  "local-port": 647,
                  "partner-address": null,
                  "partner-port": 847,
                  "last-packet-sent": null,
                  "last-timestamp-received": null,
                  "skew": 0,
                  "cur-unacked-updates": 0
                }
                """);
    }

    @Test
    void failoverStateExpectations() throws Exception {
        Run normal = run("failover-state", "--name", "omlab-failover", "--expect", "normal");
        assertThat(normal.exitCode()).isEqualTo(ExitCodes.UNEXPECTED_STATE);
        assertThat(normal.out()).startsWith("failover peer \"omlab-failover\"\n").contains("local-state", "startup (1)");
        assertThat(normal.err()).isEqualTo(
                "ironlease-shell: failover peer \"omlab-failover\": local state is startup, expected normal\n");
        assertThat(run("failover-state", "--name", "omlab-failover", "--expect", "normal,startup").exitCode()).isZero();
        assertThat(run("failover-state", "--name", "omlab-failover", "--expect", "sideways").exitCode())
                .isEqualTo(ExitCodes.USAGE);
        assertThat(run("failover-state", "--name", "dhcp-failover").exitCode()).isEqualTo(ExitCodes.NOT_FOUND);
        Path conf = dir.resolve("dhcpd.conf");
        Files.writeString(conf, "# failover peer \"commented\" {\nfailover peer \"omlab-failover\" {\n  primary;\n}\n"
                + "pool { failover peer \"omlab-failover\"; }\n");
        assertThat(run("failover-state", "--config", conf.toString()).exitCode()).isZero();
        assertThat(run("failover-state", "--config", dir.resolve("missing.conf").toString()).err())
                .contains("name the failover peer with --name");
    }
}
