package io.ironlease.shared.leases;

import java.util.Objects;

/** A {@code lease A.B.C.D { ... }} declaration. */
public record LeaseRecord(Lease lease) implements LeaseFileRecord {
    public LeaseRecord {
        Objects.requireNonNull(lease, "lease");
    }
}
