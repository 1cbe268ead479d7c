package io.ironlease.shared.config.model;

import io.ironlease.shared.config.SourcePos;
import io.ironlease.shared.options.HostRef;
import java.time.Duration;
import java.util.Arrays;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * A {@code failover peer "NAME" { ... }} declaration, with dhcpd's defaults filled in for what the
 * file leaves out (ports 647, max-response-delay 20 s, max-unacked-updates 100, max-lease-misbalance
 * 15 %, max-lease-ownership 10 %, min-balance 60 s, max-balance 3600 s, load balancing and
 * auto-partner-down off). The load-balancing split is typed as RFC 3074 hash buckets: {@code split}
 * N gives the primary buckets 0..N-1; {@code hba} gives an explicit 256-bit map.
 *
 * @param address     where this server listens for its peer (also its failover identifier)
 * @param peerAddress where this server connects to reach its peer
 * @param mclt        maximum client lead time; set on the primary only
 * @param split       {@code split N} (0-256), on the primary only
 * @param hba         {@code hba} bitmap of 32 bytes, or empty; on the primary only
 */
public record FailoverPeerConfig(String name, SourcePos pos, FailoverRole role, HostRef address, int port,
        HostRef peerAddress, int peerPort, Duration maxResponseDelay, int maxUnackedUpdates,
        Optional<Duration> mclt, OptionalInt split, byte[] hba, Duration loadBalanceMaxSeconds,
        int maxLeaseMisbalance, int maxLeaseOwnership, Duration minBalance, Duration maxBalance,
        Duration autoPartnerDown) {

    /** IANA's dhcp-failover port, dhcpd's default for both ends. */
    public static final int DEFAULT_PORT = 647;
    public static final Duration DEFAULT_MAX_RESPONSE_DELAY = Duration.ofSeconds(20);
    public static final int DEFAULT_MAX_UNACKED_UPDATES = 100;
    public static final int DEFAULT_MAX_LEASE_MISBALANCE = 15;
    public static final int DEFAULT_MAX_LEASE_OWNERSHIP = 10;
    public static final Duration DEFAULT_MIN_BALANCE = Duration.ofSeconds(60);
    public static final Duration DEFAULT_MAX_BALANCE = Duration.ofSeconds(3600);

    public FailoverPeerConfig {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(role, "role");
        hba = hba.clone();
        if (hba.length != 0 && hba.length != 32) {
            throw new IllegalArgumentException("hba must be 32 bytes, got " + hba.length);
        }
    }

    @Override
    public byte[] hba() {
        return hba.clone();
    }

    /**
     * The 32-byte load-balancing bitmap this peer's configuration defines: hash bucket {@code i} belongs
     * to the primary when bit {@code i % 8} (least significant first) of byte {@code i / 8} is set, as
     * dhcpd builds it from {@code split}. Empty when neither split nor hba is given (a secondary).
     */
    public Optional<byte[]> loadBalanceBitmap() {
        if (hba.length == 32) {
            return Optional.of(hba.clone());
        }
        if (split.isEmpty()) {
            return Optional.empty();
        }
        byte[] bitmap = new byte[32];
        for (int bucket = 0; bucket < split.getAsInt(); bucket++) {
            bitmap[bucket / 8] |= (byte) (1 << (bucket % 8));
        }
        return Optional.of(bitmap);
    }

    public boolean isPrimary() {
        return role == FailoverRole.PRIMARY;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof FailoverPeerConfig other && name.equals(other.name) && pos.equals(other.pos)
                && role == other.role && Objects.equals(address, other.address) && port == other.port
                && Objects.equals(peerAddress, other.peerAddress) && peerPort == other.peerPort
                && maxResponseDelay.equals(other.maxResponseDelay) && maxUnackedUpdates == other.maxUnackedUpdates
                && mclt.equals(other.mclt) && split.equals(other.split) && Arrays.equals(hba, other.hba)
                && loadBalanceMaxSeconds.equals(other.loadBalanceMaxSeconds)
                && maxLeaseMisbalance == other.maxLeaseMisbalance && maxLeaseOwnership == other.maxLeaseOwnership
                && minBalance.equals(other.minBalance) && maxBalance.equals(other.maxBalance)
                && autoPartnerDown.equals(other.autoPartnerDown);
    }

    @Override
    public int hashCode() {
        return Objects.hash(name, pos, role, address, port, peerAddress, peerPort, mclt, split);
    }

    @Override
    public String toString() {
        return "FailoverPeerConfig[" + name + " " + role.keyword() + " " + address + ":" + port + " <-> "
                + peerAddress + ":" + peerPort + "]";
    }
}
