package io.ironlease.server.failover;

import static io.ironlease.server.failover.BindingStatus.ACTIVE;
import static io.ironlease.server.failover.BindingStatus.BACKUP;
import static io.ironlease.server.failover.BindingStatus.EXPIRED;
import static io.ironlease.server.failover.BindingStatus.FREE;
import static io.ironlease.server.failover.BindingStatus.RELEASED;
import static io.ironlease.server.failover.BindingStatus.RESET;

import java.time.Instant;

/**
 * The binding-status transitions a server accepts from its partner (draft §5.11; ISC
 * normal_binding_state_transition_check and conflict_binding_state_transition_check). Each returns
 * the status to use: the proposed one when it is allowed, otherwise the current one.
 */
final class BindingTransitions {

    private BindingTransitions() {
    }

    /**
     * In NORMAL: each side may only move its own addresses and agreed expiries forward. Unlike ISC,
     * an active lease is never ended by an update about a different client: that update is stale.
     */
    static BindingStatus normal(LeaseFacts lease, Role role, LeaseBinding incoming, Instant now) {
        BindingStatus current = lease.status();
        BindingStatus proposed = incoming.status();
        Instant proposedTsfp = incoming.potentialExpiration();
        if (proposed == current) {
            return proposed;
        }
        if (current == ACTIVE && !lease.sameClientAs(incoming)) {
            return current;
        }
        boolean notYetExpiredForPartner = proposedTsfp.isAfter(now);
        switch (current) {
            case FREE:
            case ABANDONED:
                return proposed; // ISC lets even a wrong move of a free address through (and logs nothing)
            case ACTIVE:
                if (role == Role.PRIMARY) {
                    // The secondary cannot change an active lease, except for the client's DHCPRELEASE.
                    return proposed == RELEASED ? proposed : current;
                }
                if (proposed == FREE || proposed == BACKUP) {
                    // Unlike ISC, not while our client still holds it: a balancing update that crossed our
                    // grant of a BACKUP address carries the primary's stale view (found by FailoverTakeoverIT)
                    return notYetExpiredForPartner || lease.ends().isAfter(now) ? current : proposed;
                }
                if (proposed == EXPIRED) {
                    return lease.ends().minus(LeaseOwnership.EXPIRY_SLACK).isAfter(now) ? current : proposed;
                }
                return proposed;
            case EXPIRED:
            case RESET:
                if (proposed == FREE || proposed == BACKUP) {
                    return notYetExpiredForPartner ? current : proposed;
                }
                return proposed;
            case RELEASED:
                return proposed;
            default: // BACKUP: the secondary may use it, either side may free it
                return proposed;
        }
    }

    /**
     * Outside NORMAL (after a partition): whatever the partner saw wins, except over an active lease,
     * and never for an update about another client than the one holding it (ISC's 65 s slack alone
     * lets a stale EXPIRED free a short lease another client holds).
     */
    static BindingStatus conflict(LeaseFacts lease, LeaseBinding incoming, Instant now) {
        BindingStatus current = lease.status();
        BindingStatus proposed = incoming.status();
        if (proposed == current || current != ACTIVE) {
            return proposed;
        }
        if (!lease.sameClientAs(incoming)) {
            return current;
        }
        switch (proposed) {
            case FREE:
            case BACKUP:
                return current;
            case EXPIRED:
                return lease.ends().minus(LeaseOwnership.EXPIRY_SLACK).isAfter(now) ? current : proposed;
            default: // RELEASED, RESET, ABANDONED: the partner saw something we did not
                return proposed;
        }
    }
}
