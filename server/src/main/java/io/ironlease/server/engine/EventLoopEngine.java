package io.ironlease.server.engine;

import io.netty.channel.EventLoop;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Future;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The engine on the DHCP sockets' Netty event loop: a request read from a socket is handled on the
 * spot, between reads, and the replies that need no lease change go out without any thread hand-off;
 * the group of lease changes goes to the journal at the end of each read burst. Work from other
 * threads (OMAPI, timers) is queued on the same loop. The loop never blocks: disk and DNS work stay
 * on their own threads.
 */
public final class EventLoopEngine implements EngineExecutor {

    private static final Logger LOG = LoggerFactory.getLogger(EventLoopEngine.class);

    private final EventLoop loop;
    private final Duration tick;
    private final List<Runnable> afterBatch = new CopyOnWriteArrayList<>();
    private final List<Future<?>> ticks = new CopyOnWriteArrayList<>();

    public EventLoopEngine(EventLoop loop, Duration tick) {
        this.loop = loop;
        this.tick = tick;
    }

    /** The event loop the engine runs on (OMAPI serves its connections there too, without a hand-off). */
    public EventLoop eventLoop() {
        return loop;
    }

    @Override
    public boolean inLoop() {
        return loop.inEventLoop();
    }

    @Override
    public void execute(Runnable task) {
        if (loop.isShuttingDown()) {
            throw new RejectedExecutionException("the lease engine has stopped");
        }
        loop.execute(() -> {
            safely(task);
            endBatch();
        });
    }

    @Override
    public boolean tryExecuteQuietly(Runnable task, int limit) {
        if (loop.isShuttingDown()) {
            return false;
        }
        execute(task);
        return true;
    }

    @Override
    public void wake() {
        // tasks are queued on the event loop, which wakes itself
    }

    @Override
    public void afterBatch(Runnable hook) {
        afterBatch.add(hook);
    }

    @Override
    public void onTick(Runnable hook) {
        ticks.add(loop.scheduleAtFixedRate(() -> {
            safely(hook);
            endBatch();
        }, tick.toNanos(), tick.toNanos(), TimeUnit.NANOSECONDS));
    }

    @Override
    public void endBatch() {
        afterBatch.forEach(EventLoopEngine::safely);
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
        // the owner of the event loop group shuts it down after the sockets are closed; a group that goes on
        // serving (the JIT warm-up's scratch server shares the real one's) must not run this engine's ticks
        ticks.forEach(t -> t.cancel(false));
    }
}
