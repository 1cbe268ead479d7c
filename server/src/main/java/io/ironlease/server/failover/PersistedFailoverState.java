package io.ironlease.server.failover;

import io.ironlease.shared.leases.FailoverState;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * The dhcpd.leases record {@code failover peer "name" state { my state S at T; partner state S at T;
 * mclt N; }}: what a server must remember across restarts. A server in STARTUP writes the state it
 * will return to, never STARTUP itself.
 */
public record PersistedFailoverState(FailoverState myState, Instant myStos, FailoverState partnerState,
        Instant partnerStos, Optional<Duration> mclt) {
}
