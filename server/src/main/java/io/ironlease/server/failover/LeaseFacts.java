package io.ironlease.server.failover;

import io.ironlease.server.failover.wire.Bytes;
import io.ironlease.shared.net.HardwareAddress;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * What this server's lease database knows about one address, as far as the failover rules need it.
 *
 * @param rewindStatus the last status the partner acknowledged (ISC {@code rewind binding state}); a
 *        lease this server moved on from it without telling the partner may be rewound to it
 * @param ends the lease's expiration ({@link Instant#EPOCH} for a never-used address)
 * @param tstp the potential expiration this server last told the partner (the partner may have let
 *        the client keep the address until then plus MCLT)
 * @param tsfp the potential expiration time the partner acknowledged (draft §5.2.1)
 * @param cltt the client's last transaction time ({@link Instant#EPOCH} if none)
 * @param clientIdentifier and {@code hardwareAddress}: the client bound to the address, if any
 */
public record LeaseFacts(BindingStatus status, BindingStatus rewindStatus, Instant ends, Instant tstp, Instant tsfp,
        Instant cltt, Optional<Bytes> clientIdentifier, Optional<HardwareAddress> hardwareAddress) {

    public LeaseFacts {
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(rewindStatus, "rewindStatus");
        Objects.requireNonNull(ends, "ends");
        Objects.requireNonNull(tstp, "tstp");
        Objects.requireNonNull(tsfp, "tsfp");
        Objects.requireNonNull(cltt, "cltt");
        Objects.requireNonNull(clientIdentifier, "clientIdentifier");
        Objects.requireNonNull(hardwareAddress, "hardwareAddress");
    }

    /** Facts without a known client, where nothing was sent beyond the acknowledged time. */
    public LeaseFacts(BindingStatus status, BindingStatus rewindStatus, Instant ends, Instant tsfp, Instant cltt) {
        this(status, rewindStatus, ends, tsfp, tsfp, cltt, Optional.empty(), Optional.empty());
    }

    /**
     * Whether a binding update can be about the client this server has bound: same client
     * identifier when both are known, else same hardware address when both are known, else
     * assumed (as ISC does, which never compares).
     */
    public boolean sameClientAs(LeaseBinding other) {
        if (clientIdentifier.isPresent() && other.clientIdentifier().isPresent()) {
            return clientIdentifier.equals(other.clientIdentifier());
        }
        if (hardwareAddress.isPresent() && other.hardwareAddress().isPresent()) {
            return hardwareAddress.equals(other.hardwareAddress());
        }
        return true;
    }

    /** An address that was never handed out and whose status the partner knows. */
    public static LeaseFacts unused(BindingStatus status) {
        return new LeaseFacts(status, status, Instant.EPOCH, Instant.EPOCH, Instant.EPOCH);
    }
}
