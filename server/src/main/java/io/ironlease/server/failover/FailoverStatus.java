package io.ironlease.server.failover;

import io.ironlease.server.failover.wire.Bytes;
import io.ironlease.shared.leases.FailoverState;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * A snapshot of one failover relationship for the DHCP engine (who may allocate what, how long a
 * lease may be) and for the OMAPI {@code failover-state} object. STARTUP is reported as the state
 * the server will return to, with {@code service == STARTUP}, the way ISC reports it on the wire.
 */
public record FailoverStatus(String name, Role role, FailoverState myState, Instant myStos,
        FailoverState partnerState, Instant partnerStos, ServiceState service, Optional<Duration> mclt,
        Optional<HashBucketAssignment> hba, int loadBalanceMaxSeconds, boolean connected, int unackedUpdates,
        Instant lastPacketSent, Instant lastTimestampReceived) {

    /** Whether normal-state load balancing applies (only COOPERATING balances by hash). */
    public boolean loadBalancing() {
        return service == ServiceState.COOPERATING;
    }

    /** See {@link LoadBalanceHash#servesLocally}; true whenever the server is not load balancing. */
    public boolean servesLocally(int secs, Optional<Bytes> clientIdentifier, byte[] chaddr) {
        return !loadBalancing()
                || LoadBalanceHash.servesLocally(role, hba, loadBalanceMaxSeconds, secs, clientIdentifier, chaddr);
    }

    /** The MCLT in force; zero until the secondary has heard it from the primary. */
    public Duration mcltOrZero() {
        return mclt.orElse(Duration.ZERO);
    }
}
