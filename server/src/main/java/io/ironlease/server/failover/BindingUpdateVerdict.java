package io.ironlease.server.failover;

import io.ironlease.server.failover.wire.RejectReason;
import java.util.Optional;

/**
 * The decision on a received BNDUPD: either store the binding with {@code storeAs} (EXPIRED,
 * RELEASED and RESET become FREE at once, ISC's behaviour) and acknowledge it, or refuse with a
 * reason and ISC's message text. {@code handToPartner}: the primary should then move the freed
 * address to BACKUP, because the partner would answer the client that held it (MAC affinity).
 */
public record BindingUpdateVerdict(Optional<BindingStatus> storeAs, boolean handToPartner,
        Optional<RejectReason> rejectReason, String message) {

    public static BindingUpdateVerdict accept(BindingStatus status, boolean handToPartner) {
        return new BindingUpdateVerdict(Optional.of(status), handToPartner, Optional.empty(), "");
    }

    public static BindingUpdateVerdict reject(RejectReason reason, String message) {
        return new BindingUpdateVerdict(Optional.empty(), false, Optional.of(reason), message);
    }

    public boolean accepted() {
        return storeAs.isPresent();
    }
}
