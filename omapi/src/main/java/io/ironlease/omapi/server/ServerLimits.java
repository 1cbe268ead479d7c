package io.ironlease.omapi.server;

import java.time.Duration;

/**
 * Per-connection bounds of the listener. A connection that breaks one is dropped with an
 * {@code OMAPI_DROP} log line; the listener and other connections carry on.
 *
 * @param maxMessageLength longest message accepted, checked from the announced lengths before reading
 * @param maxInFlight requests read but not yet answered before the connection stops reading
 * @param startupTimeout how long a new connection may take to send its 8-byte start-up message
 * @param messageTimeout how long a started message may take to arrive in full (a slow client)
 * @param idleTimeout how long a connection may stay silent with nothing outstanding; zero = forever
 */
public record ServerLimits(int maxMessageLength, int maxInFlight, Duration startupTimeout, Duration messageTimeout,
        Duration idleTimeout) {

    public static final ServerLimits DEFAULT = new ServerLimits(64 * 1024, 1024, Duration.ofSeconds(10),
            Duration.ofSeconds(30), Duration.ofHours(1));

    public ServerLimits {
        if (maxMessageLength < 64 || maxInFlight < 1) {
            throw new IllegalArgumentException("limits too small: message " + maxMessageLength + ", in flight " + maxInFlight);
        }
        if (startupTimeout.isNegative() || startupTimeout.isZero() || messageTimeout.isNegative()
                || messageTimeout.isZero() || idleTimeout.isNegative()) {
            throw new IllegalArgumentException("timeouts must be positive (idle may be zero for none)");
        }
    }
}
