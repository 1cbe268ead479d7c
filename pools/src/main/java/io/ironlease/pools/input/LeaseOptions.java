package io.ironlease.pools.input;

import java.time.Instant;

/**
 * How lease records become kinds. dhcpd-pools counts an {@code active} record as in use even when its
 * {@code ends} has passed; with {@code expiryAware} (fix (a), {@code --expiry-aware}) such a lease
 * counts as expired, i.e. touched, when its end is at or before {@code now}. {@code keepHardware} keeps
 * hardware addresses for the formats that list active leases.
 */
public record LeaseOptions(boolean keepHardware, boolean expiryAware, Instant now) {

    public static LeaseOptions dhcpdPools(boolean keepHardware) {
        return new LeaseOptions(keepHardware, false, Instant.EPOCH);
    }
}
