package io.ironlease.server.store;

import io.ironlease.shared.leases.LeaseFileRecord;
import io.ironlease.shared.leases.LeaseTable;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;

/**
 * A store in memory for tests: appends complete at once (or fail, or wait for {@link #release}, as
 * the test chooses), so the engine can be driven deterministically, durable and failing paths alike.
 * Thread-safe.
 */
public final class InMemoryLeaseStore implements LeaseStore {

    private final List<LeaseFileRecord> records = new ArrayList<>();
    private final List<Runnable> held = new ArrayList<>();
    private boolean holding;
    private int failNext;
    private long bytes;
    private int compactions;

    public InMemoryLeaseStore() {
    }

    /** A store holding {@code initial}, as if read from a file. */
    public InMemoryLeaseStore(List<? extends LeaseFileRecord> initial) {
        records.addAll(initial);
    }

    @Override
    public synchronized void replay(Consumer<? super LeaseFileRecord> sink) {
        List.copyOf(records).forEach(sink);
    }

    @Override
    public CompletableFuture<Void> append(List<? extends LeaseFileRecord> batch) {
        CompletableFuture<Void> done = new CompletableFuture<>();
        Runnable completion;
        synchronized (this) {
            if (failNext > 0) {
                failNext--;
                completion = () -> done.completeExceptionally(new LeaseWriteException("injected failure", null));
            } else {
                List<LeaseFileRecord> copy = List.copyOf(batch);
                completion = () -> {
                    synchronized (this) {
                        records.addAll(copy);
                        bytes += 200L * copy.size();
                    }
                    done.complete(null);
                };
            }
            if (holding) {
                held.add(completion);
                return done;
            }
        }
        completion.run();
        return done;
    }

    @Override
    public synchronized CompletableFuture<Void> compact(LeaseTable state) {
        records.clear();
        state.forEachLease(l -> records.add(new io.ironlease.shared.leases.LeaseRecord(l)));
        records.addAll(state.hosts());
        records.addAll(state.failoverStates());
        bytes = 0;
        compactions++;
        return CompletableFuture.completedFuture(null);
    }

    @Override
    public synchronized long bytesSinceCompaction() {
        return bytes;
    }

    /** The next {@code count} appends fail. */
    public synchronized void failNext(int count) {
        failNext = count;
    }

    /** Appends wait for {@link #release} from now on. */
    public synchronized void hold() {
        holding = true;
    }

    /** Completes every held append, in order, and stops holding. */
    public void release() {
        List<Runnable> run;
        synchronized (this) {
            holding = false;
            run = List.copyOf(held);
            held.clear();
        }
        run.forEach(Runnable::run);
    }

    /** Everything durable so far, in order. */
    public synchronized List<LeaseFileRecord> records() {
        return List.copyOf(records);
    }

    public synchronized int compactions() {
        return compactions;
    }

    @Override
    public void close() {
        release();
    }
}
