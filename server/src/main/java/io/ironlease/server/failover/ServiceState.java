package io.ironlease.server.failover;

import io.ironlease.shared.leases.FailoverState;

/**
 * How a server serves clients given both failover states, as ISC dhcpd derives it
 * (dhcp_failover_set_service_state): the DHCP engine reads this, not the raw states.
 */
public enum ServiceState {
    /** NORMAL: load balancing by hash, each server allocates from what it owns. */
    COOPERATING,
    /** COMMUNICATIONS-INTERRUPTED: answer every client, allocate only what this server owns (§9.9). */
    NOT_COOPERATING,
    /** PARTNER-DOWN: answer every client, the partner's addresses become usable after MCLT (§9.4). */
    PARTNER_DOWN,
    /** Recovering, resolving conflicts, paused or shut down: answer nobody. */
    NOT_RESPONDING,
    /** STARTUP (§9.3): answer nobody until the partner's state is known or the startup timer ends. */
    STARTUP;

    /** Derives the service state from my state and the partner's (the partner can silence us). */
    public static ServiceState of(FailoverState me, FailoverState partner) {
        ServiceState mine = switch (me) {
            case PARTNER_DOWN -> PARTNER_DOWN;
            case NORMAL -> COOPERATING;
            case COMMUNICATIONS_INTERRUPTED -> NOT_COOPERATING;
            case STARTUP -> STARTUP;
            default -> NOT_RESPONDING;
        };
        if (mine != NOT_RESPONDING && (partner == FailoverState.PARTNER_DOWN
                || partner == FailoverState.POTENTIAL_CONFLICT || partner == FailoverState.CONFLICT_DONE
                || partner == FailoverState.RESOLUTION_INTERRUPTED)) {
            return NOT_RESPONDING;
        }
        return mine;
    }

    /** ISC's explanation in "not responding (...)" log lines; empty when the server answers. */
    public static String reason(FailoverState me, FailoverState partner) {
        if (of(me, partner) != NOT_RESPONDING && of(me, partner) != STARTUP) {
            return "";
        }
        return switch (me) {
            case RESOLUTION_INTERRUPTED, POTENTIAL_CONFLICT, CONFLICT_DONE -> " (resolving conflicts)";
            case RECOVER -> " (recovering)";
            case SHUTDOWN -> " (shut down)";
            case PAUSED -> " (paused)";
            case RECOVER_WAIT -> " (recover wait)";
            case RECOVER_DONE -> " (recover done)";
            case STARTUP -> " (startup)";
            case UNKNOWN -> " (my state unknown)";
            default -> partner == FailoverState.PARTNER_DOWN ? " (peer demands: recovering)"
                    : " (peer demands: resolving conflicts)";
        };
    }

    /** Whether the server answers DHCP clients at all in this service state. */
    public boolean answersClients() {
        return this == COOPERATING || this == NOT_COOPERATING || this == PARTNER_DOWN;
    }
}
