package io.ironlease.omapi.server;

import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;

/**
 * Collects the provider calls one read of a connection produces and hands them to each provider's
 * executor as one task, in arrival order: one thread hand-off per batch of pipelined requests instead
 * of one per request. Confined to the connection's event loop.
 */
final class ConnectionBatch {

    /** A call that can also be told it will never run (its executor refused it). */
    interface Task extends Runnable {
        void reject(RejectedExecutionException why);
    }

    private final Map<Executor, List<Task>> queued = new IdentityHashMap<>();

    /** An executor that queues into this batch for {@code target}. */
    Executor to(Executor target) {
        return runnable -> queued.computeIfAbsent(target, t -> new ArrayList<>()).add((Task) runnable);
    }

    /** Submits what was queued, one task per executor. */
    void flush() {
        if (queued.isEmpty()) {
            return;
        }
        for (Map.Entry<Executor, List<Task>> entry : queued.entrySet()) {
            List<Task> tasks = entry.getValue();
            try {
                entry.getKey().execute(() -> {
                    for (Task task : tasks) {
                        task.run();
                    }
                });
            } catch (RejectedExecutionException e) {
                tasks.forEach(task -> task.reject(e));
            }
        }
        queued.clear();
    }
}
