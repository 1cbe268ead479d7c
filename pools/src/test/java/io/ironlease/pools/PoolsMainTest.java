package io.ironlease.pools;

import static org.assertj.core.api.Assertions.assertThat;

import io.ironlease.pools.golden.TranscribedInput;
import io.ironlease.pools.input.InputException;
import io.ironlease.pools.input.LeaseOptions;
import io.ironlease.pools.input.PoolsInput;
import io.ironlease.pools.model.LeaseTable;
import io.ironlease.pools.model.PoolLayout;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class PoolsMainTest {

    @TempDir
    Path dir;

    record Run(int exit, String out, String err) {
    }

    static Run run(PoolsInput input, String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int exit = PoolsMain.run(args, out, new PrintStream(err, true, StandardCharsets.UTF_8), input, "ironlease-pools");
        return new Run(exit, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    static Run run(String... args) {
        return run(TranscribedInput.semanticsMini(), args);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "--bogus|Unknown option: '--bogus'",
        "-f q|unknown output format: 'q'",
        "-f h|html table only output format is deprecated",
        "-s x|field_selector: unknown sort order: 'x'",
        "-L 9|return_limit: output mask '9' is illegal",
        "-L 1|return_limit: output mask '1' is illegal",
        "--warning abc|illegal argument: 'abc'",
        "--critical 1d|illegal argument: '1d'",
        "--ip-version 5|unknown --ip-version argument: 5",
        "--ip-version 6|IPv6 analysis is not supported",
        "--now yesterday|--now: not a time: 'yesterday'"})
    void usageErrorsExitUnknownWithAPointerToHelp(String args, String message) {
        Run r = run(args.split(" "));
        assertThat(r.exit()).isEqualTo(3);
        assertThat(r.out()).isEmpty();
        assertThat(r.err()).startsWith("ironlease-pools: ").contains(message)
                .endsWith("ironlease-pools: Try ironlease-pools --help for more information.\n");
    }

    @Test
    void fileErrorsExitUnknownWithTheMessageAndNoStackTrace() {
        PoolsInput broken = new PoolsInput() {
            @Override
            public PoolLayout layout(Path config, boolean allAsShared) throws InputException {
                throw new InputException(config + ":12:3: expected ';'");
            }

            @Override
            public LeaseTable leases(Path leases, LeaseOptions options) {
                return new LeaseTable(false); // read alongside the config, then not used
            }
        };
        Run r = run(broken, "-c", "/etc/dhcp/x.conf", "--warning", "80");
        assertThat(r.exit()).isEqualTo(3);
        assertThat(r.out()).isEmpty();
        assertThat(r.err()).isEqualTo("ironlease-pools: /etc/dhcp/x.conf:12:3: expected ';'\n");
    }

    @Test
    void anUnwritableOutputFileExitsUnknown() {
        Run r = run("-o", dir.resolve("missing/dir/out.txt").toString());
        assertThat(r.exit()).isEqualTo(3);
        assertThat(r.err()).contains("out.txt: No such file or directory");
    }

    @Test
    void outputGoesToTheFileGivenWithMinusO() throws Exception {
        Path file = dir.resolve("out.json");
        Files.writeString(file, "old content that is longer than the new one, to be truncated".repeat(50));
        Run r = run("-f", "json", "-o", file.toString(), "-L", "04");
        assertThat(r.exit()).isZero();
        assertThat(r.out()).isEmpty();
        assertThat(Files.readString(file)).isEqualTo("{\n\n}\n");
    }

    @Test
    void alarmExitCodesAreNagiosOnes() {
        assertThat(run("--warning", "95", "--critical", "99").exit()).isZero();
        assertThat(run("--warning", "5", "--critical", "50").exit()).isEqualTo(1);
        assertThat(run("--warning", "1", "--critical", "2").exit()).isEqualTo(2);
        assertThat(run("-f", "a").out()).startsWith("OK: Ranges - crit: 0 warn: 0 ok: 1;");
        // a format given with alarm thresholds wins, as in dhcpd-pools
        Run text = run("--warning", "1", "-f", "t");
        assertThat(text.exit()).isZero();
        assertThat(text.out()).startsWith("Ranges:\n");
    }

    @Test
    void optionsMayRepeatAndTheLastWins() {
        assertThat(run("-f", "x", "-f", "j").out()).startsWith("{\n");
        assertThat(run("-Lj7", "-L", "04").out()).startsWith("All networks ");
    }

    @Test
    void longOptionsTakeEqualsAndExtraArgumentsAreIgnored() {
        Run r = run("--format=c", "--limit=11", "stray");
        assertThat(r.exit()).isZero();
        assertThat(r.out()).startsWith("\"Ranges:\"\n");
    }

    @Test
    void expiryAwareNeedsAnEndInThePast() {
        TranscribedInput ended = TranscribedInput.oneRange("10.0.0.0/24", "10.0.0.1", "10.0.0.9");
        ended.lease("10.0.0.1", "active", null, "2020-01-01T00:00:00Z");
        assertThat(run(ended, "-f", "j", "-L", "01").out()).contains("\"used\":1, \"touched\":0");
        assertThat(run(ended, "-f", "j", "-L", "01", "--expiry-aware").out()).contains("\"used\":0, \"touched\":1");
        assertThat(run(ended, "-f", "j", "-L", "01", "--now", "2019/12/31 12:00:00").out())
                .contains("\"used\":1, \"touched\":0");
        assertThat(run(ended, "-f", "j", "-L", "01", "--now", "1600000000").out())
                .contains("\"used\":0, \"touched\":1");
    }

    @Test
    void versionAndHelpExitZero() {
        assertThat(run("-v").out()).startsWith("ironlease-pools " + PoolsVersion.VERSION);
        Run help = run("--help");
        assertThat(help.exit()).isZero();
        assertThat(help.out()).contains("--all-as-shared", "--expiry-aware", "--bug-compat", "prom");
    }
}
