package io.ironlease.shared.config.model;

import io.ironlease.shared.config.SourcePos;
import java.util.List;
import java.util.Optional;

/**
 * A {@code shared-network NAME { ... }}, or the implicit one-subnet network that dhcpd wraps around a
 * bare subnet ({@code implicit} true, named after the subnet, e.g. {@code 192.168.100.0/24}).
 *
 * @param pools        pools declared directly in the shared network (not inside one of its subnets)
 * @param failoverPeer a {@code failover peer "X";} in the shared network (kept as written; dhcpd 4.4 does
 *                     not apply it to the pools, and neither do we)
 */
public record SharedNetworkConfig(String name, SourcePos pos, boolean implicit, Scope scope,
        List<SubnetConfig> subnets, List<PoolConfig> pools, Optional<String> failoverPeer) {

    public SharedNetworkConfig {
        subnets = List.copyOf(subnets);
        pools = List.copyOf(pools);
    }
}
