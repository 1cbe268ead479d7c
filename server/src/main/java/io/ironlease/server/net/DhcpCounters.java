package io.ironlease.server.net;

import java.util.concurrent.atomic.LongAdder;

/**
 * Transport counters, cheap to bump from any thread. received counts every datagram read;
 * malformed those that failed to decode; dropped well-formed ones that got no reply because they
 * were not requests or the handler failed; repliesSent and sendFailures count reply datagrams.
 */
public final class DhcpCounters {

    /** A consistent-enough copy for logs, OMAPI or tests. */
    public record Snapshot(long received, long malformed, long dropped, long repliesSent, long sendFailures) {
    }

    final LongAdder received = new LongAdder();
    final LongAdder malformed = new LongAdder();
    final LongAdder dropped = new LongAdder();
    final LongAdder repliesSent = new LongAdder();
    final LongAdder sendFailures = new LongAdder();

    public Snapshot snapshot() {
        return new Snapshot(received.sum(), malformed.sum(), dropped.sum(), repliesSent.sum(), sendFailures.sum());
    }

    @Override
    public String toString() {
        return snapshot().toString();
    }
}
