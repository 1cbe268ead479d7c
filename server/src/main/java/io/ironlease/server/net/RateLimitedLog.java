package io.ironlease.server.net;

import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;
import org.slf4j.Logger;

/**
 * At most one warning line per event name per interval, so a flood of bad packets cannot flood the
 * log. The next line says how many were suppressed in between. Lines start with the event name.
 */
public final class RateLimitedLog {

    private final Logger log;
    private final Clock clock;
    private final long intervalMillis;
    private final ConcurrentHashMap<String, State> states = new ConcurrentHashMap<>();

    private static final class State {
        final AtomicLong nextAllowed = new AtomicLong(Long.MIN_VALUE);
        final AtomicLong suppressed = new AtomicLong();
    }

    public RateLimitedLog(Logger log, Clock clock, Duration interval) {
        this.log = log;
        this.clock = clock;
        this.intervalMillis = interval.toMillis();
    }

    /** Logs {@code event detail} unless this event was logged less than an interval ago. */
    public boolean warn(String event, Supplier<String> detail) {
        State state = states.computeIfAbsent(event, e -> new State());
        long now = clock.millis();
        long allowed = state.nextAllowed.get();
        if (now < allowed || !state.nextAllowed.compareAndSet(allowed, now + intervalMillis)) {
            state.suppressed.incrementAndGet();
            return false;
        }
        long skipped = state.suppressed.getAndSet(0);
        if (skipped > 0) {
            log.warn("{} {} ({} more suppressed)", event, detail.get(), skipped);
        } else {
            log.warn("{} {}", event, detail.get());
        }
        return true;
    }
}
