package io.ironlease.shared.leases;

import java.util.Optional;

/**
 * A failover server state (draft-ietf-dhc-failover-12), with ISC's names as dhcpd.leases
 * records them ({@code my state partner-down at ...;}) and the codes ISC uses on the wire and in OMAPI
 * (1 startup .. 11 conflict-done, 254 recover-wait; 0 is a partner never heard from). The one
 * failover-state type of the project: the lease file, the failover state machine and OMAPI share it.
 * RECOVER_WAIT is 254 as ISC numbers it (the draft gives it no code).
 */
public enum FailoverState {
    UNKNOWN("unknown-state", 0),
    STARTUP("startup", 1),
    NORMAL("normal", 2),
    COMMUNICATIONS_INTERRUPTED("communications-interrupted", 3),
    PARTNER_DOWN("partner-down", 4),
    POTENTIAL_CONFLICT("potential-conflict", 5),
    RECOVER("recover", 6),
    PAUSED("paused", 7),
    SHUTDOWN("shutdown", 8),
    RECOVER_DONE("recover-done", 9),
    RESOLUTION_INTERRUPTED("resolution-interrupted", 10),
    CONFLICT_DONE("conflict-done", 11),
    RECOVER_WAIT("recover-wait", 254);

    private final String fileName;
    private final int code;

    FailoverState(String fileName, int code) {
        this.fileName = fileName;
        this.code = code;
    }

    /** The word written in dhcpd.leases and printed by ISC. */
    public String fileName() {
        return fileName;
    }

    /** The state code of the failover STATE option and of OMAPI's local-state/partner-state. */
    public int code() {
        return code;
    }

    /** The state for a code; unknown codes throw, never a silent default. */
    public static FailoverState fromCode(int code) {
        for (FailoverState state : values()) {
            if (state.code == code) {
                return state;
            }
        }
        throw new IllegalArgumentException("unknown failover state code " + code);
    }

    /**
     * The state for a code, or empty for a code no state has (a partner's STATE message may carry
     * one; the failover state machine treats it as an invalid peer state).
     */
    public static Optional<FailoverState> find(int code) {
        for (FailoverState state : values()) {
            if (state.code == code) {
                return Optional.of(state);
            }
        }
        return Optional.empty();
    }

    /** The state for its dhcpd.leases word, or empty. */
    public static Optional<FailoverState> fromFileName(String name) {
        for (FailoverState state : values()) {
            if (state.fileName.equals(name)) {
                return Optional.of(state);
            }
        }
        return Optional.empty();
    }

    /** The dhcpd.leases word, as ISC prints it in its log ("I move from normal to partner-down"). */
    @Override
    public String toString() {
        return fileName;
    }

    static String knownNames() {
        StringBuilder names = new StringBuilder();
        for (FailoverState state : values()) {
            names.append(names.length() == 0 ? "" : ", ").append(state.fileName);
        }
        return names.toString();
    }
}
