package io.ironlease.server.failover;

/** The timers of the failover state machine, with the durations ISC dhcpd 4.4 uses. */
public enum TimerKind {
    /** 15 s after entering STARTUP: give up waiting for the partner's state (§9.3). */
    STARTUP,
    /** 15 s after a TCP connection opens: close it if no CONNECT/CONNECTACK completed (one per link). */
    LINK_STARTUP,
    /** Partner's receive-timer / 3 after the last message sent: send CONTACT (§8.3). */
    CONTACT,
    /** Own max-response-delay after the last message received: the partner is gone (§8.3). */
    RECEIVE_TIMEOUT,
    /** 5 s after losing or failing a connection: try to connect again. */
    RECONNECT,
    /** auto-partner-down after entering COMMUNICATIONS-INTERRUPTED: move to PARTNER-DOWN. */
    AUTO_PARTNER_DOWN,
    /** start-time-of-state + MCLT in RECOVER-WAIT: move to RECOVER-DONE (§9.6). */
    RECOVER_WAIT
}
