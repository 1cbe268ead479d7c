package io.ironlease.pools.input;

import static org.assertj.core.api.Assertions.assertThat;

import io.ironlease.pools.PoolsMain;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Files that cannot be analysed: a message with the file (and line), exit 3, never a stack trace. */
class BadInputTest {

    @TempDir
    Path dir;
    Path conf;
    Path leases;

    record Run(int exit, String out, String err) {
    }

    @BeforeEach
    void files() throws IOException {
        conf = dir.resolve("dhcpd.conf");
        leases = dir.resolve("dhcpd.leases");
        Files.writeString(conf, "subnet 10.0.0.0 netmask 255.255.255.0 {\n  range 10.0.0.10 10.0.0.19;\n}\n");
        Files.writeString(leases, "# dhcpd.leases\nlease 10.0.0.10 {\n  binding state active;\n}\n");
    }

    Run run(String... extra) {
        List<String> args = new ArrayList<>(List.of("-c", conf.toString(), "-l", leases.toString()));
        args.addAll(List.of(extra));
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        PrintStream errStream = new PrintStream(err, true, StandardCharsets.UTF_8);
        int exit = PoolsMain.run(args.toArray(String[]::new), out, errStream, new SharedParsersInput(errStream),
                "ironlease-pools");
        return new Run(exit, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    @Test
    void goodFilesGiveAReport() {
        Run r = run("-L", "04");
        assertThat(r.exit()).isZero();
        assertThat(r.err()).isEmpty();
        assertThat(r.out()).startsWith("All networks            10     1");
    }

    @Test
    void aMissingConfigIsNamed() throws IOException {
        Files.delete(conf);
        Run r = run();
        assertThat(r.exit()).isEqualTo(3);
        assertThat(r.out()).isEmpty();
        assertThat(r.err()).isEqualTo("ironlease-pools: " + conf + ": No such file or directory\n");
    }

    @Test
    void aMissingLeaseFileIsNamedEvenInAlarmMode() throws IOException {
        Files.delete(leases);
        Run r = run("--warning", "80", "--critical", "90");
        assertThat(r.exit()).as("UNKNOWN, not WARNING").isEqualTo(3);
        assertThat(r.out()).isEmpty();
        assertThat(r.err()).isEqualTo("ironlease-pools: " + leases + ": No such file or directory\n");
    }

    @Test
    void aConfigThatDoesNotParseGivesFileLineAndColumn() throws IOException {
        Files.writeString(conf, "subnet 10.0.0.0 netmask 255.255.255.0 {\n  range 10.0.0.10 10.0.0.x;\n}\n");
        Run r = run();
        assertThat(r.exit()).isEqualTo(3);
        assertThat(r.out()).isEmpty();
        assertThat(r.err()).startsWith("ironlease-pools: " + conf + ":2:").doesNotContain("Exception", "\tat ");
    }

    @Test
    void errorsOfMeaningDoNotStopTheAnalysis() throws IOException {
        // the seed how-to's placeholder secret and a pool naming an undeclared peer: dhcpd refuses them,
        // dhcpd-pools analyses them, and so do we
        Files.writeString(conf, "key omapi_key {\n  algorithm hmac-md5;\n  secret your_generated_key;\n}\n"
                + "subnet 10.0.0.0 netmask 255.255.255.0 {\n  pool {\n    failover peer \"nowhere\";\n"
                + "    range 10.0.0.10 10.0.0.19;\n  }\n}\n");
        Run r = run("-L", "04");
        assertThat(r.err()).isEmpty();
        assertThat(r.exit()).isZero();
        assertThat(r.out()).startsWith("All networks            10     1");
    }

    @Test
    void aCorruptLeaseRecordGivesFileAndLine() throws IOException {
        Files.writeString(leases, "# dhcpd.leases\nlease 10.0.0.10 {\n  binding state active;\n}\n"
                + "lease 10.0.0.11 {\n  binding state sideways;\n}\n");
        Run r = run("--warning", "80");
        assertThat(r.exit()).isEqualTo(3);
        assertThat(r.out()).isEmpty();
        assertThat(r.err()).startsWith("ironlease-pools: " + leases + ":6:").contains("sideways")
                .doesNotContain("Exception", "\tat ");
    }

    @Test
    void aLastRecordCutShortIsSkippedWithAWarning() throws IOException {
        Files.writeString(leases, "# dhcpd.leases\nlease 10.0.0.10 {\n  binding state active;\n}\n"
                + "lease 10.0.0.11 {\n  binding state act");
        Run r = run("-L", "04");
        assertThat(r.exit()).isZero();
        assertThat(r.out()).startsWith("All networks            10     1");
        assertThat(r.err()).startsWith(leases + ":5:1: warning: ");
    }

    @Test
    void anUnreadableLeaseFileIsNamed() throws IOException {
        Files.delete(leases);
        Files.createDirectory(leases);
        Run r = run();
        assertThat(r.exit()).isEqualTo(3);
        assertThat(r.err()).startsWith("ironlease-pools: " + leases + ": ");
    }
}
