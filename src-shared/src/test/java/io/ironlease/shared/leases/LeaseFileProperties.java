package io.ironlease.shared.leases;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;

/** Write-then-read round trips, robustness against arbitrary bytes, and truncation at every offset. */
class LeaseFileProperties {

    @Provide
    Arbitrary<List<LeaseFileRecord>> recordLists() {
        return LeaseArbitraries.records().list().ofMaxSize(12);
    }

    @Provide
    Arbitrary<Lease> leases() {
        return LeaseArbitraries.leases();
    }

    static byte[] file(List<LeaseFileRecord> records) {
        LeaseFileWriter writer = new LeaseFileWriter();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(LeaseFileWriter.header("ironlease-test"));
        records.forEach(r -> out.writeBytes(writer.encode(r)));
        return out.toByteArray();
    }

    private static List<LeaseFileRecord> read(InputStream in, LeaseFileReader.Options options, int buffer,
            List<LeaseFileProblem> problems) throws IOException, LeaseFileException {
        List<LeaseFileRecord> records = new ArrayList<>();
        try (LeaseFileReader reader = LeaseFileReader.of(in, "test.leases", options, buffer)) {
            problems.addAll(reader.read(records::add).problems());
        }
        return records;
    }

    @Property
    void writeThenReadYieldsEqualRecords(@ForAll("recordLists") List<LeaseFileRecord> records,
            @ForAll @IntRange(min = 1, max = 300) int buffer, @ForAll @IntRange(min = 1, max = 64) int chunk)
            throws Exception {
        List<LeaseFileProblem> problems = new ArrayList<>();
        InputStream trickle = new Trickle(new ByteArrayInputStream(file(records)), chunk);
        assertThat(read(trickle, LeaseFileReader.Options.strict(), buffer, problems)).isEqualTo(records);
        assertThat(problems).isEmpty();
    }

    @Property
    void aLeaseSurvivesTheRoundTripAndItsSummaryMatches(@ForAll("leases") Lease lease) throws Exception {
        byte[] bytes = new LeaseFileWriter().encode(new LeaseRecord(lease));
        List<LeaseFileProblem> problems = new ArrayList<>();
        assertThat(read(new ByteArrayInputStream(bytes), LeaseFileReader.Options.strict(), 64, problems))
                .containsExactly(new LeaseRecord(lease));
        List<String> seen = new ArrayList<>();
        try (LeaseFileReader reader = LeaseResources.reader(bytes, "x", LeaseFileReader.Options.strict())) {
            reader.readSummaries(s -> {
                assertThat(s.ipBits()).isEqualTo(lease.ipBits());
                assertThat(s.bindingState()).isEqualTo(lease.bindingState());
                assertThat(s.starts()).isEqualTo(lease.starts());
                assertThat(s.ends()).isEqualTo(lease.ends());
                assertThat(s.hardware()).isEqualTo(lease.hardware());
                seen.add(s.toString());
            });
        }
        assertThat(seen).hasSize(1);
    }

    @Property
    void arbitraryBytesOnlyEverRaiseLeaseFileException(@ForAll @Size(max = 400) byte[] junk) throws Exception {
        assertOnlyLeaseFileExceptions(junk);
    }

    @Property
    void mutatedFilesOnlyEverRaiseLeaseFileException(@ForAll("recordLists") List<LeaseFileRecord> records,
            @ForAll @Size(min = 1, max = 8) List<@IntRange(min = 0, max = 1 << 20) Integer> where,
            @ForAll @Size(min = 8, max = 8) byte[] what) throws Exception {
        byte[] bytes = file(records);
        for (int i = 0; i < where.size(); i++) {
            bytes[where.get(i) % bytes.length] = what[i];
        }
        assertOnlyLeaseFileExceptions(bytes);
    }

