package io.ironlease.server.engine;

import java.time.Duration;
import java.util.concurrent.Executor;

/**
 * The lease-engine thread as the engine sees it: the one thread that owns lease state (DESIGN.md
 * decision 3). Two forms: {@link EngineLoop}, a dedicated thread, and {@link EventLoopEngine}, the
 * DHCP sockets' single Netty event loop, which then runs the engine between its socket reads (no
 * thread hand-off per packet). Either way nothing that blocks runs on it.
 */
public interface EngineExecutor extends Executor, AutoCloseable {

    /** Whether the caller runs on the engine thread. */
    boolean inLoop();

    /** Queues a task unless {@code limit} are waiting; the caller wakes the loop with {@link #wake} after a burst. */
    boolean tryExecuteQuietly(Runnable task, int limit);

    /** Wakes the loop after {@link #tryExecuteQuietly} calls. */
    void wake();

    /** Runs after every batch of tasks (and after each tick), on the loop. */
    void afterBatch(Runnable hook);

    /** Runs every tick interval, on the loop. */
    void onTick(Runnable hook);

    /** Runs the after-batch hooks now (the caller is on the loop and just did a batch of work). */
    void endBatch();

    /** Runs what is queued, then stops (waits up to {@code timeout}). */
    void close(Duration timeout);

    @Override
    default void close() {
        close(Duration.ofSeconds(30));
    }
}
