package io.ironlease.pools.golden;

import static org.assertj.core.api.Assertions.assertThat;

import io.ironlease.pools.PoolsMain;
import io.ironlease.pools.input.SharedParsersInput;
import io.ironlease.pools.synthetic.LeaseWriter;
import io.ironlease.pools.synthetic.Scenario;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import java.util.stream.LongStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Our analyzer against the real {@code /usr/bin/dhcpd-pools} 2.29 on generated inputs: random configs
 * (shared networks, empty ones too, subnets inside and outside them, pools with and without failover,
 * one-address, reversed and dynamic-bootp ranges) and lease files (every binding state, repeated
 * addresses, leases outside every range), one seed per test. Every format, several sorts, limits and
 * alarm options: with {@code --bug-compat} the bytes and exit codes must be dhcpd-pools', by default
 * its output with fixes (d) and (e) applied. A missing dhcpd-pools fails the test.
 */
class PoolsInteropIT {

    static final Path DHCPD_POOLS = Path.of("/usr/bin/dhcpd-pools");
    /** Seeds to run; {@code -Dpools.interop.seeds=N} runs more. */
    static final int SEEDS = Integer.getInteger("pools.interop.seeds", 40);

    /** Argument sets; the alarm ones with counts or --snet-alarms differ by fixes (b)/(f) by design. */
    static final List<List<String>> VARIANTS = List.of(List.of("-f", "t"), List.of("-f", "c"), List.of("-f", "j"),
            List.of("-f", "J"), List.of("-f", "x"), List.of("-f", "X"), List.of("-f", "H"), List.of("-A"),
            List.of("-A", "-f", "j"), List.of("-s", "p"), List.of("-s", "cn", "-r"), List.of("-s", "eTi"),
            List.of("-r"), List.of("-L", "22"), List.of("-L", "51", "-f", "c"), List.of("-L", "40", "-f", "x"),
            List.of("--warning", "30", "--critical", "60"), List.of("--warning", "5", "--critical", "10", "-p"),
            List.of("--warning", "1", "--critical", "99", "-p", "--minsize", "16", "-A"),
            List.of("--warning", "1", "--critical", "2", "--warn-count", "40", "--crit-count", "10"),
            List.of("--warning", "1", "--critical", "2", "--snet-alarms"));

    @TempDir
    static Path dir;

    @BeforeAll
    static void dhcpdPoolsIsInstalled() {
        assertThat(Files.isExecutable(DHCPD_POOLS))
                .as("the interop test needs dhcpd-pools 2.29 (apt-get install dhcpd-pools)").isTrue();
    }

    static Stream<Arguments> seeds() {
        return LongStream.rangeClosed(1, SEEDS).mapToObj(Arguments::of);
    }

    record Outcome(int exit, String stdout) {
    }

    @ParameterizedTest(name = "seed {0}")
    @MethodSource("seeds")
    void sameOutputAsDhcpdPools(long seed) throws Exception {
        Random rnd = new Random(seed);
        Scenario scenario = Scenario.random(rnd);
        Path conf = dir.resolve(seed + ".conf");
        Path leases = dir.resolve(seed + ".leases");
        Files.writeString(conf, scenario.configText(), StandardCharsets.US_ASCII);
        new LeaseWriter(rnd, Instant.ofEpochSecond(1_795_000_000L))
                .write(leases, scenario.ranges(), rnd.nextInt(400), 0.3, 0.05);
        String[] totalBu = FixedExpectation.totalBackupsOf(dhcpdPools(conf, leases, List.of("-A")).stdout());
        for (List<String> variant : VARIANTS) {
            Outcome theirs = dhcpdPools(conf, leases, variant);
            boolean html = variant.contains("H");
            String why = "seed " + seed + " " + variant + "\n" + scenario.configText();
            Outcome compat = ours(conf, leases, variant, true);
            assertThat(compat.exit()).as(why).isEqualTo(theirs.exit());
            assertThat(normalize(compat.stdout(), html)).as(why).isEqualTo(normalize(theirs.stdout(), html));
            if (!variant.contains("--snet-alarms") && !variant.contains("--crit-count")) {
                Outcome fixed = ours(conf, leases, variant, false);
                assertThat(fixed.exit()).as(why).isEqualTo(theirs.exit());
                assertThat(normalize(fixed.stdout(), html)).as(why)
                        .isEqualTo(normalize(FixedExpectation.apply(theirs.stdout(), html, totalBu), html));
            }
        }
    }

    private static String normalize(String output, boolean html) {
        return html ? CaseRunner.normalizeHtml(output) : output;
    }

    static Outcome dhcpdPools(Path conf, Path leases, List<String> variant) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(DHCPD_POOLS.toString(), "-c", conf.toString(), "-l",
                leases.toString()));
        command.addAll(variant);
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        byte[] out = process.getInputStream().readAllBytes();
        assertThat(process.waitFor(30, TimeUnit.SECONDS)).as("dhcpd-pools finishes").isTrue();
        return new Outcome(process.exitValue(), new String(out, StandardCharsets.UTF_8));
    }

    static Outcome ours(Path conf, Path leases, List<String> variant, boolean compat) {
        List<String> args = new ArrayList<>(List.of("-c", conf.toString(), "-l", leases.toString()));
        args.addAll(variant);
        if (compat) {
            args.add("--bug-compat");
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int exit = PoolsMain.run(args.toArray(String[]::new), out, new PrintStream(err, true, StandardCharsets.UTF_8),
                new SharedParsersInput(new PrintStream(err, true, StandardCharsets.UTF_8)), DHCPD_POOLS.toString());
        assertThat(err.toString(StandardCharsets.UTF_8)).as("stderr of " + args).isEmpty();
        return new Outcome(exit, out.toString(StandardCharsets.UTF_8));
    }
}
