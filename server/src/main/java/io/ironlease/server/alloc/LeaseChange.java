package io.ironlease.server.alloc;

import io.ironlease.shared.leases.Lease;
import java.util.Objects;

/**
 * One binding change the engine made in memory and must make durable: the lease before (null when
 * the address had none) and after. Rolling back puts {@code before} back if nothing replaced
 * {@code after} meanwhile.
 */
public record LeaseChange(Lease before, Lease after) {

    public LeaseChange {
        Objects.requireNonNull(after, "after");
    }
}
