package io.ironlease.server.engine;

import io.ironlease.server.alloc.AllocationEngine;
import io.ironlease.server.alloc.LeaseChange;
import io.ironlease.server.store.LeaseStore;
import io.ironlease.shared.leases.HostRecord;
import io.ironlease.shared.leases.LeaseFileException;
import io.ironlease.shared.leases.LeaseFileRecord;
import io.ironlease.shared.leases.LeaseRecord;
import io.ironlease.shared.leases.LeaseTable;
import io.ironlease.shared.leases.ServerDuidRecord;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The lease engine's state and its path to disk: the {@link AllocationEngine}, the lease file's
 * other records (hosts, failover states, ...) and the commits waiting for the store. Engine-thread
 * confined except where noted. Changes are applied in memory at once and queued; {@link #flush}
 * (run by the loop after each batch of tasks) hands everything queued to the store as one group; when
 * the group is durable each commit's {@code onDurable} runs (on the engine thread), when it fails the
 * changes are rolled back on the engine thread and each {@code onFailure} runs there.
 */
public final class LeaseEngine {

    private static final Logger LOG = LoggerFactory.getLogger(LeaseEngine.class);

    private record Pending(List<LeaseChange> changes, List<? extends LeaseFileRecord> extra, Runnable onDurable,
            Runnable onFailure) {
    }

    private final AllocationEngine alloc;
    private final LeaseStore store;
    private final Executor executor;
    private final Clock clock;
    private final LeaseTable records = new LeaseTable();
    private final List<Pending> pending = new ArrayList<>();
    private final AtomicLong writeFailures = new AtomicLong();
    private final AtomicLong inFlight = new AtomicLong();
    private CompletableFuture<Void> lastAppend = CompletableFuture.completedFuture(null);
    private CompletableFuture<Void> nextFlush;
    private CompletableFuture<Void> compaction = CompletableFuture.completedFuture(null);
    private long lastCompaction;
    private Duration compactInterval = Duration.ofHours(1);
    private long compactBytes = 256L << 20;

    /**
     * @param executor runs tasks on the engine thread (the loop, or a direct executor in tests)
     */
    public LeaseEngine(AllocationEngine alloc, LeaseStore store, Executor executor, Clock clock) {
        this.alloc = alloc;
        this.store = store;
        this.executor = executor;
        this.clock = clock;
        this.lastCompaction = clock.instant().getEpochSecond();
    }

    /** Reads the store into the engine (startup, before serving); returns how many records were read. */
    public long replay() throws IOException, LeaseFileException {
        long[] count = new long[1];
        store.replay(record -> {
            count[0]++;
            accept(record);
        });
        return count[0];
    }

    private void accept(LeaseFileRecord record) {
        if (record instanceof LeaseRecord l) {
            alloc.load(l.lease());
        } else {
            if (record instanceof HostRecord h) {
                alloc.hosts().apply(h);
            }
            records.accept(record);
        }
    }

    public AllocationEngine allocation() {
        return alloc;
    }

    public Executor executor() {
        return executor;
    }

    /** Epoch seconds from the injected clock. */
    public long now() {
        return clock.instant().getEpochSecond();
    }

    public Clock clock() {
        return clock;
    }

    /** The lease file's records other than leases, as they stand (hosts, groups, failover states). */
    public LeaseTable records() {
        return records;
    }

    /**
     * Queues changes (already applied in memory) and other records for the next group. {@code onDurable}
     * may be null; {@code onFailure} (may be null) runs on the engine thread after the rollback.
     */
    public void commit(List<LeaseChange> changes, List<? extends LeaseFileRecord> extra, Runnable onDurable,
            Runnable onFailure) {
        extra.forEach(this::accept);
        pending.add(new Pending(changes, extra, onDurable, onFailure));
    }

    /** Completes when everything committed so far is durable; fails if some of it could not be written. */
    public CompletionStage<Void> whenDurable() {
        if (pending.isEmpty()) {
            return lastAppend;
        }
        if (nextFlush == null) {
            nextFlush = new CompletableFuture<>();
        }
        return nextFlush;
    }

    /** Hands every queued commit to the store as one group. */
    public void flush() {
        if (pending.isEmpty()) {
            return;
        }
        List<Pending> group = List.copyOf(pending);
        pending.clear();
        CompletableFuture<Void> flushed = nextFlush;
        nextFlush = null;
        List<LeaseFileRecord> batch = new ArrayList<>();
        for (Pending p : group) {
            p.changes().forEach(c -> batch.add(new LeaseRecord(c.after())));
            batch.addAll(p.extra());
        }
        CompletableFuture<Void> append = store.append(batch);
        lastAppend = append;
        inFlight.addAndGet(batch.size());
        append.whenComplete((ok, error) -> {
            inFlight.addAndGet(-batch.size());
            if (error == null) {
                // one hop back to the engine thread per group: replies complete there, in commit order
                executor.execute(() -> {
                    for (Pending p : group) {
                        if (p.onDurable() != null) {
                            p.onDurable().run();
                        }
                    }
                    if (alloc.policy().observesCommits()) {
                        group.forEach(p -> alloc.policy().committed(p.changes()));
                    }
                });
                if (flushed != null) {
                    flushed.complete(null);
                }
            } else {
                writeFailures.addAndGet(group.size());
                executor.execute(() -> rollback(group, error, flushed));
            }
        });
    }

    private void rollback(List<Pending> group, Throwable error, CompletableFuture<Void> flushed) {
        for (int i = group.size() - 1; i >= 0; i--) {
            alloc.rollback(group.get(i).changes());
        }
        for (Pending p : group) {
            if (p.onFailure() != null) {
                p.onFailure().run();
            }
        }
        if (flushed != null) {
            flushed.completeExceptionally(error);
        }
    }

    /** Records handed to the store and not yet durable (or failed): the journal's backlog. */
    public long inFlightRecords() {
        return inFlight.get();
    }

    /** Commits that could not be made durable since start. */
    public long writeFailures() {
        return writeFailures.get();
    }

    /** The periodic work: lease expiry, then compaction when due. */
    public void tick() {
        long now = now();
        List<LeaseChange> expired = alloc.expire(now);
        if (!expired.isEmpty()) {
            commit(expired, List.of(), null, null);
            LOG.debug("LEASE_EXPIRE {} leases ended", expired.size());
        }
        boolean due = now - lastCompaction >= compactInterval.toSeconds() && store.bytesSinceCompaction() > 0;
        if ((due || store.bytesSinceCompaction() > compactBytes) && compaction.isDone()) {
            compact();
        }
    }

    /** How often, and after how many appended bytes, the journal is rewritten. */
    public void compactionPolicy(Duration interval, long bytes) {
        this.compactInterval = interval;
        this.compactBytes = bytes;
    }

    /** Rewrites the store from the current state (after what is queued now); completes when in place. */
    public CompletableFuture<Void> compact() {
        if (!compaction.isDone()) {
            return compaction;
        }
        flush();
        lastCompaction = now();
        compaction = store.compact(snapshot());
        return compaction;
    }

    /** The whole state as a lease table, for compaction and checks. */
    public LeaseTable snapshot() {
        LeaseTable table = new LeaseTable();
        table.accept(records.authoringByteOrder());
        records.serverDuid().ifPresent(d -> table.accept(new ServerDuidRecord(d)));
        records.rawRecords().forEach(table);
        records.groups().forEach(table);
        records.hostRubouts().forEach(table);
        records.hosts().forEach(table);
        records.failoverStates().forEach(table);
        alloc.forEachLease(table::put);
        return table;
    }
}
