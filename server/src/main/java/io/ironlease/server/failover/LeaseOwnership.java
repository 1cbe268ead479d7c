package io.ironlease.server.failover;

import static io.ironlease.server.failover.BindingStatus.ABANDONED;
import static io.ironlease.server.failover.BindingStatus.ACTIVE;
import static io.ironlease.server.failover.BindingStatus.BACKUP;
import static io.ironlease.server.failover.BindingStatus.EXPIRED;
import static io.ironlease.server.failover.BindingStatus.FREE;
import static io.ironlease.server.failover.BindingStatus.RELEASED;

import io.ironlease.server.failover.wire.BindingUpdate;
import io.ironlease.server.failover.wire.Bytes;
import io.ironlease.server.failover.wire.RejectReason;
import io.ironlease.shared.leases.FailoverState;
import io.ironlease.shared.net.HardwareAddress;
import io.ironlease.shared.net.Ipv4Address;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * Who may hand out an address, for how long, and what to do with the partner's binding updates
 * (draft-ietf-dhc-failover-12 §5.2, §5.4, §5.11, §7.1), as ISC dhcpd 4.4 decides it
 * (lease_mine_to_reallocate, ack_lease, dhcp_failover_process_bind_update). Pure functions.
 */
public final class LeaseOwnership {

    /** ISC's allowance for clock skew when the partner says an active lease expired (60 s + fudge). */
    static final Duration EXPIRY_SLACK = Duration.ofSeconds(65);

    private LeaseOwnership() {
    }

    /**
     * Whether this server may give the address to a new client now. Own free addresses (primary FREE,
     * secondary BACKUP) always; the partner's only in PARTNER-DOWN once MCLT has passed both since
     * entering PARTNER-DOWN and since the partner's acknowledged potential expiration (§5.2); EXPIRED,
     * RELEASED and RESET addresses when the partner never heard of the change (rewind), else in
     * PARTNER-DOWN once MCLT has passed since the latest of: the move to PARTNER-DOWN, the lease's
     * end, the potential expiration sent to the partner and the one it acknowledged (§9.4.2): the
     * partner may have extended the client until then plus MCLT without telling us. ISC waits for
     * max(tsfp, stos + MCLT) only, which can hand out an address the partner just renewed.
     */
    public static boolean mayAllocate(FailoverStatus status, LeaseFacts lease, Instant now) {
        boolean partnerDown = status.service() == ServiceState.PARTNER_DOWN;
        Duration mclt = status.mcltOrZero();
        Instant safeAfter = later(status.myStos(), lease.tsfp()).plus(mclt);
        switch (lease.status()) {
            case ACTIVE:
                return false;
            case FREE:
            case ABANDONED:
                return status.role() == Role.PRIMARY || (partnerDown && safeAfter.isBefore(now));
            case BACKUP:
                return status.role() == Role.SECONDARY || (partnerDown && safeAfter.isBefore(now));
            case RELEASED:
            case EXPIRED:
                if (lease.rewindStatus() == status.role().ownFreeStatus()) {
                    return true; // the partner never heard of the change: rewind it (§5.11)
                }
                return partnerDown && reusableAfter(status, lease).isBefore(now);
            default: // RESET
                return partnerDown && reusableAfter(status, lease).isBefore(now);
        }
    }

    /**
     * The lease time for a DHCPACK (§5.2.1, ISC ack_lease): the desired time if it ends within
     * MCLT of the partner's acknowledged potential expiration, else up to that bound, and only the
     * MCLT when nothing is acknowledged. The potential expiration told to the partner is now +
     * desired + half the granted time, so the next renewal can get the full desired time.
     *
     * @param tsfp the acknowledged potential expiration of the address
     * @param previousTstp the address's current potential expiration (kept for an OFFER)
     * @param ack true for a DHCPACK, false for a DHCPOFFER (which changes no potential expiration)
     */
    public static LeaseGrant grantLeaseTime(Duration desired, Duration mclt, Instant tsfp, Instant previousTstp,
            Instant now, boolean ack) {
        Duration granted = desired;
        if (desired.compareTo(mclt) > 0) {
            if (!tsfp.isAfter(now)) {
                granted = mclt;
            } else if (now.plus(desired).isAfter(tsfp.plus(mclt))) {
                granted = Duration.between(now, tsfp).plus(mclt);
            }
        }
        if (!ack) {
            return new LeaseGrant(granted, previousTstp, tsfp);
        }
        Instant tstp = now.plus(desired).plusSeconds(granted.getSeconds() / 2);
        return new LeaseGrant(granted, tstp, tstp.isBefore(tsfp) ? tstp : tsfp);
    }

    /** The BNDUPD content for a DHCPACK: ACTIVE, ends now + granted time, starts and CLTT now. */
    public static LeaseBinding granted(Ipv4Address address, Optional<Bytes> clientId,
            HardwareAddress hardware, LeaseGrant grant, Instant now) {
        return new LeaseBinding(address, ACTIVE, clientId, Optional.of(hardware), now.plus(grant.leaseTime()),
                grant.potentialExpiration(), now, Optional.of(now), 0);
    }

    /** After DHCPRELEASE: RELEASED, ends and potential expiration now (as ISC sends it). */
    public static LeaseBinding released(LeaseBinding current, Instant now) {
        return new LeaseBinding(current.address(), RELEASED, current.clientIdentifier(), current.hardwareAddress(),
                now, now, current.startTimeOfState(), current.clientLastTransactionTime(), current.ipFlags());
    }

