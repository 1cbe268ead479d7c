package io.ironlease.server.failover.runtime;

import io.ironlease.server.failover.FailoverSettings;
import io.ironlease.server.failover.HashBucketAssignment;
import io.ironlease.server.failover.PersistedFailoverState;
import io.ironlease.server.failover.Role;
import io.ironlease.server.failover.wire.Bytes;
import io.ironlease.shared.config.model.FailoverPeerConfig;
import io.ironlease.shared.config.model.FailoverRole;
import io.ironlease.shared.leases.FailoverStateRecord;
import io.ironlease.shared.net.Ipv4Address;
import io.ironlease.shared.options.HostRef;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.function.Function;

/**
 * Translations between the files ISC defines and the failover core: a dhcpd.conf {@code failover peer}
 * declaration becomes {@link FailoverSettings}, and the dhcpd.leases {@code failover peer "X" state}
 * record becomes the {@link PersistedFailoverState} the state machine starts from (and back, when the
 * engine appends it). Pure.
 */
public final class FailoverMapping {

    private FailoverMapping() {
    }

    /**
     * The settings of a declaration whose {@code address} and {@code peer address} are literals.
     *
     * @throws IllegalArgumentException naming the declaration's position when an address is a host name
     *         or a value is out of the range the failover core accepts
     */
    public static FailoverSettings settings(FailoverPeerConfig peer) {
        return settings(peer, ref -> ref.address().orElseThrow(() -> new IllegalArgumentException(
                "failover peer \"" + peer.name() + "\" at " + peer.pos() + ": host name " + ref.text()
                        + " must be resolved before the failover peer starts")));
    }

    /**
     * The settings of a declaration; {@code resolve} turns a host name into an address (dhcpd resolves
     * them at start-up; the caller does it off the event loops, see DESIGN.md).
     */
    public static FailoverSettings settings(FailoverPeerConfig peer, Function<HostRef, Ipv4Address> resolve) {
        Role role = peer.role() == FailoverRole.PRIMARY ? Role.PRIMARY : Role.SECONDARY;
        Optional<HashBucketAssignment> hba = peer.loadBalanceBitmap().map(b -> HashBucketAssignment.of(Bytes.of(b)));
        try {
            return new FailoverSettings(peer.name(), role, resolve.apply(peer.address()), peer.port(),
                    resolve.apply(peer.peerAddress()), peer.peerPort(), peer.maxResponseDelay(),
                    peer.maxUnackedUpdates(), peer.mclt(), hba, Math.toIntExact(peer.loadBalanceMaxSeconds().getSeconds()),
                    peer.autoPartnerDown(), peer.maxLeaseMisbalance(), peer.maxLeaseOwnership(), peer.minBalance(),
                    peer.maxBalance());
        } catch (IllegalArgumentException | ArithmeticException e) {
            throw new IllegalArgumentException("failover peer \"" + peer.name() + "\" at " + peer.pos() + ": "
                    + e.getMessage(), e);
        }
    }

    /** The state machine's start state from the last {@code failover peer "X" state} record of dhcpd.leases. */
    public static PersistedFailoverState persisted(FailoverStateRecord record) {
        return new PersistedFailoverState(record.myState(), Instant.ofEpochSecond(record.myStateTime()),
                record.partnerState(), Instant.ofEpochSecond(record.partnerStateTime()), record.mclt());
    }

    /**
     * The record to append for a {@code PersistState}; times go to whole seconds as dhcpd writes them
     * (a state entered at 12:00:00.7 is recorded at 12:00:00, the second it began in).
     */
    public static FailoverStateRecord record(String peerName, PersistedFailoverState state) {
        return new FailoverStateRecord(peerName, state.myState(), seconds(state.myStos()), state.partnerState(),
                seconds(state.partnerStos()), state.mclt().map(m -> Duration.ofSeconds(m.getSeconds())));
    }

    private static long seconds(Instant t) {
        return Math.max(0, t.getEpochSecond());
    }
}
