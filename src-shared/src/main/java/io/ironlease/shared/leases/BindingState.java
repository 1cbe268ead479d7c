package io.ironlease.shared.leases;

import java.util.Optional;

/**
 * The binding state of a lease, as dhcpd.leases spells it ({@code binding state active;}).
 *
 * <p>{@link #code()} is ISC's {@code FTS_*} number, which OMAPI sends as a lease's {@code state}
 * (1 free .. 9 bootp). {@link #failoverCode()} is the binding-status a failover BNDUPD carries
 * (the binding-status of draft-ietf-dhc-failover-12: 1 free .. 7 backup); reserved and bootp have none, because
 * the failover protocol carries them as flags on an active binding.
 */
public enum BindingState {
    FREE("free", 1, 1),
    ACTIVE("active", 2, 2),
    EXPIRED("expired", 3, 3),
    RELEASED("released", 4, 4),
    ABANDONED("abandoned", 5, 5),
    RESET("reset", 6, 6),
    BACKUP("backup", 7, 7),
    RESERVED("reserved", 8, -1),
    BOOTP("bootp", 9, -1);

    private static final BindingState[] BY_CODE = values();

    private final String fileName;
    private final int code;
    private final int failoverCode;

    BindingState(String fileName, int code, int failoverCode) {
        this.fileName = fileName;
        this.code = code;
        this.failoverCode = failoverCode;
    }

    /** The word written in dhcpd.leases. */
    public String fileName() {
        return fileName;
    }

    /** ISC's FTS_* code, also OMAPI's lease {@code state} value. */
    public int code() {
        return code;
    }

    /** Whether a failover BNDUPD can carry this state as its binding-status. */
    public boolean hasFailoverCode() {
        return failoverCode > 0;
    }

    /** The failover binding-status; throws for reserved and bootp, which have none. */
    public int failoverCode() {
        if (failoverCode < 0) {
            throw new IllegalStateException(fileName + " has no failover binding-status");
        }
        return failoverCode;
    }

    /** The state for an ISC/OMAPI code; unknown codes throw, never a silent default. */
    public static BindingState fromCode(int code) {
        if (code < 1 || code > BY_CODE.length) {
            throw new IllegalArgumentException("unknown binding state code " + code + " (expected 1-9)");
        }
        return BY_CODE[code - 1];
    }

    /** The state for a failover binding-status (1-7); other values throw. */
    public static BindingState fromFailoverCode(int code) {
        if (code < 1 || code > 7) {
            throw new IllegalArgumentException("unknown failover binding-status " + code + " (expected 1-7)");
        }
        return BY_CODE[code - 1];
    }

    /** The state for its dhcpd.leases word, or empty. */
    public static Optional<BindingState> fromFileName(String name) {
        for (BindingState state : BY_CODE) {
            if (state.fileName.equals(name)) {
                return Optional.of(state);
            }
        }
        return Optional.empty();
    }

    /** The words a lease file may use, for "expected one of" messages. */
    static String knownNames() {
        StringBuilder names = new StringBuilder();
        for (BindingState state : BY_CODE) {
            names.append(names.length() == 0 ? "" : ", ").append(state.fileName);
        }
        return names.toString();
    }
}
