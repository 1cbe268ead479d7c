package io.ironlease.shared.leases;

import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * {@code failover peer "NAME" state { my state S at DATE; partner state S at DATE; mclt N; }}: dhcpd
 * appends one whenever either side's failover state changes. The secondary also records the MCLT it
 * learned from the primary.
 *
 * @param myStateTime      epoch seconds when this server entered {@code myState}
 * @param partnerStateTime epoch seconds when the partner entered {@code partnerState}
 */
public record FailoverStateRecord(String peerName, FailoverState myState, long myStateTime,
        FailoverState partnerState, long partnerStateTime, Optional<Duration> mclt) implements LeaseFileRecord {

    public FailoverStateRecord {
        Objects.requireNonNull(peerName, "peerName");
        Objects.requireNonNull(myState, "myState");
        Objects.requireNonNull(partnerState, "partnerState");
        Objects.requireNonNull(mclt, "mclt");
    }
}
