package io.ironlease.server.store;

import io.ironlease.shared.leases.LeaseFileRecord;
import io.ironlease.shared.leases.LeaseFileWriter;
import io.ironlease.shared.leases.LeaseTable;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The journal's single writer thread. It takes every operation queued since its last pass, writes
 * the appends in order, forces the file once, then completes their futures (group commit).
 * Compaction snapshots are written by a helper thread; the records appended meanwhile are kept and
 * written on top of the snapshot before it replaces the file.
 */
final class JournalWriter {

    private static final Logger LOG = LoggerFactory.getLogger(JournalWriter.class);
    private static final int MAX_OPS_PER_PASS = 8192;

    sealed interface Op permits Append, Compact, Install, CompactFailed, Close {
    }

    record Append(List<? extends LeaseFileRecord> records, CompletableFuture<Void> done) implements Op {
    }

    record Compact(LeaseTable state, CompletableFuture<Void> done) implements Op {
    }

    record Install(FileChannel channel, CompletableFuture<Void> done) implements Op {
    }

    record CompactFailed(Throwable cause, CompletableFuture<Void> done) implements Op {
    }

    record Close(CompletableFuture<Void> done) implements Op {
    }

    private final Path file;
    private final Path newFile;
    private final JournalLeaseStore.Options options;
    private final LinkedBlockingQueue<Op> queue = new LinkedBlockingQueue<>();
    private final LeaseFileWriter encoder;
    private final AtomicLong sinceCompaction = new AtomicLong();
    private final GroupCommit pacing = new GroupCommit();
    private final Thread thread;
    private final Snapshotter snapshotter;
    private FileChannel channel;
    private long committed;
    private List<LeaseFileRecord> sinceSnapshot;
    private Close closing;
    private volatile boolean closed;
    private long failures;

    JournalWriter(Path file, JournalLeaseStore.Options options) {
        this.file = file;
        this.newFile = file.resolveSibling(file.getFileName() + ".new");
        this.options = options;
        this.encoder = new LeaseFileWriter(options.writerOptions());
        this.snapshotter = new Snapshotter(newFile, options);
        this.thread = new Thread(this::run, "ironlease-journal");
        this.thread.setDaemon(true);
        this.thread.start();
    }

    CompletableFuture<Void> submit(Op op) {
        CompletableFuture<Void> done = doneOf(op);
        if (closed) {
            done.completeExceptionally(new LeaseWriteException("the lease store is closed", null));
            return done;
        }
        queue.add(op);
        return done;
    }

    long bytesSinceCompaction() {
        return sinceCompaction.get();
    }

    /** Groups written (one fsync each) and records in them, since start. */
    long[] groupStats() {
        return new long[] {pacing.groups(), pacing.records()};
    }

    private static CompletableFuture<Void> doneOf(Op op) {
        if (op instanceof Append a) {
            return a.done();
        } else if (op instanceof Compact c) {
            return c.done();
        } else if (op instanceof Install i) {
            return i.done();
        } else if (op instanceof CompactFailed f) {
            return f.done();
        }
        return ((Close) op).done();
    }

