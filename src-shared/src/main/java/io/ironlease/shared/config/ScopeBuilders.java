package io.ironlease.shared.config;

import io.ironlease.shared.config.ast.Expression;
import io.ironlease.shared.config.ast.Statement;
import io.ironlease.shared.config.model.ClassConfig;
import io.ironlease.shared.config.model.HostConfig;
import io.ironlease.shared.config.model.PoolConfig;
import io.ironlease.shared.config.model.PoolPermitRule;
import io.ironlease.shared.config.model.RangeConfig;
import io.ironlease.shared.config.model.Scope;
import io.ironlease.shared.config.model.SharedNetworkConfig;
import io.ironlease.shared.config.model.SubclassConfig;
import io.ironlease.shared.config.model.SubnetConfig;
import io.ironlease.shared.net.HardwareAddress;
import io.ironlease.shared.net.Subnet;
import io.ironlease.shared.options.HostRef;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;

/** Mutable collectors the model builder fills while walking the AST, then freezes into model records. */
final class ScopeBuilders {

    private ScopeBuilders() {
    }

    static final class SharedNetworkBuilder {
        final String name;
        final SourcePos pos;
        final boolean implicit;
        final Scope scope;
        final List<SubnetBuilder> subnets = new ArrayList<>();
        final List<PoolBuilder> pools = new ArrayList<>();
        String failoverPeer;

        SharedNetworkBuilder(String name, SourcePos pos, boolean implicit, Scope scope) {
            this.name = name;
            this.pos = pos;
            this.implicit = implicit;
            this.scope = scope;
        }

        SharedNetworkConfig build() {
            Optional<String> peer = Optional.ofNullable(failoverPeer);
            return new SharedNetworkConfig(name, pos, implicit, scope,
                    subnets.stream().map(s -> s.build(peer)).toList(), pools.stream().map(p -> p.build(peer)).toList(),
                    peer);
        }
    }

    static final class SubnetBuilder {
        final Subnet subnet;
        final SourcePos pos;
        final Scope scope;
        final List<RangeConfig> ranges = new ArrayList<>();
        final List<PoolBuilder> pools = new ArrayList<>();

        SubnetBuilder(Subnet subnet, SourcePos pos, Scope scope) {
            this.subnet = subnet;
            this.pos = pos;
            this.scope = scope;
        }

        SubnetConfig build(Optional<String> inheritedPeer) {
            return new SubnetConfig(subnet, pos, scope, ranges, pools.stream().map(p -> p.build(inheritedPeer)).toList());
        }
    }

    static final class PoolBuilder {
        final SourcePos pos;
        final Scope scope;
        final List<PoolPermitRule> permits = new ArrayList<>();
        final List<RangeConfig> ranges = new ArrayList<>();
        String failoverPeer;

        PoolBuilder(SourcePos pos, Scope scope) {
            this.pos = pos;
            this.scope = scope;
        }

        /** Pools do not inherit a shared-network's failover peer: dhcpd 4.4 ignores it for pools too. */
        PoolConfig build(Optional<String> sharedNetworkPeer) {
            return new PoolConfig(pos, scope, Optional.ofNullable(failoverPeer), permits, ranges);
        }
    }

    static final class HostBuilder {
        final String name;
        final SourcePos pos;
        final Scope scope;
        HardwareAddress hardware;
        final List<HostRef> fixedAddresses = new ArrayList<>();
        byte[] uid = new byte[0];
        HostConfig.HostIdentifier hostIdentifier;
        String group;
        boolean dynamic;

        HostBuilder(String name, SourcePos pos, Scope scope) {
            this.name = name;
            this.pos = pos;
            this.scope = scope;
        }

        HostConfig build() {
            return new HostConfig(name, pos, scope, Optional.ofNullable(hardware), fixedAddresses, uid,
                    Optional.ofNullable(hostIdentifier), Optional.ofNullable(group), dynamic);
        }
    }

    static final class ClassBuilder {
        final String name;
        final String keyword;
        final SourcePos pos;
        final Scope scope;
        final List<SubclassConfig> subclasses = new ArrayList<>();
        Expression matchIf;
        Expression match;
        Expression spawnWith;
        Integer leaseLimit;

        ClassBuilder(Statement.ClassDecl declaration, Scope scope) {
            this.name = declaration.name();
            this.keyword = declaration.keyword();
            this.pos = declaration.pos();
            this.scope = scope;
        }

        ClassConfig build() {
            return new ClassConfig(name, keyword, pos, scope, Optional.ofNullable(matchIf), Optional.ofNullable(match),
                    Optional.ofNullable(spawnWith), leaseLimit == null ? OptionalInt.empty() : OptionalInt.of(leaseLimit),
                    subclasses);
        }
    }
}
