package io.ironlease.server.failover;

import java.util.Optional;

/**
 * A failover endpoint state (draft-ietf-dhc-failover-12 §9) with the number ISC uses on the wire
 * (server-state option), in OMAPI ({@code local-state}, {@code partner-state}) and the name it writes
 * in dhcpd.leases ({@code my state partner-down at ...}). UNKNOWN_STATE (0) is ISC's value for a
 * partner it has not heard from yet; RECOVER_WAIT is 254, as ISC numbers it (the draft gives no code).
 */
public enum FailoverState {
    UNKNOWN_STATE(0, "unknown-state"),
    STARTUP(1, "startup"),
    NORMAL(2, "normal"),
    COMMUNICATIONS_INTERRUPTED(3, "communications-interrupted"),
    PARTNER_DOWN(4, "partner-down"),
    POTENTIAL_CONFLICT(5, "potential-conflict"),
    RECOVER(6, "recover"),
    PAUSED(7, "paused"),
    SHUTDOWN(8, "shutdown"),
    RECOVER_DONE(9, "recover-done"),
    RESOLUTION_INTERRUPTED(10, "resolution-interrupted"),
    CONFLICT_DONE(11, "conflict-done"),
    RECOVER_WAIT(254, "recover-wait");

    private final int code;
    private final String leaseFileName;

    FailoverState(int code, String leaseFileName) {
        this.code = code;
        this.leaseFileName = leaseFileName;
    }

    public int code() {
        return code;
    }

    /** The name in dhcpd.leases and in ISC's log lines ("I move from normal to partner-down"). */
    public String leaseFileName() {
        return leaseFileName;
    }

    public static Optional<FailoverState> fromCode(int code) {
        for (FailoverState state : values()) {
            if (state.code == code) {
                return Optional.of(state);
            }
        }
        return Optional.empty();
    }

    public static Optional<FailoverState> fromLeaseFileName(String name) {
        for (FailoverState state : values()) {
            if (state.leaseFileName.equals(name)) {
                return Optional.of(state);
            }
        }
        return Optional.empty();
    }

    @Override
    public String toString() {
        return leaseFileName;
    }
}
