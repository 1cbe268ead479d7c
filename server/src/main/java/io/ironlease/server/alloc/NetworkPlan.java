package io.ironlease.server.alloc;

import io.ironlease.shared.config.model.SharedNetworkConfig;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * A network segment the server serves: a shared network (declared, or the implicit one around a bare
 * subnet), with its subnets and every pool addresses are drawn from, in configuration order.
 */
public final class NetworkPlan {

    private final int id;
    private final SharedNetworkConfig config;
    final List<SubnetPlan> subnets = new ArrayList<>();
    final List<PoolPlan> pools = new ArrayList<>();

    NetworkPlan(int id, SharedNetworkConfig config) {
        this.id = id;
        this.config = config;
    }

    public int id() {
        return id;
    }

    /** The shared network's name; for an implicit one, its subnet in CIDR form. */
    public String name() {
        return config.name();
    }

    public SharedNetworkConfig config() {
        return config;
    }

    public List<SubnetPlan> subnets() {
        return Collections.unmodifiableList(subnets);
    }

    public List<PoolPlan> pools() {
        return Collections.unmodifiableList(pools);
    }

    @Override
    public String toString() {
        return "network " + config.name();
    }
}
