package io.ironlease.server.failover.runtime;

import io.ironlease.server.failover.FailoverEvent;
import io.ironlease.server.failover.LinkId;
import io.ironlease.server.failover.TimerKind;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * The state machine's timers on the lease-engine scheduler. Due times are instants of the injected
 * {@link Clock}; a timer that the scheduler runs before the clock reaches its instant waits the rest,
 * and {@link #tick} fires whatever the clock has passed (after a test moves its clock forward). A
 * timer replaced or cancelled never fires (the machine also ignores stale firings). Engine thread only.
 */
final class TimerScheduler {

    private record Key(TimerKind kind, Optional<LinkId> link) {
    }

    private static final class Armed {
        Instant at;
        ScheduledFuture<?> future;

        Armed(Instant at) {
            this.at = at;
        }
    }

    private final ScheduledExecutorService scheduler;
    private final Clock clock;
    private final Consumer<FailoverEvent.TimerFired> fire;
    private final Map<Key, Armed> armed = new HashMap<>();

    TimerScheduler(ScheduledExecutorService scheduler, Clock clock, Consumer<FailoverEvent.TimerFired> fire) {
        this.scheduler = scheduler;
        this.clock = clock;
        this.fire = fire;
    }

    void start(TimerKind kind, Optional<LinkId> link, Instant at) {
        Key key = new Key(kind, link);
        Armed running = armed.get(key);
        if (running != null && !at.isBefore(running.at) && !running.future.isDone()) {
            // pushed later (a timeout restarted by each message): the queued task re-arms for the rest
            running.at = at;
            return;
        }
        cancel(key);
        Armed timer = new Armed(at);
        armed.put(key, timer);
        schedule(key, timer);
    }

    void cancel(TimerKind kind, Optional<LinkId> link) {
        cancel(new Key(kind, link));
    }

    /** Fires every timer the clock has reached. */
    void tick() {
        Instant now = clock.instant();
        List<Key> due = new ArrayList<>();
        armed.forEach((key, timer) -> {
            if (!now.isBefore(timer.at)) {
                due.add(key);
            }
        });
        for (Key key : due) {
            Armed timer = armed.remove(key);
            if (timer != null) {
                timer.future.cancel(false);
                fire.accept(new FailoverEvent.TimerFired(key.kind(), key.link()));
            }
        }
    }

    void cancelAll() {
        armed.values().forEach(t -> t.future.cancel(false));
        armed.clear();
    }

    int armedCount() {
        return armed.size();
    }

    private void cancel(Key key) {
        Armed old = armed.remove(key);
        if (old != null) {
            old.future.cancel(false);
        }
    }

    private void schedule(Key key, Armed timer) {
        Duration left = Duration.between(clock.instant(), timer.at);
        long millis = left.isNegative() ? 0 : (left.toNanos() + 999_999) / 1_000_000;
        try {
            timer.future = scheduler.schedule(() -> due(key, timer), Math.max(millis, 0), TimeUnit.MILLISECONDS);
        } catch (RejectedExecutionException e) {
            armed.remove(key); // the engine is stopping
            timer.future = new CancelledFuture();
        }
    }

    private void due(Key key, Armed timer) {
        if (armed.get(key) != timer) {
            return; // replaced or cancelled after it was queued
        }
        if (clock.instant().isBefore(timer.at)) {
            schedule(key, timer); // the scheduler's clock ran ahead of the injected one
            return;
        }
        armed.remove(key);
        fire.accept(new FailoverEvent.TimerFired(key.kind(), key.link()));
    }

    /** Stands in for a future when the scheduler refused the task. */
    private static final class CancelledFuture extends java.util.concurrent.CompletableFuture<Object>
            implements ScheduledFuture<Object> {
        CancelledFuture() {
            cancel(false);
        }

        @Override
        public long getDelay(TimeUnit unit) {
            return 0;
        }

        @Override
        public int compareTo(java.util.concurrent.Delayed o) {
            return 0;
        }
    }
}
