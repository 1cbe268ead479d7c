package io.ironlease.server.alloc;

import io.ironlease.shared.config.model.PoolConfig;
import io.ironlease.shared.config.model.PoolPermitRule;
import io.ironlease.shared.config.model.Scope;
import io.ironlease.shared.net.Ipv4Range;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;

/**
 * Where dynamic addresses come from: a {@code pool}, or the ranges declared directly in a subnet
 * (one implicit pool per subnet, without permits). Its id is stable for the life of the server
 * (OMAPI gives pools handles by it).
 */
public final class PoolPlan {

    private final int id;
    private final Optional<PoolConfig> config;
    private final Scope scope;
    private final SubnetPlan subnet;
    private final NetworkPlan network;
    final List<RangeSlots> ranges = new ArrayList<>();
    private final ScopeStack stack;

    PoolPlan(int id, Optional<PoolConfig> config, Scope scope, SubnetPlan subnet, NetworkPlan network) {
        this.id = id;
        this.config = config;
        this.scope = scope;
        this.subnet = subnet;
        this.network = network;
        this.stack = ScopeStack.of(null, List.of(), scope, subnet.scope());
    }

    public int id() {
        return id;
    }

    /** The {@code pool} declaration; empty for ranges declared directly in a subnet. */
    public Optional<PoolConfig> config() {
        return config;
    }

    /** The pool's scope (the subnet's for an implicit pool). */
    public Scope scope() {
        return scope;
    }

    /** The subnet the pool's addresses lie in. */
    public SubnetPlan subnet() {
        return subnet;
    }

    public NetworkPlan network() {
        return network;
    }

    /** {@code failover peer "NAME";} of the pool. */
    public Optional<String> failoverPeer() {
        return config.flatMap(PoolConfig::failoverPeer);
    }

    public List<PoolPermitRule> permits() {
        return config.map(PoolConfig::permits).orElse(List.of());
    }

    public List<Ipv4Range> ranges() {
        List<Ipv4Range> list = new ArrayList<>(ranges.size());
        ranges.forEach(r -> list.add(r.range()));
        return Collections.unmodifiableList(list);
    }

    /** Addresses in the pool. */
    public long size() {
        long n = 0;
        for (RangeSlots r : ranges) {
            n += r.size();
        }
        return n;
    }

    /** Addresses that are free (or backup) and not offered right now. */
    public long available() {
        long n = 0;
        for (RangeSlots r : ranges) {
            n += r.free.cardinality() + r.backup.cardinality();
        }
        return n;
    }

    /** The pool's scopes for clients that are no host's and in no class. */
    ScopeStack stack() {
        return stack;
    }

    @Override
    public String toString() {
        return "pool " + id + " " + ranges() + failoverPeer().map(p -> " (failover peer " + p + ")").orElse("");
    }
}
