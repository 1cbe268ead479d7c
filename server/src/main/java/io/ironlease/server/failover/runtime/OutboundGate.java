package io.ironlease.server.failover.runtime;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.function.Consumer;

/**
 * Keeps what goes to the partner behind what must be on disk first (DESIGN.md decision 4): link
 * operations (sends, closes) run in the order the state machine produced them, but none runs while a
 * barrier (a pending {@code PersistState}) before it is incomplete. When a barrier fails, the link
 * operations up to the next barrier are dropped and {@code onFailure} runs (the runtime then drops the
 * connection). Engine thread only; barrier completions come back through the engine executor.
 */
final class OutboundGate {

    /** More queued link operations than this means the disk has stalled: drop the connection. */
    static final int MAX_QUEUED = 100_000;

    private record Barrier(CompletableFuture<Void> done) {
    }

    private final Deque<Object> queue = new ArrayDeque<>();
    private final Executor engine;
    private final Runnable afterPump;
    private final Consumer<Throwable> onFailure;
    private volatile int waiting;

    OutboundGate(Executor engine, Runnable afterPump, Consumer<Throwable> onFailure) {
        this.engine = engine;
        this.afterPump = afterPump;
        this.onFailure = onFailure;
    }

    void barrier(CompletionStage<?> stage) {
        CompletableFuture<Void> done = new CompletableFuture<>();
        stage.whenComplete((v, e) -> {
            if (e != null) {
                done.completeExceptionally(e);
            } else {
                done.complete(null);
            }
            try {
                engine.execute(this::pump);
            } catch (RejectedExecutionException stopped) {
                // the engine stopped: nothing more goes out
            }
        });
        queue.add(new Barrier(done));
        waiting = queue.size();
    }

    void link(Runnable operation) {
        if (queue.size() >= MAX_QUEUED) {
            queue.clear();
            onFailure.accept(new IllegalStateException(MAX_QUEUED + " messages waiting for the disk"));
            return;
        }
        queue.add(operation);
        waiting = queue.size();
    }

    /** Runs link operations until an incomplete barrier; then the caller's flush. */
    void pump() {
        while (!queue.isEmpty()) {
            Object head = queue.peek();
            if (head instanceof Barrier barrier) {
                if (!barrier.done().isDone()) {
                    break;
                }
                queue.poll();
                if (barrier.done().isCompletedExceptionally()) {
                    while (!queue.isEmpty() && !(queue.peek() instanceof Barrier)) {
                        queue.poll();
                    }
                    onFailure.accept(barrier.done().handle((v, e) -> e).join());
                }
            } else {
                queue.poll();
                ((Runnable) head).run();
            }
        }
        waiting = queue.size();
        afterPump.run();
    }

    /** Queued operations and barriers; readable from any thread. */
    int waiting() {
        return waiting;
    }
}
