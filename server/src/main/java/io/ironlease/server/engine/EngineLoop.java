package io.ironlease.server.engine;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The lease-engine thread (DESIGN.md decision 3): the one thread that owns allocation state. Other
 * threads hand it work through a lock-free queue; it runs tasks in arrival order, then the
 * after-batch hooks once per batch (where the engine hands one group of records to the store), and
 * a tick at a fixed interval (expiry, compaction). A task that throws is logged
 * ({@code ENGINE_TASK_FAILED}) and the loop goes on.
 */
public final class EngineLoop implements EngineExecutor {

    private static final Logger LOG = LoggerFactory.getLogger(EngineLoop.class);
    private static final int MAX_BATCH = 4096;

    private final ConcurrentLinkedQueue<Runnable> queue = new ConcurrentLinkedQueue<>();
    private final AtomicInteger pending = new AtomicInteger();
    private final List<Runnable> afterBatch = new CopyOnWriteArrayList<>();
    private final List<Runnable> onTick = new CopyOnWriteArrayList<>();
    private final long tickNanos;
    private final Thread thread;
    private volatile boolean sleeping;
    private volatile boolean running = true;

    public EngineLoop(String name, Duration tick) {
        this.tickNanos = tick.toNanos();
        this.thread = new Thread(this::run, name);
        this.thread.setDaemon(true);
    }

    public EngineLoop start() {
        thread.start();
        return this;
    }

    @Override
    public void endBatch() {
        afterBatch.forEach(EngineLoop::safely);
    }

    @Override
    public void afterBatch(Runnable hook) {
        afterBatch.add(hook);
    }

    @Override
    public void onTick(Runnable hook) {
        onTick.add(hook);
    }

    @Override
    public void execute(Runnable task) {
        if (!running) {
            throw new RejectedExecutionException("the lease engine has stopped");
        }
        pending.incrementAndGet();
        queue.add(task);
        if (sleeping) {
            LockSupport.unpark(thread);
        }
    }

    /** Queues {@code task} unless {@code limit} tasks are already waiting (back-pressure); false when refused. */
    public boolean tryExecute(Runnable task, int limit) {
        if (pending.get() >= limit || !running) {
            return false;
        }
        execute(task);
        return true;
    }

    /**
     * Like {@link #tryExecute} but without waking the loop: the caller calls {@link #wake} after a
     * burst of submissions (one wake-up per burst). A loop that is never woken still runs the task at
     * its next tick.
     */
    @Override
    public boolean tryExecuteQuietly(Runnable task, int limit) {
        if (pending.get() >= limit || !running) {
            return false;
        }
        pending.incrementAndGet();
        queue.add(task);
        return true;
    }

    @Override
    public void wake() {
        if (sleeping) {
            LockSupport.unpark(thread);
        }
    }

    @Override
    public boolean inLoop() {
        return Thread.currentThread() == thread;
    }

    public int pendingTasks() {
        return pending.get();
    }

    private void run() {
        long nextTick = System.nanoTime() + tickNanos;
        while (running || !queue.isEmpty()) {
            int n = 0;
            Runnable task;
            while (n < MAX_BATCH && (task = queue.poll()) != null) {
                pending.decrementAndGet();
                n++;
                safely(task);
            }
            if (System.nanoTime() - nextTick >= 0) {
                onTick.forEach(EngineLoop::safely);
                nextTick = System.nanoTime() + tickNanos;
                n++;
            }
            if (n > 0) {
                afterBatch.forEach(EngineLoop::safely);
            }
            if (queue.isEmpty()) {
                sleeping = true;
                if (queue.isEmpty() && running) {
                    LockSupport.parkNanos(this, Math.max(1, nextTick - System.nanoTime()));
                }
                sleeping = false;
            }
        }
        afterBatch.forEach(EngineLoop::safely);
    }

    private static void safely(Runnable task) {
        try {
            task.run();
        } catch (Throwable t) {
            LOG.error("ENGINE_TASK_FAILED {}", t.toString(), t);
        }
    }

    @Override
    public void close(Duration timeout) {
        running = false;
        LockSupport.unpark(thread);
        if (!inLoop()) {
            try {
                thread.join(TimeUnit.NANOSECONDS.toMillis(timeout.toNanos()));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

}
