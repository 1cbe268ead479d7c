package io.ironlease.pools.model;

/**
 * How dhcpd-pools classifies an address by the binding state of its last lease record: {@code active}
 * is in use ("cur"), {@code backup} belongs to the failover secondary ("bu"), and {@code free},
 * {@code expired}, {@code released} and {@code abandoned} were once handed out ("touch"). Other states
 * ({@code bootp}, {@code reset}) leave an address as it was.
 */
public enum LeaseKind {
    ACTIVE,
    TOUCHED,
    BACKUP;

    /**
     * The kind for an ISC binding-state keyword as written in dhcpd.leases, or null for a state that
     * dhcpd-pools does not count ({@code bootp}, {@code reset}, anything unknown).
     */
    public static LeaseKind ofBindingState(String keyword) {
        return switch (keyword) {
            case "active" -> ACTIVE;
            case "backup" -> BACKUP;
            case "free", "expired", "released", "abandoned" -> TOUCHED;
            default -> null;
        };
    }
}
