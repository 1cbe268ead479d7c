package io.ironlease.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** The dhcpd-like command line, driven through picocli with captured output. */
class ServerMainTest {

    private static final String TEST_SECRET = "bGFiLW9ubHktb21hcGktc2VjcmV0";

    @TempDir
    Path dir;

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    private int run(String... args) {
        CommandLine commandLine = ServerMain.commandLine();
        commandLine.setOut(new PrintWriter(out));
        commandLine.setErr(new PrintWriter(err));
        return commandLine.execute(args);
    }

    /** A shared test fixture (ironlease-shared test-jar) copied to a file. */
    private Path fixture(String resource, boolean realSecret) throws IOException {
        try (InputStream in = getClass().getResourceAsStream("/" + resource)) {
            String text = new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
            if (realSecret) {
                text = text.replace("secret your_generated_key;", "secret " + TEST_SECRET + ";");
            }
            return Files.writeString(dir.resolve(Path.of(resource).getFileName()), text);
        }
    }

    @Test
    void seedWithPlaceholderSecretFailsWithOneErrorLine() throws IOException {
        Path config = fixture("seed/primary.conf", false);

        assertThat(run("-t", "-cf", config.toString())).isEqualTo(1);
        assertThat(err.toString().lines()).contains(config + ":25:13: key \"omapi_key\": secret is not base64; "
                + "generate one with: ironlease-keygen omapi_key (or: openssl rand -base64 16)");
        assertThat(err.toString().lines().filter(l -> !l.contains("warning:") && l.startsWith(config.toString())))
                .hasSize(1);
        assertThat(out.toString()).isEmpty();
    }

    @Test
    void seedWithRealSecretPrintsASummary() throws IOException {
        Path config = fixture("seed/primary.conf", true);

        assertThat(run("-t", "-cf", config.toString())).isEqualTo(0);
        String summary = out.toString();
        assertThat(summary).contains(
                "failover peer \"failover-dhcp\": primary, address 192.168.100.31 port 647, peer address "
                        + "192.168.100.32 port 647, mclt 3600s, split 128, max-response-delay 60s, "
                        + "max-unacked-updates 10, load balance max seconds 3",
                "key omapi_key: hmac-md5",
                "omapi: port 7911, key omapi_key",
                "subnet 192.168.100.0/24 (netmask 255.255.255.0):",
                "  option domain-name-servers redos.test   (host name, resolved when serving)",
                "  pool (failover peer \"failover-dhcp\"): 2 addresses",
                "    range 192.168.100.33 - 192.168.100.34: 2 addresses",
                "total: 1 subnet, 1 pool, 2 addresses in ranges",
                "configuration OK");
        assertThat(summary).doesNotContain(TEST_SECRET);
        assertThat(err.toString()).contains(":30:3: warning: option broadcast-address 192.168.0.255 does not match");
    }

    @Test
    void secondaryChecksCleanToo() throws IOException {
        Path config = fixture("seed/secondary.conf", true);

        assertThat(run("-t", "-cf", config.toString())).isEqualTo(0);
        assertThat(out.toString()).contains("failover peer \"failover-dhcp\": secondary, address 192.168.100.32");
    }

    @Test
    void quietPrintsNothingOnSuccess() throws IOException {
        Path config = fixture("reference/failover/lab-pair-primary.conf", false);

        assertThat(run("-t", "-q", "-cf", config.toString())).isEqualTo(0);
        assertThat(out.toString()).isEmpty();
    }

    @Test
    void dhcpdFlagsAndInterfacesAreAccepted() throws IOException {
        Path config = fixture("reference/failover/lab-pair-primary.conf", false);

        assertThat(run("-4", "-f", "-d", "-p", "6767", "-lf", dir.resolve("l").toString(), "-pf",
                dir.resolve("p").toString(), "-t", "-cf", config.toString(), "eth0", "eth1")).isEqualTo(0);
    }

    @Test
    void missingConfigFile() {
        Path missing = dir.resolve("missing.conf");

        assertThat(run("-t", "-cf", missing.toString())).isEqualTo(1);
        assertThat(err.toString()).contains(missing + ":1:1: cannot read config file: no such file");
    }

    @Test
    void servingRefusesABrokenConfigLikeDhcpd() {
        Path missing = dir.resolve("missing.conf");

        assertThat(run("-f", "-cf", missing.toString(), "-lf", dir.resolve("l").toString())).isEqualTo(1);
        assertThat(err.toString()).contains(missing + ":1:1: cannot read config file");
    }

    @Test
    void leaseFileCheckReportsFileLineColumnLikeDhcpdT() throws IOException {
        Path good = dir.resolve("good.leases");
        Files.writeString(good, "lease 10.0.0.1 {\n  starts 3 2026/11/25 01:18:25;\n  binding state active;\n}\n");
        assertThat(run("-T", "-lf", good.toString())).isEqualTo(0);
        assertThat(out.toString()).contains("1 leases").contains("lease file OK");

        Path bad = dir.resolve("bad.leases");
        Files.writeString(bad, "lease 10.0.0.1 {\n  starts bogus;\n}\n");
        assertThat(run("-T", "-lf", bad.toString())).isEqualTo(1);
        assertThat(err.toString()).contains(bad + ":2:").contains("lease file rejected");
    }

    @Test
    void unknownOptionIsAUsageError() {
        assertThat(run("-x")).isEqualTo(2);
        assertThat(err.toString()).contains("Unknown option");
    }
}
