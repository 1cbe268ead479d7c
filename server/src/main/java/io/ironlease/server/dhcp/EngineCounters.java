package io.ironlease.server.dhcp;

import java.util.concurrent.atomic.LongAdder;

/**
 * What the DHCP engine did, by outcome, cheap to bump from any thread: for monitoring, the startup
 * and shutdown summary and tests that check nothing was dropped unexpectedly.
 */
public final class EngineCounters {

    /** A consistent-enough copy. */
    public record Snapshot(long offers, long acks, long naks, long informs, long releases, long declines,
            long ignored, long exhausted, long writeFailures, long overloaded, long pingConflicts) {
    }

    final LongAdder offers = new LongAdder();
    final LongAdder acks = new LongAdder();
    final LongAdder naks = new LongAdder();
    final LongAdder informs = new LongAdder();
    final LongAdder releases = new LongAdder();
    final LongAdder declines = new LongAdder();
    final LongAdder ignored = new LongAdder();
    final LongAdder exhausted = new LongAdder();
    final LongAdder writeFailures = new LongAdder();
    final LongAdder overloaded = new LongAdder();
    final LongAdder pingConflicts = new LongAdder();

    public Snapshot snapshot() {
        return new Snapshot(offers.sum(), acks.sum(), naks.sum(), informs.sum(), releases.sum(), declines.sum(),
                ignored.sum(), exhausted.sum(), writeFailures.sum(), overloaded.sum(), pingConflicts.sum());
    }

    @Override
    public String toString() {
        return snapshot().toString();
    }
}
