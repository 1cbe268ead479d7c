package io.ironlease.pools.analysis;

import static org.assertj.core.api.Assertions.assertThat;

import io.ironlease.pools.golden.ReferenceCase;
import io.ironlease.shared.net.Ipv4Address;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The {@code -s}/{@code -r} orders of every reference dataset, ties included, without any parser: the
 * ranges are taken from dhcpd-pools' own unsorted text output, sorted by us, and compared line for line
 * with dhcpd-pools' sorted output.
 */
class SortReferenceTest {

    static Stream<Arguments> sortCases() {
        return ReferenceCase.DATASETS.stream().flatMap(dataset -> ReferenceCase.of(dataset).stream())
                .filter(c -> c.file().startsWith("sort-")).map(Arguments::of);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("sortCases")
    void ordersRangesAsDhcpdPools(ReferenceCase c) {
        ReferenceCase unsorted = ReferenceCase.of(c.dataset()).stream().filter(r -> r.file().equals("format-t.out"))
                .findFirst().orElseThrow();
        List<String> keys = new ArrayList<>();
        boolean reverse = false;
        for (int i = 0; i < c.args().size(); i++) {
            switch (c.args().get(i)) {
                case "-s" -> keys.add(c.args().get(++i));
                case "-r" -> reverse = true;
                default -> throw new IllegalArgumentException(c.toString());
            }
        }
        List<SortKey> sortKeys = keys.stream().flatMap(k -> SortKey.parse(k).stream()).toList();
        List<String> rows = rangeRows(unsorted.expected());
        List<RangeUsage> sorted = new RangeSorter(sortKeys).sort(rows.stream().map(SortReferenceTest::usage).toList());
        if (reverse) {
            Collections.reverse(sorted);
        }
        List<String> expectedFirstIps = rangeRows(c.expected()).stream().map(SortReferenceTest::firstIp).toList();
        assertThat(sorted.stream().map(r -> r.first().toString()).toList()).isEqualTo(expectedFirstIps);
    }

    /** The data rows of the "Ranges:" section. */
    static List<String> rangeRows(String text) {
        List<String> lines = List.of(text.split("\n"));
        return lines.subList(2, lines.indexOf(""));
    }

    private static String firstIp(String row) {
        return row.substring(20).trim().split(" +")[0];
    }

    /** A range row of the text format: name in 20 columns, then first - last max cur % touch t+c % [bu %]. */
    static RangeUsage usage(String row) {
        String name = row.substring(0, 20).trim();
        String[] f = row.substring(20).trim().split(" +");
        long backup = f.length > 9 ? Long.parseLong(f[9]) : 0;
        return new RangeUsage(Ipv4Address.parse(f[0]), Ipv4Address.parse(f[2]), name.equals("All networks") ? 0 : 1,
                name, Long.parseLong(f[4]), Long.parseLong(f[6]), backup);
    }
}
