package io.ironlease.server.store;

import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;

/**
 * The journal writer's group-commit pacing and figures. An fsync costs tens of microseconds of CPU
 * here (a VM exit and a block-layer flush) whatever it carries, so when the last group was small and
 * its fsync started less than {@link #PACE_NANOS} ago, the writer waits out the rest for more records
 * to share the next one (at most that much more latency). Large groups mean the journal is busy
 * anyway: no wait then. Writer-thread confined except the counters.
 */
final class GroupCommit {

    /** At most one fsync per millisecond while groups are small ({@code ironlease.journal.paceMicros}). */
    static final long PACE_NANOS = Long.getLong("ironlease.journal.paceMicros", 1000) * 1000;
    private static final int PACE_BELOW_RECORDS = 64;

    private final AtomicLong groups = new AtomicLong();
    private final AtomicLong records = new AtomicLong();
    private long lastForce;
    private int lastGroupRecords;

    /** Called before gathering a group. */
    void pace() {
        if (PACE_NANOS > 0 && lastGroupRecords < PACE_BELOW_RECORDS) {
            long wait = lastForce + PACE_NANOS - System.nanoTime();
            if (wait > 0) {
                LockSupport.parkNanos(wait);
            }
        }
    }

    /** Called just before the fsync. */
    void forcing() {
        lastForce = System.nanoTime();
    }

    /** Called when a group of {@code n} records is durable. */
    void durable(int n) {
        groups.incrementAndGet();
        records.addAndGet(n);
        lastGroupRecords = n;
    }

    long groups() {
        return groups.get();
    }

    long records() {
        return records.get();
    }
}