    private void run() {
        List<Op> batch = new ArrayList<>();
        List<Append> appends = new ArrayList<>();
        try {
            openChannel();
            while (true) {
                batch.clear();
                batch.add(queue.take());
                if (closing == null) {
                    pacing.pace();
                }
                queue.drainTo(batch, MAX_OPS_PER_PASS);
                for (Op op : batch) {
                    if (op instanceof Append a) {
                        appends.add(a);
                        continue;
                    }
                    writeAppends(appends);
                    handle(op);
                }
                writeAppends(appends);
                if (closing != null && sinceSnapshot == null) {
                    finish();
                    return;
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (IOException e) {
            LOG.error("LEASE_WRITE_FAILED cannot open the lease file {}: {}", file, e.toString());
        }
        failPending(new LeaseWriteException("the lease journal stopped", null));
    }

    private void openChannel() throws IOException {
        channel = options.opener().open(file, StandardOpenOption.WRITE);
        committed = channel.size();
        channel.position(committed);
    }

    private void handle(Op op) {
        if (op instanceof Compact c) {
            if (sinceSnapshot != null || closing != null) {
                c.done().completeExceptionally(new IllegalStateException("a compaction is already running"));
                return;
            }
            sinceSnapshot = new ArrayList<>();
            snapshotter.start(c.state(), c.done(), queue);
        } else if (op instanceof Install i) {
            install(i);
        } else if (op instanceof CompactFailed f) {
            sinceSnapshot = null;
            LOG.error("LEASE_COMPACTION_FAILED {}: {}; the journal goes on in the old file", file,
                    f.cause().toString());
            f.done().completeExceptionally(f.cause());
        } else if (op instanceof Close c) {
            closing = c;
            closed = true;
        }
    }

    private void writeAppends(List<Append> appends) {
        if (appends.isEmpty()) {
            return;
        }
        try {
            for (Append a : appends) {
                encoder.append(channel, a.records());
            }
            pacing.forcing();
            channel.force(false);
            int n = 0;
            for (Append a : appends) {
                n += a.records().size();
            }
            pacing.durable(n);
            long end = channel.position();
            sinceCompaction.addAndGet(end - committed);
            committed = end;
            if (sinceSnapshot != null) {
                appends.forEach(a -> sinceSnapshot.addAll(a.records()));
            }
            if (failures > 0) {
                LOG.warn("LEASE_WRITE_RECOVERED appends to {} succeed again after {} failed groups", file, failures);
                failures = 0;
            }
            appends.forEach(a -> a.done().complete(null));
        } catch (IOException | RuntimeException e) {
            failures++;
            cutBack();
            int records = appends.stream().mapToInt(a -> a.records().size()).sum();
            if (failures == 1 || failures % 1000 == 0) {
                LOG.error("LEASE_WRITE_FAILED {} records not durable in {} ({} failed groups in a row): {}", records,
                        file, failures, e.toString());
            }
            LeaseWriteException failure = new LeaseWriteException("lease records not durable: " + e, e);
            appends.forEach(a -> a.done().completeExceptionally(failure));
        } finally {
            appends.clear();
        }
    }

    /** Removes whatever part of a failed group reached the file, so the next append follows a whole record. */
    private void cutBack() {
        try {
            channel.truncate(committed);
            channel.position(committed);
        } catch (IOException | RuntimeException e) {
            LOG.error("LEASE_WRITE_FAILED cannot cut {} back to {} bytes: {}", file, committed, e.toString());
        }
    }

    private void install(Install install) {
        FileChannel fresh = install.channel();
        try {
            encoder.append(fresh, sinceSnapshot);
            fresh.force(true);
            Snapshotter.replace(file, newFile);
            FileChannel old = channel;
            channel = fresh;
            committed = fresh.position();
            sinceCompaction.set(0);
            closeQuietly(old);
            LOG.info("LEASE_FILE_COMPACTED {} ({} bytes; {} records appended during the rewrite)", file, committed,
                    sinceSnapshot.size());
            install.done().complete(null);
        } catch (IOException | RuntimeException e) {
            closeQuietly(fresh);
            Snapshotter.deleteQuietly(newFile);
            LOG.error("LEASE_COMPACTION_FAILED {}: {}; the journal goes on in the old file", file, e.toString());
            install.done().completeExceptionally(e);
        } finally {
            sinceSnapshot = null;
        }
    }

    private void finish() {
        try {
            channel.force(true);
        } catch (IOException e) {
            LOG.error("LEASE_WRITE_FAILED final fsync of {}: {}", file, e.toString());
        }
        closeQuietly(channel);
        closing.done().complete(null);
    }

    private void failPending(LeaseWriteException failure) {
        closed = true;
        List<Op> left = new ArrayList<>();
        queue.drainTo(left);
        left.forEach(op -> doneOf(op).completeExceptionally(failure));
        if (closing != null) {
            closing.done().complete(null);
        }
    }

    void close(Duration timeout) {
        CompletableFuture<Void> done = submit(new Close(new CompletableFuture<>()));
        try {
            done.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
            thread.join(timeout.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (java.util.concurrent.ExecutionException | java.util.concurrent.TimeoutException e) {
            LOG.error("LEASE_STORE_CLOSE_FAILED {}: {}", file, e.toString());
        }
    }

    private static void closeQuietly(FileChannel c) {
        try {
            if (c != null) {
                c.close();
            }
        } catch (IOException e) {
            // already closing; nothing more to do
        }
    }
}