    /** When the lease timer fires: EXPIRED, every time unchanged. */
    public static LeaseBinding expired(LeaseBinding current) {
        return new LeaseBinding(current.address(), EXPIRED, current.clientIdentifier(), current.hardwareAddress(),
                current.leaseExpiration(), current.potentialExpiration(), current.startTimeOfState(),
                current.clientLastTransactionTime(), current.ipFlags());
    }

    /** Pool balancing or MAC affinity gives an available address to the other server (§5.4). */
    public static LeaseBinding handedOver(LeaseBinding current, Role giver, Instant now) {
        return new LeaseBinding(current.address(), giver.partner().ownFreeStatus(), current.clientIdentifier(),
                current.hardwareAddress(), current.leaseExpiration(), now, now, Optional.empty(), current.ipFlags());
    }

    /**
     * Decides on a BNDUPD from the partner (ISC dhcp_failover_process_bind_update).
     *
     * @param local what this server knows of the address; empty if it is in none of the relationship's pools
     * @param ownUpdateInFlight our own unacknowledged update for the address, if any (dueling updates)
     * @param myState my state: NORMAL checks the §5.11 transition table, every other state the conflict rules
     */
    public static BindingUpdateVerdict judgeBindingUpdate(Role role, FailoverState myState, Optional<LeaseFacts> local,
            Optional<LeaseBinding> ownUpdateInFlight, BindingUpdate received, Optional<HashBucketAssignment> hba,
            Instant now) {
        if (received.assignedAddress().isEmpty() || received.bindingStatus().isEmpty()) {
            return BindingUpdateVerdict.reject(RejectReason.MISSING_BINDING_INFO, "binding update lacks required options");
        }
        Optional<LeaseBinding> parsed = LeaseBinding.from(received);
        if (parsed.isEmpty()) {
            return BindingUpdateVerdict.reject(RejectReason.MISC, "binding status or chaddr not understood");
        }
        LeaseBinding incoming = parsed.get();
        if (local.isEmpty()) {
            return BindingUpdateVerdict.reject(RejectReason.ILLEGAL_IP_ADDRESS, "unknown IP address");
        }
        LeaseFacts lease = local.get();
        Instant incomingCltt = incoming.clientLastTransactionTime().orElse(Instant.EPOCH);
        if (ownUpdateInFlight.isPresent()
                && localIsBetter(role, ownUpdateInFlight.get().status(), lease.cltt(), incoming.status(), incomingCltt)) {
            return BindingUpdateVerdict.reject(RejectReason.LESS_CRITICAL_BINDING_INFO,
                    "incoming update is less critical than outgoing update");
        }
        if (lease.status() == ACTIVE && incoming.status() == ACTIVE && !lease.cltt().equals(Instant.EPOCH)
                && incoming.clientLastTransactionTime().isPresent() && incomingCltt.isBefore(lease.cltt())) {
            // Stale after a partition: we bound or renewed the address later than the partner did (ISC
            // would overwrite the newer binding with the older one, and free it when the old one ends).
            return BindingUpdateVerdict.reject(RejectReason.OUTDATED_BINDING_INFO, "outdated binding information");
        }
        if (incoming.hardwareAddress().isPresent() && incoming.status() == ABANDONED) {
            return BindingUpdateVerdict.reject(RejectReason.MISC, "BNDUPD to ABANDONED with a CHADDR");
        }
        if (incoming.hardwareAddress().isEmpty()
                && (incoming.status() == ACTIVE || incoming.status() == EXPIRED || incoming.status() == RELEASED)) {
            return BindingUpdateVerdict.reject(RejectReason.MISSING_BINDING_INFO, "BNDUPD without CHADDR");
        }
        if (incoming.clientIdentifier().isPresent() && incoming.status() == ABANDONED) {
            return BindingUpdateVerdict.reject(RejectReason.MISC, "BNDUPD to ABANDONED with client-id");
        }
        BindingStatus allowed = myState == FailoverState.NORMAL
                ? BindingTransitions.normal(lease, role, incoming, now)
                : BindingTransitions.conflict(lease, incoming, now);
        if (allowed != incoming.status()) {
            return BindingUpdateVerdict.reject(RejectReason.FATAL_CONFLICT, incoming.address()
                    + ": invalid state transition: " + lease.status().leaseFileName() + " to "
                    + incoming.status().leaseFileName());
        }
        if (incoming.status().isTransitional()) {
            boolean affinity = role == Role.PRIMARY && incoming.ipFlags() == 0 && LoadBalanceHash.peerWants(role, hba,
                    incoming.clientIdentifier(), incoming.hardwareAddress().map(HardwareAddress::bytes));
            return BindingUpdateVerdict.accept(FREE, affinity);
        }
        return BindingUpdateVerdict.accept(incoming.status(), false);
    }

    /** Dueling updates (ISC failover_lease_is_better): true keeps our in-flight update. */
    static boolean localIsBetter(Role role, BindingStatus local, Instant localCltt, BindingStatus incoming,
            Instant incomingCltt) {
        if (local == ACTIVE) {
            if (incoming == ACTIVE) {
                int order = incomingCltt.compareTo(localCltt);
                return order < 0 || (order == 0 && role == Role.PRIMARY);
            }
            if (incoming == EXPIRED) {
                return false;
            }
        }
        return incoming != ACTIVE && role == Role.PRIMARY;
    }

    /** §9.4.2: MCLT after the latest of stos, client expiration, sent and acknowledged potential expiration. */
    private static Instant reusableAfter(FailoverStatus status, LeaseFacts lease) {
        return later(later(status.myStos(), lease.ends()), later(lease.tstp(), lease.tsfp())).plus(status.mcltOrZero());
    }

    private static Instant later(Instant a, Instant b) {
        return a.isAfter(b) ? a : b;
    }
}
