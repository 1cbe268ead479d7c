package io.ironlease.server.failover;

import io.ironlease.shared.net.Ipv4Address;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * One {@code failover peer "name" { ... }} declaration, as the failover core needs it. Durations are
 * whole seconds on the wire. The defaults are ISC dhcpd 4.4's (includes/failover.h, confpars.c).
 *
 * @param mclt required on the primary; a secondary learns it from CONNECT (it may still configure one)
 * @param hba required on the primary ({@code split N} or {@code hba}); a secondary receives it in CONNECT
 * @param autoPartnerDown zero disables automatic partner-down (the ISC default)
 */
public record FailoverSettings(String peerName, Role role, Ipv4Address localAddress, int localPort,
        Ipv4Address peerAddress, int peerPort, Duration maxResponseDelay, int maxUnackedUpdates,
        Optional<Duration> mclt, Optional<HashBucketAssignment> hba, int loadBalanceMaxSeconds,
        Duration autoPartnerDown, int maxLeaseMisbalancePercent, int maxLeaseOwnershipPercent,
        Duration minBalance, Duration maxBalance) {

    public static final int DEFAULT_PORT = 647;
    public static final Duration DEFAULT_MAX_RESPONSE_DELAY = Duration.ofSeconds(20);
    public static final int DEFAULT_MAX_UNACKED_UPDATES = 100;
    public static final int DEFAULT_LOAD_BALANCE_MAX_SECONDS = 3;
    public static final int DEFAULT_MAX_LEASE_MISBALANCE = 15;
    public static final int DEFAULT_MAX_LEASE_OWNERSHIP = 10;
    public static final Duration DEFAULT_MIN_BALANCE = Duration.ofSeconds(60);
    public static final Duration DEFAULT_MAX_BALANCE = Duration.ofSeconds(3600);

    public FailoverSettings {
        Objects.requireNonNull(peerName, "peerName");
        Objects.requireNonNull(role, "role");
        Objects.requireNonNull(localAddress, "localAddress");
        Objects.requireNonNull(peerAddress, "peerAddress");
        if (peerName.isEmpty() || peerName.chars().anyMatch(c -> c > 0xff)) {
            throw new IllegalArgumentException("failover peer name must be non-empty ISO-8859-1 text: \"" + peerName + "\"");
        }
        port(localPort, "port");
        port(peerPort, "peer port");
        seconds(maxResponseDelay, "max-response-delay", 1);
        if (maxUnackedUpdates < 1) {
            throw new IllegalArgumentException("max-unacked-updates must be at least 1, got " + maxUnackedUpdates);
        }
        mclt.ifPresent(m -> seconds(m, "mclt", 0));
        if (role == Role.PRIMARY && mclt.isEmpty()) {
            throw new IllegalArgumentException("failover peer \"" + peerName + "\": the primary must set mclt");
        }
        if (role == Role.PRIMARY && hba.isEmpty()) {
            throw new IllegalArgumentException("failover peer \"" + peerName + "\": the primary must set split or hba");
        }
        if (loadBalanceMaxSeconds < 0 || loadBalanceMaxSeconds > 0xffff) {
            throw new IllegalArgumentException("load balance max seconds out of 0-65535: " + loadBalanceMaxSeconds);
        }
        seconds(autoPartnerDown, "auto-partner-down", 0);
        percent(maxLeaseMisbalancePercent, "max-lease-misbalance");
        percent(maxLeaseOwnershipPercent, "max-lease-ownership");
        seconds(minBalance, "min-balance", 0);
        seconds(maxBalance, "max-balance", 0);
    }

    /** A primary with ISC's defaults for everything the seed does not set. */
    public static FailoverSettings primary(String name, Ipv4Address local, Ipv4Address peer, Duration mclt,
            HashBucketAssignment hba) {
        return new FailoverSettings(name, Role.PRIMARY, local, DEFAULT_PORT, peer, DEFAULT_PORT,
                DEFAULT_MAX_RESPONSE_DELAY, DEFAULT_MAX_UNACKED_UPDATES, Optional.of(mclt), Optional.of(hba),
                DEFAULT_LOAD_BALANCE_MAX_SECONDS, Duration.ZERO, DEFAULT_MAX_LEASE_MISBALANCE,
                DEFAULT_MAX_LEASE_OWNERSHIP, DEFAULT_MIN_BALANCE, DEFAULT_MAX_BALANCE);
    }

    /** A secondary with ISC's defaults; MCLT and HBA come from the primary's CONNECT. */
    public static FailoverSettings secondary(String name, Ipv4Address local, Ipv4Address peer) {
        return new FailoverSettings(name, Role.SECONDARY, local, DEFAULT_PORT, peer, DEFAULT_PORT,
                DEFAULT_MAX_RESPONSE_DELAY, DEFAULT_MAX_UNACKED_UPDATES, Optional.empty(), Optional.empty(),
                DEFAULT_LOAD_BALANCE_MAX_SECONDS, Duration.ZERO, DEFAULT_MAX_LEASE_MISBALANCE,
                DEFAULT_MAX_LEASE_OWNERSHIP, DEFAULT_MIN_BALANCE, DEFAULT_MAX_BALANCE);
    }

    public FailoverSettings withPorts(int local, int peer) {
        return new FailoverSettings(peerName, role, localAddress, local, peerAddress, peer, maxResponseDelay,
                maxUnackedUpdates, mclt, hba, loadBalanceMaxSeconds, autoPartnerDown, maxLeaseMisbalancePercent,
                maxLeaseOwnershipPercent, minBalance, maxBalance);
    }

    public FailoverSettings withMaxResponseDelay(Duration delay, int maxUnacked) {
        return new FailoverSettings(peerName, role, localAddress, localPort, peerAddress, peerPort, delay,
                maxUnacked, mclt, hba, loadBalanceMaxSeconds, autoPartnerDown, maxLeaseMisbalancePercent,
                maxLeaseOwnershipPercent, minBalance, maxBalance);
    }

    public FailoverSettings withLoadBalanceMaxSeconds(int seconds) {
        return new FailoverSettings(peerName, role, localAddress, localPort, peerAddress, peerPort, maxResponseDelay,
                maxUnackedUpdates, mclt, hba, seconds, autoPartnerDown, maxLeaseMisbalancePercent,
                maxLeaseOwnershipPercent, minBalance, maxBalance);
    }

    public FailoverSettings withAutoPartnerDown(Duration delay) {
        return new FailoverSettings(peerName, role, localAddress, localPort, peerAddress, peerPort, maxResponseDelay,
                maxUnackedUpdates, mclt, hba, loadBalanceMaxSeconds, delay, maxLeaseMisbalancePercent,
                maxLeaseOwnershipPercent, minBalance, maxBalance);
    }

    private static void port(int port, String what) {
        if (port < 0 || port > 65535) {
            throw new IllegalArgumentException(what + " out of 0-65535: " + port);
        }
    }

    private static void seconds(Duration d, String what, long min) {
        Objects.requireNonNull(d, what);
        if (d.getNano() != 0 || d.getSeconds() < min || d.getSeconds() > 0xffff_ffffL) {
            throw new IllegalArgumentException(what + " must be whole seconds, at least " + min + ": " + d);
        }
    }

    private static void percent(int value, String what) {
        if (value < 0 || value > 100) {
            throw new IllegalArgumentException(what + " must be 0-100 percent: " + value);
        }
    }
}
