package io.ironlease.server.store;

import io.ironlease.shared.leases.LeaseFileException;
import io.ironlease.shared.leases.LeaseFileRecord;
import io.ironlease.shared.leases.LeaseTable;
import java.io.IOException;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;

/**
 * Where the lease engine makes its state durable (DESIGN.md decisions 4 and 8). Persistence only: the
 * engine owns the indexes and decides what to write; the store keeps records in order and says when
 * they are on disk. The embedded implementation is {@link JournalLeaseStore} (ISC dhcpd.leases);
 * {@link InMemoryLeaseStore} serves tests. A shared database store can implement the same contract.
 *
 * <p>Contract: {@link #replay} once, before any append; {@link #append} from one thread (the engine),
 * records reach the store in call order; a future completes normally only when its records are
 * durable, exceptionally ({@link LeaseWriteException}) when they may not be, in which case the engine
 * must not acknowledge them.
 */
public interface LeaseStore extends AutoCloseable {

    /** Feeds every stored record to {@code sink} in order (startup). */
    void replay(Consumer<? super LeaseFileRecord> sink) throws IOException, LeaseFileException;

    /** Appends {@code batch}; completes after it is durable (group commit: many batches share one fsync). */
    CompletableFuture<Void> append(List<? extends LeaseFileRecord> batch);

    /**
     * Replaces the store's content by {@code state}, atomically (write a new file, fsync, rename). Appends
     * made before this call must be in {@code state}; appends made after it are kept on top of it.
     * Completes when the new content is in place; fails, leaving the old content, on any error.
     */
    CompletableFuture<Void> compact(LeaseTable state);

    /** Bytes appended since the last compaction (or start): when to compact next. */
    long bytesSinceCompaction();

    /** Writes what is pending, fsyncs and releases the file. */
    @Override
    void close();
}
