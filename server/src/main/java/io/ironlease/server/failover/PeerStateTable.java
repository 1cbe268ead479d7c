package io.ironlease.server.failover;

import static io.ironlease.shared.leases.FailoverState.COMMUNICATIONS_INTERRUPTED;
import static io.ironlease.shared.leases.FailoverState.NORMAL;
import static io.ironlease.shared.leases.FailoverState.PARTNER_DOWN;
import static io.ironlease.shared.leases.FailoverState.POTENTIAL_CONFLICT;
import static io.ironlease.shared.leases.FailoverState.RECOVER;
import static io.ironlease.shared.leases.FailoverState.SHUTDOWN;

import io.ironlease.shared.leases.FailoverState;

/**
 * What a server does when the partner's STATE message announces a new state (draft §9.2, as ISC
 * dhcpd 4.4 implements it in dhcp_failover_peer_state_changed). Pure: a function of my state (the
 * saved one while in STARTUP), the partner's previous and new state and its STARTUP flag.
 */
final class PeerStateTable {

    enum Kind {
        /** Nothing to do. */
        NONE,
        /** Both servers normal: only a log line (pool rebalancing is scheduled by the engine). */
        BOTH_NORMAL,
        /** Move to {@code target}. */
        MOVE,
        /** In RECOVER (not STARTUP), ask for everything again with UPDREQALL. */
        REQUEST_ALL_IF_RECOVERING,
        /** The partner finished its conflict pass; ask for its updates with UPDREQ. */
        REQUEST_PARTNER_UPDATES,
        /** COMMUNICATIONS-INTERRUPTED and the partner is back: send pending updates, then NORMAL. */
        SEND_UPDATES_THEN_NORMAL,
        /** The partner made a move the protocol forbids here: log it and shut down. */
        INVALID
    }

    record Reaction(Kind kind, FailoverState target, String note) {
        static Reaction none() {
            return new Reaction(Kind.NONE, null, "");
        }

        static Reaction move(FailoverState target, String note) {
            return new Reaction(Kind.MOVE, target, note);
        }

        static Reaction of(Kind kind, String note) {
            return new Reaction(kind, kind == Kind.SEND_UPDATES_THEN_NORMAL ? NORMAL : null, note);
        }
    }

    private PeerStateTable() {
    }

    static Reaction react(FailoverState mine, boolean inStartup, FailoverState previous, FailoverState next,
            boolean peerStartingUp) {
        String why = "peer moved to " + next;
        switch (mine) {
            case NORMAL:
                switch (next) {
                    case NORMAL: return Reaction.of(Kind.BOTH_NORMAL, "both servers normal");
                    case PARTNER_DOWN: return inStartup ? Reaction.move(RECOVER, why)
                            : Reaction.move(POTENTIAL_CONFLICT, why);
                    case POTENTIAL_CONFLICT: case RESOLUTION_INTERRUPTED: case CONFLICT_DONE:
                        return Reaction.of(Kind.INVALID, "invalid peer transition " + previous + " to " + next);
                    case RECOVER: case SHUTDOWN: return Reaction.move(PARTNER_DOWN, why);
                    case PAUSED: return Reaction.move(COMMUNICATIONS_INTERRUPTED, why);
                    default: return Reaction.none();
                }
            case RECOVER:
                switch (next) {
                    case RECOVER: case PARTNER_DOWN: case COMMUNICATIONS_INTERRUPTED:
                        return Reaction.of(Kind.REQUEST_ALL_IF_RECOVERING, "requesting full update from peer");
                    case POTENTIAL_CONFLICT: case RESOLUTION_INTERRUPTED: case CONFLICT_DONE: case NORMAL:
                        return Reaction.move(POTENTIAL_CONFLICT, why);
                    case SHUTDOWN: return Reaction.move(PARTNER_DOWN, why);
                    default: return Reaction.none();
                }
            case POTENTIAL_CONFLICT:
                switch (next) {
                    case NORMAL: return Reaction.of(Kind.INVALID, "peer moves to normal during conflict resolution");
                    case CONFLICT_DONE: return previous == POTENTIAL_CONFLICT
                            ? Reaction.of(Kind.REQUEST_PARTNER_UPDATES, "peer finished its conflict pass")
                            : Reaction.none();
                    case RECOVER: return Reaction.move(RECOVER, why);
                    case SHUTDOWN: return Reaction.move(PARTNER_DOWN, why);
                    default: return Reaction.none();
                }
            case CONFLICT_DONE:
                switch (next) {
                    case NORMAL: case SHUTDOWN:
                        return Reaction.move(next, why);
                    default: return Reaction.of(Kind.INVALID,
                            "invalid peer move from " + previous + " to " + next + " while conflict-done");
                }
            case PARTNER_DOWN:
                if (peerStartingUp) {
                    return Reaction.none();
                }
                switch (next) {
                    case RECOVER_DONE: return Reaction.move(NORMAL, why);
                    case NORMAL: case POTENTIAL_CONFLICT: case PARTNER_DOWN: case COMMUNICATIONS_INTERRUPTED:
                    case RESOLUTION_INTERRUPTED: case CONFLICT_DONE:
                        return Reaction.move(POTENTIAL_CONFLICT, why);
                    default: return Reaction.none();
                }
            case COMMUNICATIONS_INTERRUPTED:
                switch (next) {
                    case RECOVER: case SHUTDOWN: return Reaction.move(PARTNER_DOWN, why);
                    case NORMAL: case COMMUNICATIONS_INTERRUPTED: case RECOVER_DONE: case RECOVER_WAIT:
                        return Reaction.of(Kind.SEND_UPDATES_THEN_NORMAL, "peer is back in " + next);
                    case POTENTIAL_CONFLICT: case PARTNER_DOWN: case RESOLUTION_INTERRUPTED: case CONFLICT_DONE:
                        return Reaction.move(POTENTIAL_CONFLICT, why);
                    default: return Reaction.none();
                }
            case RESOLUTION_INTERRUPTED:
                switch (next) {
                    case SHUTDOWN: return Reaction.move(PARTNER_DOWN, why);
                    case PAUSED: case UNKNOWN: case STARTUP: return Reaction.none();
                    default: return Reaction.move(POTENTIAL_CONFLICT, why);
                }
            case RECOVER_DONE:
                switch (next) {
                    case RECOVER_DONE: return Reaction.move(NORMAL, "both servers have entered recover-done");
                    case NORMAL: return Reaction.move(NORMAL, why);
                    case SHUTDOWN: return Reaction.move(PARTNER_DOWN, why);
                    default: return Reaction.none();
                }
            default:
                // RECOVER-WAIT just waits; SHUTDOWN and PAUSED make no automatic moves.
                return Reaction.none();
        }
    }
}
