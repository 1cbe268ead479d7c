package io.ironlease.pools.golden;

import static org.assertj.core.api.Assertions.assertThat;

import io.ironlease.pools.input.PoolsInput;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every reference case of the three small datasets and of our probes, on hand-transcribed input (no parser involved):
 * with {@code --bug-compat} the output is dhcpd-pools 2.29's, byte for byte; by default it is that
 * output with the documented fixes applied ({@link FixedExpectation}).
 */
class TranscribedCasesTest {

    @TempDir
    Path scratch;

    static Stream<Arguments> cases() {
        return Stream.of("semantics-mini", "seed-primary", "seed-secondary", "edge", "norange", "headed")
                .flatMap(dataset -> ReferenceCase.of(dataset).stream().map(c -> Arguments.of(c)));
    }

    static PoolsInput input(String dataset) {
        return switch (dataset) {
            case "semantics-mini" -> TranscribedInput.semanticsMini();
            case "seed-primary" -> TranscribedInput.seedPrimary();
            case "seed-secondary" -> TranscribedInput.seedSecondary();
            case "edge" -> TranscribedInput.edge();
            case "norange" -> TranscribedInput.norange();
            case "headed" -> TranscribedInput.headed();
            default -> throw new IllegalArgumentException(dataset);
        };
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void bugCompatibleOutputIsDhcpdPools(ReferenceCase c) {
        CaseRunner.Outcome ours = CaseRunner.run(c, input(c.dataset()), scratch, "--bug-compat");
        if (c.file().equals("format-h.out")) {
            // fix (c): an error exits 3 (UNKNOWN), not 1
            assertThat(ours.exit()).isEqualTo(3);
            assertThat(ours.stderr()).startsWith(c.expected().strip());
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
        assertFixed(c, CaseRunner.run(c, input(c.dataset()), scratch));
    }

    static void assertFixed(ReferenceCase c, CaseRunner.Outcome ours) {
        if (c.file().equals("format-h.out")) {
            assertThat(ours.exit()).as("fix (c)").isEqualTo(3);
            assertThat(ours.stdout()).isEmpty();
            return;
        }
        assertThat(ours.stderr()).isEmpty();
        assertThat(ours.exit()).as("exit code").isEqualTo(c.exit());
        String expected = FixedExpectation.derive(c);
        if (c.isHtml()) {
            assertThat(CaseRunner.normalizeHtml(ours.stdout())).isEqualTo(CaseRunner.normalizeHtml(expected));
        } else {
            assertThat(ours.stdout()).isEqualTo(expected);
        }
    }
}
