package io.ironlease.server.store;

import io.ironlease.shared.leases.LeaseFileException;
import io.ironlease.shared.leases.LeaseFileProblem;
import io.ironlease.shared.leases.LeaseFileReader;
import io.ironlease.shared.leases.LeaseFileRecord;
import io.ironlease.shared.leases.LeaseFileWriter;
import io.ironlease.shared.leases.LeaseTable;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.OpenOption;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The ISC {@code dhcpd.leases} journal: every record is appended and fsynced before its future
 * completes, with group commit (one writer thread writes whatever has queued up, then forces the file
 * once for all of it, so the fsync rate stays flat while throughput grows with load). Restart replays
 * the file; compaction rewrites it atomically as dhcpd does (write {@code dhcpd.leases.new}, fsync,
 * keep the old file as {@code dhcpd.leases~}, rename, fsync the directory) without stopping appends.
 *
 * <p>A failed write or fsync fails every future of that group with {@link LeaseWriteException}, logs
 * {@code LEASE_WRITE_FAILED} and cuts the file back to its last durable length, so later appends never
 * follow a torn record and nothing durable is lost.
 */
public final class JournalLeaseStore implements LeaseStore {

    private static final Logger LOG = LoggerFactory.getLogger(JournalLeaseStore.class);

    /** What produced the file, in its header comment. */
    public static final String PRODUCER = "ironlease 0.1.0";

    /** Opens files; tests substitute one that injects write and fsync failures. */
    @FunctionalInterface
    public interface ChannelOpener {
        FileChannel open(Path path, OpenOption... options) throws IOException;
    }

    /**
     * @param writerOptions time and uid formats of written records
     * @param opener        how files are opened
     * @param clock         "now" for records without a binding state at replay
     * @param closeTimeout  how long {@link #close} waits for pending writes
     */
    public record Options(LeaseFileWriter.Options writerOptions, ChannelOpener opener, Clock clock,
            Duration closeTimeout) {
        public Options {
            Objects.requireNonNull(writerOptions, "writerOptions");
            Objects.requireNonNull(opener, "opener");
            Objects.requireNonNull(clock, "clock");
            Objects.requireNonNull(closeTimeout, "closeTimeout");
        }

        public static Options defaults() {
            return new Options(LeaseFileWriter.Options.defaults(), FileChannel::open, Clock.systemUTC(),
                    Duration.ofSeconds(60));
        }

        public Options withOpener(ChannelOpener value) {
            return new Options(writerOptions, value, clock, closeTimeout);
        }

        public Options withClock(Clock value) {
            return new Options(writerOptions, opener, value, closeTimeout);
        }
    }

    private final Path file;
    private final Options options;
    private JournalWriter writer;
    private boolean replayed;

    private JournalLeaseStore(Path file, Options options) {
        this.file = file.toAbsolutePath();
        this.options = options;
    }

    /** A store on {@code file}, created empty (with dhcpd's header) when it does not exist. */
    public static JournalLeaseStore open(Path file, Options options) throws IOException {
        JournalLeaseStore store = new JournalLeaseStore(file, options);
        if (!Files.exists(store.file)) {
            try (FileChannel channel = options.opener().open(store.file, StandardOpenOption.CREATE_NEW,
                    StandardOpenOption.WRITE)) {
                channel.write(java.nio.ByteBuffer.wrap(LeaseFileWriter.header(PRODUCER)));
                channel.force(true);
            }
            LOG.info("LEASE_FILE_CREATED {}", store.file);
        }
        return store;
    }

    public static JournalLeaseStore open(Path file) throws IOException {
        return open(file, Options.defaults());
    }

    public Path file() {
        return file;
    }

    @Override
    public synchronized void replay(Consumer<? super LeaseFileRecord> sink) throws IOException, LeaseFileException {
        if (replayed || writer != null) {
            throw new IllegalStateException("replay comes once, before any append");
        }
        LeaseFileReader.Result result;
        try (LeaseFileReader reader = LeaseFileReader.open(file,
                LeaseFileReader.Options.strict().withClock(options.clock()))) {
            result = reader.read(sink);
        }
        replayed = true;
        for (LeaseFileProblem problem : result.problems()) {
            if (problem.kind() == LeaseFileProblem.Kind.TRUNCATED_RECORD) {
                // a crash mid-append: nothing in it was acknowledged; cut it so appends follow a whole record
                LOG.warn("LEASE_FILE_TRUNCATED_RECORD {}; cutting the file to {} bytes", problem,
                        problem.position().offset());
                try (FileChannel channel = options.opener().open(file, StandardOpenOption.WRITE)) {
                    channel.truncate(problem.position().offset());
                    channel.force(true);
                }
            }
        }
    }

    private synchronized JournalWriter writer() {
        if (writer == null) {
            writer = new JournalWriter(file, options);
        }
        return writer;
    }

    @Override
    public CompletableFuture<Void> append(List<? extends LeaseFileRecord> batch) {
        if (batch.isEmpty()) {
            return CompletableFuture.completedFuture(null);
        }
        return writer().submit(new JournalWriter.Append(batch, new CompletableFuture<>()));
    }

    @Override
    public CompletableFuture<Void> compact(LeaseTable state) {
        return writer().submit(new JournalWriter.Compact(state, new CompletableFuture<>()));
    }

    @Override
    public long bytesSinceCompaction() {
        JournalWriter w = writer;
        return w == null ? 0 : w.bytesSinceCompaction();
    }

    /** Records written and fsynced groups since the store was opened (one fsync each). */
    public record Totals(long records, long groups) {
        /** "N records in G fsynced groups (R per fsync)", for the server's closing log line. */
        @Override
        public String toString() {
            return records + " records in " + groups + " fsynced groups ("
                    + (groups == 0 ? "0" : String.format(java.util.Locale.ROOT, "%.1f", (double) records / groups))
                    + " per fsync)";
        }
    }

    public synchronized Totals totals() {
        if (writer == null) {
            return new Totals(0, 0);
        }
        long[] stats = writer.groupStats();
        return new Totals(stats[1], stats[0]);
    }

    @Override
    public synchronized void close() {
        if (writer != null) {
            writer.close(options.closeTimeout());
        }
    }
}
