package io.ironlease.shared.leases;

import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Consumer;

/**
 * Streams the declarations of an ISC dhcpd.leases file to a consumer, one at a time, in file order;
 * memory stays at one buffer plus the record being parsed, whatever the file size.
 *
 * <p>A last record cut short (dhcpd or we crashed mid-write) is skipped and reported as a
 * {@link LeaseFileProblem.Kind#TRUNCATED_RECORD} warning; every complete record before it is delivered.
 * A record that does not parse throws {@link LeaseFileException} (strict), or, with
 * {@link Options#lenient()}, is reported as {@link LeaseFileProblem.Kind#CORRUPT_RECORD} and skipped up
 * to the next line that starts a declaration. {@link #readSummaries} is the fast path for analyzers.
 *
 * <p>A reader reads once and is not thread-safe.
 */
public final class LeaseFileReader implements Closeable {

    /** How many problems a {@link Result} lists; the count goes on. */
    public static final int MAX_LISTED_PROBLEMS = 100;

    /**
     * @param skipCorrupt    skip corrupt records (reporting them) instead of throwing
     * @param clock          "now" for records without a binding state, which dhcpd deems active until
     *                       their end and free after
     * @param maxRecordBytes the longest declaration accepted; longer ones fail the read
     */
    public record Options(boolean skipCorrupt, Clock clock, int maxRecordBytes) {
        public Options {
            Objects.requireNonNull(clock, "clock");
            if (maxRecordBytes < 1024) {
                throw new IllegalArgumentException("maxRecordBytes below 1024: " + maxRecordBytes);
            }
        }

        /** Strict, system clock, records up to 16 MiB. */
        public static Options strict() {
            return new Options(false, Clock.systemUTC(), 16 << 20);
        }

        /** Like {@link #strict()} but skipping corrupt records. */
        public static Options lenient() {
            return strict().withSkipCorrupt(true);
        }

        public Options withSkipCorrupt(boolean value) {
            return new Options(value, clock, maxRecordBytes);
        }

        public Options withClock(Clock value) {
            return new Options(skipCorrupt, value, maxRecordBytes);
        }

        public Options withMaxRecordBytes(int value) {
            return new Options(skipCorrupt, clock, value);
        }
    }

    /**
     * What a read saw.
     *
     * @param records      declarations delivered (lease summaries only, for the fast path)
     * @param bytes        bytes read
     * @param problemCount problems met; the first {@link #MAX_LISTED_PROBLEMS} are in {@code problems}
     */
    public record Result(long records, long bytes, long problemCount, List<LeaseFileProblem> problems) {
        public Result {
            problems = List.copyOf(problems);
        }

        /** True when the file ended inside a record. */
        public boolean truncated() {
            return problems.stream().anyMatch(p -> p.kind() == LeaseFileProblem.Kind.TRUNCATED_RECORD);
        }
    }

    private static final int BUFFER_SIZE = 1 << 20;

    private final InputStream in;
    private final Options options;
    private final LeaseLexer lexer;
    private final LeaseParser parser;
    private final LeaseSummaryParser summaryParser;
    private final List<LeaseFileProblem> problems = new ArrayList<>();
    private long problemCount;
    private boolean used;

    private LeaseFileReader(InputStream in, String name, Options options, int bufferSize) {
        this.in = in;
        this.options = options;
        this.lexer = new LeaseLexer(in, name, Math.min(bufferSize, options.maxRecordBytes()),
                options.maxRecordBytes());
        this.parser = new LeaseParser(lexer, options.clock().instant().getEpochSecond());
        this.summaryParser = new LeaseSummaryParser(lexer, parser);
    }

    public static LeaseFileReader open(Path file) throws IOException {
        return open(file, Options.strict());
    }

    public static LeaseFileReader open(Path file, Options options) throws IOException {
        return new LeaseFileReader(Files.newInputStream(file), file.toString(), options, BUFFER_SIZE);
    }

    /** Reads from a stream (closed by {@link #close}); {@code name} is the file name in positions. */
    public static LeaseFileReader of(InputStream in, String name, Options options) {
        return new LeaseFileReader(in, name, options, BUFFER_SIZE);
    }

    /** With a given initial buffer, so tests can make records straddle refills. */
    static LeaseFileReader of(InputStream in, String name, Options options, int bufferSize) {
        return new LeaseFileReader(in, name, options, bufferSize);
    }

    /** Delivers every declaration to {@code sink}, in file order. */
    public Result read(Consumer<? super LeaseFileRecord> sink) throws IOException, LeaseFileException {
        Objects.requireNonNull(sink, "sink");
        return run(() -> {
            sink.accept(parser.record());
            return true;
        });
    }

    /**
     * The fast path: for each lease record, fills one reused {@link LeaseSummary} (address, binding
     * state, starts, ends, hardware) and calls {@code visitor}; other statements and declarations are
     * skipped without being decoded. Allocates nothing per record.
     */
    public Result readSummaries(LeaseSummaryVisitor visitor) throws IOException, LeaseFileException {
        Objects.requireNonNull(visitor, "visitor");
        LeaseSummary summary = new LeaseSummary();
        return run(() -> {
            if (summaryParser.parse(summary)) {
                visitor.lease(summary);
                return true;
            }
            return false;
        });
    }

    @FunctionalInterface
    private interface Step {
        boolean parseOne();
    }

    private Result run(Step step) throws IOException, LeaseFileException {
        if (used) {
            throw new IllegalStateException("a LeaseFileReader reads once");
        }
        used = true;
        long records = 0;
        while (lexer.skipBetweenRecords()) {
            int start = lexer.pos;
            try {
                if (step.parseOne()) {
                    records++;
                }
            } catch (LeaseInput.EndOfInput e) {
                if (lexer.eof) {
                    report(LeaseFileProblem.Kind.TRUNCATED_RECORD, lexer.position(start),
                            "the file ends inside this record (" + (lexer.limit - start)
                                    + " bytes); it is skipped, as after a crash mid-write");
                    lexer.pos = lexer.limit;
                    break;
                }
                lexer.pos = start - lexer.fill(start);
            } catch (LeaseInput.SyntaxError e) {
                LeaseFileException error = lexer.error(e);
                if (!options.skipCorrupt()) {
                    throw error;
                }
                report(LeaseFileProblem.Kind.CORRUPT_RECORD, error.position(), error.detail());
                lexer.resync(Math.max(start, Math.min(e.at, lexer.limit)));
            }
        }
        return new Result(records, lexer.bytesRead(), problemCount, problems);
    }

    private void report(LeaseFileProblem.Kind kind, LeaseFilePosition position, String message) {
        problemCount++;
        if (problems.size() < MAX_LISTED_PROBLEMS) {
            problems.add(new LeaseFileProblem(kind, position, message));
        }
    }

    @Override
    public void close() throws IOException {
        in.close();
    }
}
