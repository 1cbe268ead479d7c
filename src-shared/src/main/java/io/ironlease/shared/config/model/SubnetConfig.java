package io.ironlease.shared.config.model;

import io.ironlease.shared.config.SourcePos;
import io.ironlease.shared.net.Subnet;
import java.util.List;

/**
 * A {@code subnet A netmask M { ... }}: the ranges declared directly in it and its pools. Its scope's
 * parent is its shared network's scope (implicit or declared).
 */
public record SubnetConfig(Subnet subnet, SourcePos pos, Scope scope, List<RangeConfig> ranges,
        List<PoolConfig> pools) {

    public SubnetConfig {
        ranges = List.copyOf(ranges);
        pools = List.copyOf(pools);
    }
}
