package io.ironlease.server.dhcp;

import io.ironlease.server.alloc.LeaseChange;
import io.ironlease.server.engine.EngineExecutor;
import io.ironlease.server.engine.LeaseEngine;
import io.ironlease.server.net.DhcpRequest;
import io.ironlease.server.net.DhcpRequestHandler;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

/**
 * The DHCP server's request handler: called on a Netty event loop, it hands each request to the
 * lease-engine thread and returns at once. On the engine thread the {@link DhcpMessageProcessor}
 * decides; replies that depend on a lease change (DHCPACK, BOOTREPLY) complete only after the
 * change is durable, others (DHCPOFFER, DHCPNAK, ACKs to INFORM) at once. When the change cannot be
 * written the binding is rolled back and the client gets no reply (it will retry); a server that
 * cannot record a lease must not acknowledge it. ping-check probes run off the engine thread.
 */
public final class DhcpServerEngine implements DhcpRequestHandler {

    /**
     * Requests waiting for the engine beyond which new ones are dropped (and counted as overloaded):
     * a DHCPDISCOVER beyond this many, any other message beyond four times as many. Under overload the
     * server finishes the exchanges it started (REQUESTs) rather than answering everything too late;
     * a client whose DISCOVER was dropped retransmits.
     */
    public static final int DEFAULT_MAX_PENDING = 1024;

    private final LeaseEngine engine;
    private final EngineExecutor loop;
    private final DhcpMessageProcessor processor;
    private final Pinger pinger;
    private final EngineCounters counters;
    private final int maxPending;

    /**
     * @param loop   the engine thread (when handle is called on it, requests are handled at once); null
     *               runs every request inline and flushes after each, for
     *               deterministic unit tests (with an in-memory store)
     * @param pinger ping-check probes, or null when ping-check is disabled
     */
    public DhcpServerEngine(LeaseEngine engine, EngineExecutor loop, DhcpMessageProcessor processor, Pinger pinger,
            EngineCounters counters, int maxPending) {
        this.engine = engine;
        this.loop = loop;
        this.processor = processor;
        this.pinger = pinger;
        this.counters = counters;
        this.maxPending = maxPending;
    }

    public EngineCounters counters() {
        return counters;
    }

    /** Journal backlog (records not yet durable) beyond which REQUESTs are dropped: a disk that cannot keep up. */
    public static final long MAX_JOURNAL_BACKLOG = 100_000;

    @Override
    public CompletionStage<List<DhcpPacket>> handle(DhcpRequest request) {
        CompletableFuture<List<DhcpPacket>> replies = new CompletableFuture<>();
        if (engine.inFlightRecords() > MAX_JOURNAL_BACKLOG
                && request.packet().options().messageTypeCode().orElse(0) == MessageType.DHCPREQUEST.code()) {
            // the clients retry; acknowledging faster than the disk can record is not an option
            counters.overloaded.increment();
            replies.complete(List.of());
            return replies;
        }
        if (loop == null) {
            run(request, replies);
            engine.flush();
        } else if (loop.inLoop()) {
            // the engine runs on this event loop: handle now, hand the journal one group at endOfBatch
            run(request, replies);
        } else if (!loop.tryExecuteQuietly(() -> run(request, replies), limit(request))) {
            counters.overloaded.increment();
            replies.complete(List.of());
        }
        return replies;
    }

    @Override
    public void endOfBatch() {
        if (loop == null) {
            return;
        }
        if (loop.inLoop()) {
            loop.endBatch();
        } else {
            loop.wake();
        }
    }

    private int limit(DhcpRequest request) {
        return request.packet().options().messageTypeCode().orElse(0) == MessageType.DHCPDISCOVER.code()
                ? maxPending : 4 * maxPending;
    }

    private void run(DhcpRequest request, CompletableFuture<List<DhcpPacket>> replies) {
        try {
            dispatch(processor.process(request, engine.now()), replies);
        } catch (RuntimeException e) {
            replies.completeExceptionally(e);
        }
    }

    private void dispatch(Outcome outcome, CompletableFuture<List<DhcpPacket>> replies) {
        if (outcome instanceof Outcome.Send send) {
            replies.complete(send.replies());
        } else if (outcome instanceof Outcome.Commit commit) {
            engine.commit(commit.changes(), List.of(), () -> replies.complete(commit.replies()), () -> {
                counters.writeFailures.increment();
                replies.complete(List.of());
            });
        } else if (outcome instanceof Outcome.Probe probe) {
            probe(probe, replies);
        }
    }

    private void probe(Outcome.Probe probe, CompletableFuture<List<DhcpPacket>> replies) {
        if (pinger == null) {
            replies.complete(List.of(probe.offer()));
            return;
        }
        pinger.probe(probe.address(), probe.timeout()).whenComplete((answered, error) -> engine.executor().execute(() -> {
            if (error != null || !Boolean.TRUE.equals(answered)) {
                replies.complete(List.of(probe.offer()));
                return;
            }
            List<LeaseChange> abandoned = new ArrayList<>();
            Outcome next = processor.probeAnswered(probe.request(), probe.address(), engine.now(), probe.attempt(),
                    abandoned);
            if (!abandoned.isEmpty()) {
                engine.commit(abandoned, List.of(), null, null);
            }
            dispatch(next, replies);
            if (loop == null) {
                engine.flush();
            }
        }));
    }
}
