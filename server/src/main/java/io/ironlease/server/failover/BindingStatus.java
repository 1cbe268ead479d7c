package io.ironlease.server.failover;

import java.util.Optional;

/**
 * The binding-status of an address (draft-ietf-dhc-failover-12 §12.3, the lease file's
 * {@code binding state}): wire code and dhcpd.leases name.
 */
public enum BindingStatus {
    FREE(1, "free"),
    ACTIVE(2, "active"),
    EXPIRED(3, "expired"),
    RELEASED(4, "released"),
    ABANDONED(5, "abandoned"),
    RESET(6, "reset"),
    BACKUP(7, "backup");

    private final int code;
    private final String leaseFileName;

    BindingStatus(int code, String leaseFileName) {
        this.code = code;
        this.leaseFileName = leaseFileName;
    }

    public int code() {
        return code;
    }

    public String leaseFileName() {
        return leaseFileName;
    }

    public static Optional<BindingStatus> fromCode(int code) {
        BindingStatus[] all = values();
        return code >= 1 && code <= all.length ? Optional.of(all[code - 1]) : Optional.empty();
    }

    public static Optional<BindingStatus> fromLeaseFileName(String name) {
        for (BindingStatus status : values()) {
            if (status.leaseFileName.equals(name)) {
                return Optional.of(status);
            }
        }
        return Optional.empty();
    }

    /** EXPIRED, RELEASED and RESET wait for the partner's agreement before they become free (§5.11). */
    public boolean isTransitional() {
        return this == EXPIRED || this == RELEASED || this == RESET;
    }
}
