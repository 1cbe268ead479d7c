package io.ironlease.pools.input;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.ironlease.pools.model.LeaseTable;
import io.ironlease.pools.synthetic.LeaseWriter;
import io.ironlease.pools.synthetic.Scenario;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Random;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A lease file read in parts on several threads gives what one reader gives. */
class PartsReadingTest {

    @TempDir
    Path dir;

    private Path generated(long records) throws Exception {
        Path file = dir.resolve("dhcpd.leases");
        Scenario scenario = Scenario.benchmark(6, 50); // 300 addresses: many repeats across parts
        new LeaseWriter(new Random(11), Instant.ofEpochSecond(1_795_000_000L)).write(file, scenario.ranges(), records,
                0.5, 0.02);
        return file;
    }

    private static SharedParsersInput input(int parallelism) {
        return new SharedParsersInput(new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8),
                parallelism, 1000);
    }

    @Test
    void partsGiveTheSameTableAsOneReader() throws Exception {
        Path file = generated(3000);
        for (boolean hardware : new boolean[] {false, true}) {
            LeaseOptions options = LeaseOptions.dhcpdPools(hardware);
            LeaseTable.SortedLeases whole = input(1).leases(file, options).sorted();
            LeaseTable table = input(4).leases(file, options);
            LeaseTable.SortedLeases parts = table.sorted();
            assertThat(parts.ips()).isEqualTo(whole.ips());
            assertThat(parts.kinds()).isEqualTo(whole.kinds());
            assertThat(IntStream.range(0, parts.size()).mapToObj(parts::mac).toList())
                    .isEqualTo(IntStream.range(0, whole.size()).mapToObj(whole::mac).toList());
            assertThat(table.records()).isEqualTo(3000);
            assertThat(table.tellsAddressFamily()).isTrue();
        }
    }

    @Test
    void aCorruptRecordInALaterPartIsReportedAtItsLineInTheWholeFile() throws Exception {
        Path file = generated(3000);
        String text = Files.readString(file, StandardCharsets.US_ASCII);
        int at = text.indexOf("binding state", text.length() * 3 / 4);
        Files.writeString(file, text.substring(0, at) + "binding state sideways" + text.substring(at + 13 + 7),
                StandardCharsets.US_ASCII);
        long line = text.substring(0, at).chars().filter(c -> c == '\n').count() + 1;
        assertThatThrownBy(() -> input(4).leases(file, LeaseOptions.dhcpdPools(false)))
                .isInstanceOf(InputException.class).hasMessageStartingWith(file + ":" + line + ":");
    }
}
