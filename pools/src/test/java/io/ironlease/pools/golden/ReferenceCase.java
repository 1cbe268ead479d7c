package io.ironlease.pools.golden;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * One line of a dataset's {@code index.tsv}: dhcpd-pools 2.29's arguments, its exit code and the file
 * holding what it printed, for the dhcpd.conf and dhcpd.leases beside it (copied from
 * shared/reference/dhcpd-pools and shared/reference/failover/leases).
 */
public record ReferenceCase(String dataset, String file, int exit, List<String> args) {

    /** Our own probes of dhcpd-pools 2.29 on edge cases, under {@code src/test/resources/probes}. */
    public static final List<String> PROBES = List.of("edge", "norange", "headed");

    /** The datasets under {@code src/test/resources/cases}. */
    public static final List<String> DATASETS = List.of("semantics-mini", "seed-primary", "seed-secondary",
            "lab-pair-primary", "lab-pair-secondary", "takeover-primary", "takeover-secondary", "synthetic-1k");

    public static Path casesRoot() {
        try {
            return Path.of(ReferenceCase.class.getResource("/cases").toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The folder of a dataset: {@code cases/NAME}, or {@code probes} for a probe. */
    public static Path dir(String dataset) {
        return PROBES.contains(dataset) ? casesRoot().resolveSibling("probes") : casesRoot().resolve(dataset);
    }

    public Path config() {
        return dir(dataset).resolve(PROBES.contains(dataset) ? dataset + ".conf" : "dhcpd.conf");
    }

    public Path leases() {
        return dir(dataset).resolve(PROBES.contains(dataset) ? dataset + ".leases" : "dhcpd.leases");
    }

    public static List<ReferenceCase> of(String dataset) {
        try {
            List<String> lines = Files.readAllLines(dir(dataset).resolve("index.tsv"), StandardCharsets.UTF_8);
            List<ReferenceCase> cases = new ArrayList<>();
            for (String line : lines.subList(1, lines.size())) {
                String[] cols = line.split("\t", 3);
                if (PROBES.contains(dataset) && !cols[0].startsWith(dataset + "-")) {
                    continue;
                }
                cases.add(new ReferenceCase(dataset, cols[0], Integer.parseInt(cols[1]),
                        Arrays.asList(cols[2].trim().split(" +"))));
            }
            return cases;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public String expected() {
        return read(dir(dataset).resolve("expected").resolve(file));
    }

    /** A hand-written expectation for the fixed output, where a probe has one, else null. */
    public String expectedFixed() {
        Path fixed = dir(dataset).resolve("expected-fixed").resolve(file);
        return Files.exists(fixed) ? read(fixed) : null;
    }

    private static String read(Path path) {
        try {
            return Files.readString(path, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public boolean writesToFile() {
        return args.contains("FILE");
    }

    public boolean isHtml() {
        return args.contains("H");
    }

    @Override
    public String toString() {
        return dataset + "/" + file + " (" + String.join(" ", args) + ")";
    }
}
