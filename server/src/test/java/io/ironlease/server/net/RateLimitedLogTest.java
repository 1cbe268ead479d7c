package io.ironlease.server.net;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

class RateLimitedLogTest {

    private static final class StepClock extends Clock {
        final AtomicLong millis = new AtomicLong(1_000_000);

        @Override
        public ZoneId getZone() {
            return ZoneId.of("UTC");
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return Instant.ofEpochMilli(millis.get());
        }
    }

    @Test
    void oneLinePerIntervalPerEventWithTheSuppressedCount() {
        Logger logger = (Logger) LoggerFactory.getLogger("rate-limited-log-test");
        ListAppender<ILoggingEvent> appender = new ListAppender<>();
        appender.start();
        logger.addAppender(appender);
        StepClock clock = new StepClock();
        RateLimitedLog log = new RateLimitedLog(logger, clock, Duration.ofSeconds(10));

        assertThat(log.warn("DHCP_DROP_MALFORMED", () -> "first")).isTrue();
        assertThat(log.warn("DHCP_DROP_MALFORMED", () -> "second")).isFalse();
        assertThat(log.warn("DHCP_DROP_MALFORMED", () -> "third")).isFalse();
        assertThat(log.warn("DHCP_SEND_FAILED", () -> "other event")).isTrue();
        clock.millis.addAndGet(10_000);
        assertThat(log.warn("DHCP_DROP_MALFORMED", () -> "fourth")).isTrue();

        assertThat(appender.list).extracting(ILoggingEvent::getFormattedMessage).containsExactly(
                "DHCP_DROP_MALFORMED first", "DHCP_SEND_FAILED other event",
                "DHCP_DROP_MALFORMED fourth (2 more suppressed)");
    }
}
