package io.ironlease.pools.golden;

import static org.assertj.core.api.Assertions.assertThat;

import io.ironlease.pools.input.SharedParsersInput;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every reference case of every dataset, and our probes, from the files through the shared dhcpd.conf
 * and dhcpd.leases parsers: with {@code --bug-compat} dhcpd-pools 2.29's bytes and exit codes (html:
 * the same page but for the file line and our name), by default the same with the documented fixes.
 */
class GoldenCasesTest {

    @TempDir
    Path scratch;

    static Stream<Arguments> cases() {
        return Stream.concat(ReferenceCase.DATASETS.stream(), ReferenceCase.PROBES.stream())
                .flatMap(dataset -> ReferenceCase.of(dataset).stream().map(Arguments::of));
    }

    private static SharedParsersInput input(ByteArrayOutputStream warnings) {
        // parts of 8 MiB would leave these files whole: a low threshold is not offered, so two readers
        // are asked for and the small files are read in one piece, as in production
        return new SharedParsersInput(new PrintStream(warnings, true, StandardCharsets.UTF_8), 2);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void bugCompatibleOutputIsDhcpdPools(ReferenceCase c) {
        ByteArrayOutputStream warnings = new ByteArrayOutputStream();
        CaseRunner.Outcome ours = CaseRunner.run(c, input(warnings), scratch, "--bug-compat");
        assertThat(warnings.toString(StandardCharsets.UTF_8)).isEmpty();
        if (c.file().endsWith("-h.out")) {
            assertThat(ours.exit()).as("fix (c)").isEqualTo(3);
            assertThat(ours.stdout()).isEmpty();
            return;
        }
        assertThat(ours.stderr()).isEmpty();
        assertThat(ours.exit()).as("exit code").isEqualTo(c.exit());
        if (c.isHtml()) {
            assertThat(CaseRunner.normalizeHtml(ours.stdout())).isEqualTo(CaseRunner.normalizeHtml(c.expected()));
        } else {
            assertThat(ours.stdout()).isEqualTo(c.expected());
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void defaultOutputIsDhcpdPoolsWithTheDocumentedFixes(ReferenceCase c) {
        TranscribedCasesTest.assertFixed(c, CaseRunner.run(c, input(new ByteArrayOutputStream()), scratch));
    }
}
