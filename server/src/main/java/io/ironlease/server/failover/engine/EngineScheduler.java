package io.ironlease.server.failover.engine;

import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.AbstractExecutorService;
import java.util.concurrent.Callable;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

/**
 * The lease-engine thread as the {@link ScheduledExecutorService} a
 * {@link io.ironlease.server.failover.runtime.FailoverRuntime} runs on: tasks go straight to the
 * engine executor (the engine's own thread or its Netty event loop, DESIGN.md decision 3); delayed
 * tasks wait on one small timer thread, which only hands them to the engine when due. So every
 * failover event and timer still runs on the one thread that owns the leases.
 */
final class EngineScheduler extends AbstractExecutorService implements ScheduledExecutorService {

    private final Executor engine;
    private final ScheduledThreadPoolExecutor timer;
    private volatile boolean shutdown;

    EngineScheduler(Executor engine, String name) {
        this.engine = Objects.requireNonNull(engine, "engine");
        this.timer = new ScheduledThreadPoolExecutor(1, r -> {
            Thread t = new Thread(r, name);
            t.setDaemon(true);
            return t;
        });
        timer.setRemoveOnCancelPolicy(true);
        timer.setExecuteExistingDelayedTasksAfterShutdownPolicy(false);
    }

    @Override
    public void execute(Runnable command) {
        if (shutdown) {
            throw new RejectedExecutionException("failover scheduler stopped");
        }
        engine.execute(command);
    }

    private Runnable onEngine(Runnable command) {
        return () -> {
            try {
                execute(command);
            } catch (RejectedExecutionException stopped) {
                // the engine is stopping: a timer due now has nothing left to drive
            }
        };
    }

    @Override
    public ScheduledFuture<?> schedule(Runnable command, long delay, TimeUnit unit) {
        Objects.requireNonNull(command, "command");
        return timer.schedule(onEngine(command), delay, unit);
    }

    /** Not offered: a result would have to wait for the engine thread on the timer thread. */
    @Override
    public <V> ScheduledFuture<V> schedule(Callable<V> callable, long delay, TimeUnit unit) {
        throw new UnsupportedOperationException("schedule a Runnable on the lease-engine scheduler");
    }

    @Override
    public ScheduledFuture<?> scheduleAtFixedRate(Runnable command, long initialDelay, long period, TimeUnit unit) {
        return timer.scheduleAtFixedRate(onEngine(command), initialDelay, period, unit);
    }

    @Override
    public ScheduledFuture<?> scheduleWithFixedDelay(Runnable command, long initialDelay, long delay, TimeUnit unit) {
        return timer.scheduleWithFixedDelay(onEngine(command), initialDelay, delay, unit);
    }

    @Override
    public void shutdown() {
        shutdown = true;
        timer.shutdown();
    }

    @Override
    public List<Runnable> shutdownNow() {
        shutdown = true;
        return timer.shutdownNow();
    }

    @Override
    public boolean isShutdown() {
        return shutdown;
    }

    @Override
    public boolean isTerminated() {
        return shutdown && timer.isTerminated();
    }

    @Override
    public boolean awaitTermination(long timeout, TimeUnit unit) throws InterruptedException {
        return timer.awaitTermination(timeout, unit);
    }

    /** Stops the timer thread, waiting at most {@code timeout}. */
    void close(Duration timeout) {
        shutdownNow();
        try {
            timer.awaitTermination(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
