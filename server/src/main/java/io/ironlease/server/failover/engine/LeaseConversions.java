package io.ironlease.server.failover.engine;

import io.ironlease.server.failover.BindingStatus;
import io.ironlease.server.failover.LeaseBinding;
import io.ironlease.server.failover.LeaseFacts;
import io.ironlease.server.failover.wire.Bytes;
import io.ironlease.shared.leases.BindingState;
import io.ironlease.shared.leases.Lease;
import io.ironlease.shared.leases.LeaseTime;
import io.ironlease.shared.net.Ipv4Address;
import java.time.Instant;
import java.util.Optional;

/**
 * Translations between the lease engine's {@link Lease} (dhcpd.leases' fields, epoch seconds with 0
 * for "unset") and the failover core's views of an address: {@link LeaseFacts} for the ownership
 * rules, {@link LeaseBinding} for what a BNDUPD says. Pure.
 */
final class LeaseConversions {

    /** The largest time a BNDUPD can carry (u32 seconds): an infinite lease travels as this. */
    static final Instant WIRE_MAX = Instant.ofEpochSecond(0xffff_ffffL);

    /** IP-flags bits of draft §12.12 as ISC sends them. */
    static final int FLAG_RESERVED = 1;
    static final int FLAG_BOOTP = 2;

    private LeaseConversions() {
    }

    static BindingStatus status(BindingState state) {
        return switch (state) {
            case FREE -> BindingStatus.FREE;
            case ACTIVE, RESERVED, BOOTP -> BindingStatus.ACTIVE;
            case EXPIRED -> BindingStatus.EXPIRED;
            case RELEASED -> BindingStatus.RELEASED;
            case ABANDONED -> BindingStatus.ABANDONED;
            case RESET -> BindingStatus.RESET;
            case BACKUP -> BindingStatus.BACKUP;
        };
    }

    static BindingState state(BindingStatus status) {
        return BindingState.fromFailoverCode(status.code());
    }

    static Instant instant(long seconds) {
        if (seconds == LeaseTime.UNSET) {
            return Instant.EPOCH;
        }
        return seconds == LeaseTime.NEVER || seconds > 0xffff_ffffL ? WIRE_MAX : Instant.ofEpochSecond(seconds);
    }

    static long seconds(Instant instant) {
        if (instant.equals(Instant.EPOCH)) {
            return LeaseTime.UNSET;
        }
        return instant.equals(WIRE_MAX) ? LeaseTime.NEVER : instant.getEpochSecond();
    }

    /** What the ownership rules need of an address; {@code lease} null: never used, FREE (ISC's start). */
    static LeaseFacts facts(Lease lease) {
        if (lease == null) {
            return LeaseFacts.unused(BindingStatus.FREE);
        }
        BindingStatus status = status(lease.bindingState());
        return new LeaseFacts(status, status(lease.rewindBindingState()), instant(lease.ends()),
                instant(lease.tstp()), instant(lease.tsfp()), instant(lease.cltt()), clientId(lease),
                lease.hardware());
    }

    /** The BNDUPD content for an address ({@code lease} null: a never-used FREE address). */
    static LeaseBinding binding(Ipv4Address address, Lease lease) {
        if (lease == null) {
            return new LeaseBinding(address, BindingStatus.FREE, Optional.empty(), Optional.empty(), Instant.EPOCH,
                    Instant.EPOCH, Instant.EPOCH, Optional.empty(), 0);
        }
        int flags = (lease.reserved() ? FLAG_RESERVED : 0) | (lease.bootp() ? FLAG_BOOTP : 0);
        return new LeaseBinding(address, status(lease.bindingState()), clientId(lease), lease.hardware(),
                instant(lease.ends()), instant(lease.tstp()), instant(lease.starts()),
                lease.cltt() == LeaseTime.UNSET ? Optional.empty() : Optional.of(instant(lease.cltt())), flags);
    }

    static Optional<Bytes> clientId(Lease lease) {
        return lease.hasUid() ? Optional.of(Bytes.of(lease.uid())) : Optional.empty();
    }

    /**
     * The lease to store for a partner's accepted BNDUPD, as ISC's dhcp_failover_process_bind_update
     * does: the partner's times and client, in status {@code storeAs}; the partner's potential
     * expiration becomes both tstp and tsfp (it is what the partner may let the client keep), and the
     * partner now knows the address in that status (rewind). {@code previous} keeps the host name and
     * variables of the same client.
     */
    static Lease stored(LeaseBinding in, BindingStatus storeAs, Lease previous) {
        BindingState state = state(storeAs);
        boolean sameClient = previous != null && sameClient(previous, in);
        Lease.Builder b = sameClient ? previous.toBuilder() : Lease.builder(in.address());
        b.starts(seconds(in.startTimeOfState())).ends(seconds(in.leaseExpiration()))
                .tstp(seconds(in.potentialExpiration())).tsfp(seconds(in.potentialExpiration()))
                .atsfp(seconds(in.potentialExpiration()))
                .cltt(in.clientLastTransactionTime().map(LeaseConversions::seconds).orElse(LeaseTime.UNSET))
                .bindingState(state)
                .nextBindingState(state == BindingState.ACTIVE ? BindingState.EXPIRED
                        : state == BindingState.ABANDONED ? BindingState.FREE : state)
                .rewindBindingState(state)
                .hardware(in.hardwareAddress().orElse(null))
                .uid(in.clientIdentifier().map(Bytes::toArray).orElse(null))
                .reserved((in.ipFlags() & FLAG_RESERVED) != 0).bootp((in.ipFlags() & FLAG_BOOTP) != 0);
        if (!sameClient || state != BindingState.ACTIVE) {
            b.clientHostname(null);
        }
        return b.build();
    }

    private static boolean sameClient(Lease lease, LeaseBinding in) {
        if (lease.hasUid() || in.clientIdentifier().isPresent()) {
            return in.clientIdentifier().map(id -> lease.uidEquals(id.toArray())).orElse(false);
        }
        return lease.hardware().isPresent() && lease.hardware().equals(in.hardwareAddress());
    }

    /** An address handed to the other server by pool balancing (§5.4): its free status, times reset. */
    static Lease handedOver(Ipv4Address address, Lease current, LeaseBinding handed) {
        BindingState state = state(handed.status());
        Lease.Builder b = current != null ? current.toBuilder() : Lease.builder(address);
        return b.bindingState(state).nextBindingState(state).rewindBindingState(
                current != null ? current.rewindBindingState() : BindingState.FREE)
                .starts(seconds(handed.startTimeOfState())).tstp(seconds(handed.potentialExpiration()))
                .cltt(LeaseTime.UNSET).clientHostname(null).build();
    }
}
