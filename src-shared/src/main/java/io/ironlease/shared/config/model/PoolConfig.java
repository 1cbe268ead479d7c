package io.ironlease.shared.config.model;

import io.ironlease.shared.config.SourcePos;
import java.util.List;
import java.util.Optional;

/**
 * A {@code pool { ... }}: its ranges, permits and the failover peer that shares it (named in the pool
 * itself; as in dhcpd 4.4, a shared-network's {@code failover peer} statement is not inherited).
 */
public record PoolConfig(SourcePos pos, Scope scope, Optional<String> failoverPeer, List<PoolPermitRule> permits,
        List<RangeConfig> ranges) {

    public PoolConfig {
        permits = List.copyOf(permits);
        ranges = List.copyOf(ranges);
    }

    /** Addresses in all ranges of the pool. */
    public long size() {
        return ranges.stream().mapToLong(RangeConfig::size).sum();
    }
}
