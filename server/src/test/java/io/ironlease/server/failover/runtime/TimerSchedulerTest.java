package io.ironlease.server.failover.runtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.ironlease.server.failover.FailoverEvent;
import io.ironlease.server.failover.LinkId;
import io.ironlease.server.failover.TimerKind;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Timers by the injected clock: replaced and cancelled ones never fire, early runs wait for the clock. */
class TimerSchedulerTest {

    /** A clock that moves only when told. */
    private static final class ManualClock extends Clock {
        final AtomicReference<Instant> now = new AtomicReference<>(Instant.parse("2026-11-24T23:00:00Z"));

        @Override
        public Instant instant() {
            return now.get();
        }

        void advance(Duration d) {
            now.updateAndGet(t -> t.plus(d));
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }
    }

    private final ScheduledExecutorService engine = Executors.newSingleThreadScheduledExecutor();
    private final ManualClock clock = new ManualClock();
    private final List<FailoverEvent.TimerFired> fired = new CopyOnWriteArrayList<>();
    private final TimerScheduler timers = new TimerScheduler(engine, clock, fired::add);

    @AfterEach
    void stop() throws InterruptedException {
        engine.shutdownNow();
        engine.awaitTermination(5, TimeUnit.SECONDS);
    }

    private <T> T onEngine(Callable<T> task) throws Exception {
        return engine.submit(task).get(10, TimeUnit.SECONDS);
    }

    @Test
    void aTimerFiresOnceWhenTheClockReachesIt() throws Exception {
        Optional<LinkId> link = Optional.of(new LinkId(3));
        onEngine(() -> {
            timers.start(TimerKind.LINK_STARTUP, link, clock.instant().plusSeconds(15));
            return null;
        });
        onEngine(() -> {
            timers.tick();
            return null;
        });
        assertThat(fired).isEmpty();
        clock.advance(Duration.ofSeconds(15));
        onEngine(() -> {
            timers.tick();
            timers.tick();
            return null;
        });
        assertThat(fired).containsExactly(new FailoverEvent.TimerFired(TimerKind.LINK_STARTUP, link));
        assertThat(onEngine(timers::armedCount)).isZero();
    }

    @Test
    void replacedAndCancelledTimersNeverFire() throws Exception {
        onEngine(() -> {
            Instant now = clock.instant();
            timers.start(TimerKind.CONTACT, Optional.empty(), now.plusSeconds(1));
            timers.start(TimerKind.CONTACT, Optional.empty(), now.plusSeconds(20)); // replaces the first
            timers.start(TimerKind.RECONNECT, Optional.empty(), now.plusSeconds(5));
            timers.cancel(TimerKind.RECONNECT, Optional.empty());
            return null;
        });
        clock.advance(Duration.ofSeconds(10));
        onEngine(() -> {
            timers.tick();
            return null;
        });
        assertThat(fired).isEmpty();
        clock.advance(Duration.ofSeconds(10));
        onEngine(() -> {
            timers.tick();
            return null;
        });
        assertThat(fired).containsExactly(new FailoverEvent.TimerFired(TimerKind.CONTACT));
    }

    @Test
    void aSchedulerRunningAheadOfTheClockWaitsForIt() throws Exception {
        // the scheduler runs the task after 50 ms of real time, but the injected clock has not moved
        onEngine(() -> {
            timers.start(TimerKind.RECEIVE_TIMEOUT, Optional.empty(), clock.instant().plusMillis(50));
            return null;
        });
        await().during(Duration.ofMillis(300)).atMost(Duration.ofSeconds(5)).until(fired::isEmpty);
        clock.advance(Duration.ofMillis(50)); // now due: the rescheduled task fires within its 50 ms wait
        await().atMost(Duration.ofSeconds(5)).until(() -> fired.size() == 1);
        assertThat(fired).containsExactly(new FailoverEvent.TimerFired(TimerKind.RECEIVE_TIMEOUT));
    }
}
