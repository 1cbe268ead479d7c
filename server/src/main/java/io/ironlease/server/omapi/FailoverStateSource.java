package io.ironlease.server.omapi;

import io.ironlease.omapi.wire.OmapiException;
import io.ironlease.shared.leases.FailoverState;
import io.ironlease.shared.net.Ipv4Address;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.CompletionStage;

/**
 * Where the OMAPI {@code failover-state} object reads a failover relationship and sets its local
 * state. Two implementations: {@link ConfiguredFailoverStates} (dhcpd.conf and the lease file's
 * stored state, for a server without a running failover engine) and {@link RuntimeFailoverStates}
 * (the failover runtime). Calls run on the lease-engine thread.
 */
public interface FailoverStateSource {

    /** The relationship named {@code peerName} now; empty when no such {@code failover peer} is declared. */
    Optional<View> state(String peerName);

    /**
     * {@code set local-state = N}: e.g. partner-down (4). Completes once the change is in effect and
     * recorded; throws 0x60003 for a state that cannot be set (startup, unknown).
     */
    CompletionStage<Void> setLocalState(String peerName, FailoverState state) throws OmapiException;

    /**
     * The 19 attributes of a failover-state object (OMAPI-NOTES section 8), typed. The addresses are
     * the configured ones: dhcpd 4.4.3 sends 8 bytes of a heap pointer there instead.
     *
     * @param mcltSeconds 0 while a secondary has not learnt it
     * @param hba         the 32-byte load-balancing bitmap, empty while a secondary has none
     * @param hierarchy   0 primary, 1 secondary
     */
    record View(String name, Ipv4Address partnerAddress, int partnerPort, Ipv4Address localAddress, int localPort,
            int maxOutstandingUpdates, long mcltSeconds, int loadBalanceMaxSeconds, Optional<byte[]> hba,
            FailoverState partnerState, FailoverState localState, Instant partnerStos, Instant localStos,
            int hierarchy, Instant lastPacketSent, Instant lastTimestampReceived, int skew, int maxResponseDelay,
            int unackedUpdates) {
    }
}
