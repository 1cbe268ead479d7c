package io.ironlease.pools.synthetic;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Random;

/**
 * Writes the benchmark inputs: {@code GenerateMain DIR RANGES RANGE_SIZE LEASES [SEED]} creates
 * {@code DIR/dhcpd.conf} and {@code DIR/dhcpd.leases} (used by scripts/bench/pools).
 */
public final class GenerateMain {

    private GenerateMain() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length < 4) {
            System.err.println("usage: GenerateMain DIR RANGES RANGE_SIZE LEASES [SEED]");
            System.exit(2);
        }
        Path dir = Path.of(args[0]);
        int ranges = Integer.parseInt(args[1]);
        int rangeSize = Integer.parseInt(args[2]);
        long leases = Long.parseLong(args[3]);
        long seed = args.length > 4 ? Long.parseLong(args[4]) : 1;
        Files.createDirectories(dir);
        Scenario scenario = Scenario.benchmark(ranges, rangeSize);
        Files.writeString(dir.resolve("dhcpd.conf"), scenario.configText(), StandardCharsets.US_ASCII);
        new LeaseWriter(new Random(seed), Instant.ofEpochSecond(1_795_000_000L))
                .write(dir.resolve("dhcpd.leases"), scenario.ranges(), leases, 0.10, 0.0);
    }
}
