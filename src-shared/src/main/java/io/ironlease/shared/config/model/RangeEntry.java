package io.ironlease.shared.config.model;

import java.util.Optional;

/**
 * A range with where it sits: its shared network (possibly implicit), its subnet (the one containing
 * it, for pools declared directly in a shared network) and its pool, if any.
 */
public record RangeEntry(RangeConfig range, SharedNetworkConfig sharedNetwork, Optional<SubnetConfig> subnet,
        Optional<PoolConfig> pool) {

    /** The failover peer serving this range: the pool's, else none. */
    public Optional<String> failoverPeer() {
        return pool.flatMap(PoolConfig::failoverPeer);
    }
}
