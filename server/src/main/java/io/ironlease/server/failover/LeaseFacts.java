package io.ironlease.server.failover;

import java.time.Instant;
import java.util.Objects;

/**
 * What this server's lease database knows about one address, as far as the failover rules need it.
 *
 * @param rewindStatus the last status the partner acknowledged (ISC {@code rewind binding state}); a
 *        lease this server moved on from it without telling the partner may be rewound to it
 * @param ends the lease's expiration ({@link Instant#EPOCH} for a never-used address)
 * @param tsfp the potential expiration time the partner acknowledged (draft §5.2.1)
 * @param cltt the client's last transaction time ({@link Instant#EPOCH} if none)
 */
public record LeaseFacts(BindingStatus status, BindingStatus rewindStatus, Instant ends, Instant tsfp, Instant cltt) {

    public LeaseFacts {
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(rewindStatus, "rewindStatus");
        Objects.requireNonNull(ends, "ends");
        Objects.requireNonNull(tsfp, "tsfp");
        Objects.requireNonNull(cltt, "cltt");
    }

    /** An address that was never handed out and whose status the partner knows. */
    public static LeaseFacts unused(BindingStatus status) {
        return new LeaseFacts(status, status, Instant.EPOCH, Instant.EPOCH, Instant.EPOCH);
    }
}
