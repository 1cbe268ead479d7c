package io.ironlease.server.failover;

import java.time.Duration;
import java.time.Instant;

/**
 * The lease time a server may give a client and what it tells the partner (draft §5.2.1).
 *
 * @param leaseTime the lease time in the DHCPACK
 * @param potentialExpiration the lease's new tstp, sent as potential-expiration-time in the BNDUPD
 * @param tsfp the acknowledged potential expiration to keep (lowered if the new tstp is earlier)
 */
public record LeaseGrant(Duration leaseTime, Instant potentialExpiration, Instant tsfp) {
}
