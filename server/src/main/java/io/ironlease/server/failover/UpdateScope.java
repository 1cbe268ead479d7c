package io.ironlease.server.failover;

/** Which bindings the DHCP engine must hand the state machine for sending (§5.16). */
public enum UpdateScope {
    /** UPDREQALL from the partner: every binding in the relationship's pools. */
    ALL,
    /**
     * UPDREQ from the partner, or entering NORMAL: bindings the partner has not acknowledged (ISC:
     * tstp later than atsfp) and every EXPIRED/RELEASED/RESET binding.
     */
    UNACKED
}
