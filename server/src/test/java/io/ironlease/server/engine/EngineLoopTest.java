package io.ironlease.server.engine;

import static org.assertj.core.api.Assertions.assertThat;

import io.netty.channel.DefaultEventLoop;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

/** Both forms of the engine thread: order, after-batch hooks, ticks, back-pressure, shutdown. */
class EngineLoopTest {

    @Test
    void runsTasksInOrderThenTheAfterBatchHookOnItsOwnThread() {
        EngineLoop loop = new EngineLoop("test-engine", Duration.ofSeconds(10));
        List<String> seen = new CopyOnWriteArrayList<>();
        loop.afterBatch(() -> seen.add("flush"));
        loop.start();
        try {
            for (int i = 0; i < 5; i++) {
                int n = i;
                loop.execute(() -> seen.add("task" + n + (loop.inLoop() ? "" : " off-loop")));
            }
            Awaitility.await().atMost(Duration.ofSeconds(10)).until(() -> seen.contains("task4"));
            Awaitility.await().atMost(Duration.ofSeconds(10)).until(() -> seen.get(seen.size() - 1).equals("flush"));
            assertThat(seen.stream().filter(s -> s.startsWith("task")).toList())
                    .containsExactly("task0", "task1", "task2", "task3", "task4");
            assertThat(loop.inLoop()).isFalse();
        } finally {
            loop.close(Duration.ofSeconds(5));
        }
    }

    @Test
    void quietSubmissionsWaitForTheWakeAndBackPressureRefusesBeyondTheLimit() {
        EngineLoop loop = new EngineLoop("test-engine", Duration.ofSeconds(30));
        AtomicInteger ran = new AtomicInteger();
        loop.start();
        try {
            // the loop sleeps (nothing queued); quiet tasks run once woken
            Awaitility.await().atMost(Duration.ofSeconds(5)).until(() -> loop.pendingTasks() == 0);
            assertThat(loop.tryExecuteQuietly(ran::incrementAndGet, 10)).isTrue();
            loop.wake();
            Awaitility.await().atMost(Duration.ofSeconds(10)).until(() -> ran.get() == 1);

            loop.execute(() -> {
                // while the loop is busy here, the queue fills up to the limit
                for (int i = 0; i < 3; i++) {
                    loop.tryExecuteQuietly(ran::incrementAndGet, 2);
                }
            });
            Awaitility.await().atMost(Duration.ofSeconds(10)).until(() -> ran.get() == 3);
        } finally {
            loop.close(Duration.ofSeconds(5));
        }
    }

    @Test
    void ticksRunPeriodically() {
        EngineLoop loop = new EngineLoop("test-engine", Duration.ofMillis(20));
        AtomicInteger ticks = new AtomicInteger();
        loop.onTick(ticks::incrementAndGet);
        loop.start();
        try {
            Awaitility.await().atMost(Duration.ofSeconds(10)).until(() -> ticks.get() >= 3);
        } finally {
            loop.close(Duration.ofSeconds(5));
        }
    }

    @Test
    void theEventLoopFormRunsTasksAndHooksOnTheNettyLoop() throws Exception {
        DefaultEventLoop netty = new DefaultEventLoop();
        try {
            EventLoopEngine engine = new EventLoopEngine(netty, Duration.ofMillis(20));
            List<String> seen = new CopyOnWriteArrayList<>();
            engine.afterBatch(() -> seen.add("flush"));
            engine.onTick(() -> seen.add("tick"));
            engine.execute(() -> seen.add(engine.inLoop() ? "task on loop" : "task elsewhere"));
            Awaitility.await().atMost(Duration.ofSeconds(10)).until(() -> seen.contains("tick"));
            assertThat(seen.subList(0, 2)).containsExactly("task on loop", "flush");
            assertThat(engine.inLoop()).isFalse();
        } finally {
            netty.shutdownGracefully(0, 1, java.util.concurrent.TimeUnit.SECONDS).sync();
        }
    }
}
