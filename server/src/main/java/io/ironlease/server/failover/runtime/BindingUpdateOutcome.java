package io.ironlease.server.failover.runtime;

import io.ironlease.server.failover.BindingUpdateVerdict;
import io.ironlease.server.failover.wire.RejectReason;
import java.util.Objects;
import java.util.Optional;

/**
 * The engine's answer to a BNDUPD, reported once an accepted binding is on disk: stored (BNDACK
 * without reject-reason) or refused with a reason and ISC's message text (BNDACK with both).
 */
public record BindingUpdateOutcome(Optional<RejectReason> rejectReason, Optional<String> message) {

    public BindingUpdateOutcome {
        Objects.requireNonNull(rejectReason, "rejectReason");
        Objects.requireNonNull(message, "message");
    }

    public static BindingUpdateOutcome stored() {
        return new BindingUpdateOutcome(Optional.empty(), Optional.empty());
    }

    public static BindingUpdateOutcome rejected(RejectReason reason, String message) {
        return new BindingUpdateOutcome(Optional.of(reason), Optional.of(message));
    }

    /** The outcome a verdict leads to, for an accepted verdict once it is stored. */
    public static BindingUpdateOutcome of(BindingUpdateVerdict verdict) {
        return verdict.accepted() ? stored()
                : rejected(verdict.rejectReason().orElse(RejectReason.MISC), verdict.message());
    }

    public boolean isStored() {
        return rejectReason.isEmpty();
    }
}
