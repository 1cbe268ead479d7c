package io.ironlease.server.alloc;

import io.ironlease.shared.config.model.Scope;
import io.ironlease.shared.config.model.SubnetConfig;
import io.ironlease.shared.net.Subnet;

/** A configured subnet and the network it belongs to; its id is stable for the life of the server. */
public final class SubnetPlan {

    private final int id;
    private final SubnetConfig config;
    private final NetworkPlan network;
    private final ScopeStack stack;

    SubnetPlan(int id, SubnetConfig config, NetworkPlan network) {
        this.id = id;
        this.config = config;
        this.network = network;
        this.stack = ScopeStack.of(null, java.util.List.of(), null, config.scope());
    }

    public int id() {
        return id;
    }

    public Subnet subnet() {
        return config.subnet();
    }

    public SubnetConfig config() {
        return config;
    }

    public Scope scope() {
        return config.scope();
    }

    public NetworkPlan network() {
        return network;
    }

    /** The subnet's scopes for clients that are no host's and in no class. */
    ScopeStack stack() {
        return stack;
    }

    @Override
    public String toString() {
        return "subnet " + config.subnet();
    }
}