    private static void assertOnlyLeaseFileExceptions(byte[] bytes) throws Exception {
        Throwable strict = catchThrowable(() -> read(new ByteArrayInputStream(bytes),
                LeaseFileReader.Options.strict(), 32, new ArrayList<>()));
        assertThat(strict).satisfiesAnyOf(t -> assertThat(t).isNull(),
                t -> assertThat(t).isInstanceOf(LeaseFileException.class).hasMessageStartingWith("test.leases:"));
        // lenient mode never throws: it reports and skips
        read(new ByteArrayInputStream(bytes), LeaseFileReader.Options.lenient(), 32, new ArrayList<>());
        try (LeaseFileReader reader = LeaseResources.reader(bytes, "x", LeaseFileReader.Options.lenient())) {
            reader.readSummaries(s -> { });
        }
    }

    @Property(tries = 60)
    void truncationAtEveryOffsetKeepsTheCompleteRecords(@ForAll("recordLists") List<LeaseFileRecord> records)
            throws Exception {
        LeaseFileWriter writer = new LeaseFileWriter();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(LeaseFileWriter.header("ironlease-test"));
        int[] starts = new int[records.size()];
        int[] ends = new int[records.size()];
        for (int i = 0; i < records.size(); i++) {
            byte[] encoded = writer.encode(records.get(i));
            int first = 0;
            while (Character.isWhitespace(encoded[first]) || encoded[first] == '#') {
                if (encoded[first] == '#') { // the comment dhcpd writes above authoring-byte-order
                    while (encoded[first] != '\n') {
                        first++;
                    }
                }
                first++;
            }
            int last = encoded.length;
            while (Character.isWhitespace(encoded[last - 1])) {
                last--;
            }
            starts[i] = out.size() + first;
            ends[i] = out.size() + last;
            out.writeBytes(encoded);
        }
        byte[] file = out.toByteArray();
        for (int cut = 0; cut <= file.length; cut++) {
            byte[] prefix = Arrays.copyOf(file, cut);
            List<LeaseFileProblem> problems = new ArrayList<>();
            List<LeaseFileRecord> read = read(new ByteArrayInputStream(prefix), LeaseFileReader.Options.strict(),
                    48, problems);
            int complete = 0;
            while (complete < records.size() && ends[complete] <= cut) {
                complete++;
            }
            assertThat(read).as("cut at %d", cut).isEqualTo(records.subList(0, complete));
            boolean partial = complete < records.size() && starts[complete] < cut;
            if (partial) {
                int expectedAt = starts[complete];
                assertThat(problems).as("cut at %d", cut).singleElement().satisfies(p -> {
                    assertThat(p.kind()).isEqualTo(LeaseFileProblem.Kind.TRUNCATED_RECORD);
                    assertThat(p.position().offset()).isEqualTo(expectedAt);
                });
            } else {
                assertThat(problems).as("cut at %d", cut).isEmpty();
            }
        }
    }

    @Property
    void corruptRecordsAreSkippedInLenientMode(@ForAll("recordLists") List<LeaseFileRecord> before,
            @ForAll("recordLists") List<LeaseFileRecord> after) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(file(before));
        out.writeBytes("lease 10.0.0.1 {\n  starts 2 2026/13/45 00:00:00;\n  binding state active;\n}\n".getBytes());
        out.writeBytes(file(after));
        List<LeaseFileProblem> problems = new ArrayList<>();
        List<LeaseFileRecord> read = read(new ByteArrayInputStream(out.toByteArray()),
                LeaseFileReader.Options.lenient(), 100, problems);
        List<LeaseFileRecord> expected = new ArrayList<>(before);
        expected.addAll(after);
        assertThat(read).isEqualTo(expected);
        assertThat(problems).singleElement().satisfies(p -> {
            assertThat(p.kind()).isEqualTo(LeaseFileProblem.Kind.CORRUPT_RECORD);
            assertThat(p.message()).contains("date out of range");
        });
    }

    /** Hands out at most {@code chunk} bytes per read, as a pipe or a slow disk may. */
    private static final class Trickle extends FilterInputStream {
        private final int chunk;

        Trickle(InputStream in, int chunk) {
            super(in);
            this.chunk = chunk;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            return super.read(b, off, Math.min(len, chunk));
        }
    }

}
