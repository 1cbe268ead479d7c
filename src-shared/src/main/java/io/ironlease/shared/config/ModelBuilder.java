package io.ironlease.shared.config;

import io.ironlease.shared.config.ScopeBuilders.ClassBuilder;
import io.ironlease.shared.config.ScopeBuilders.HostBuilder;
import io.ironlease.shared.config.ScopeBuilders.PoolBuilder;
import io.ironlease.shared.config.ScopeBuilders.SharedNetworkBuilder;
import io.ironlease.shared.config.ScopeBuilders.SubnetBuilder;
import io.ironlease.shared.config.ast.Statement;
import io.ironlease.shared.config.model.AccessRule;
import io.ironlease.shared.config.model.ClassConfig;
import io.ironlease.shared.config.model.DhcpConfig;
import io.ironlease.shared.config.model.GroupConfig;
import io.ironlease.shared.config.model.HostConfig;
import io.ironlease.shared.config.model.OptionSetting;
import io.ironlease.shared.config.model.PoolPermitRule;
import io.ironlease.shared.config.model.RangeConfig;
import io.ironlease.shared.config.model.Scope;
import io.ironlease.shared.config.model.ScopeKind;
import io.ironlease.shared.config.model.SubclassConfig;
import io.ironlease.shared.net.Ipv4Address;
import io.ironlease.shared.net.Ipv4Range;
import io.ironlease.shared.net.Subnet;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Turns the AST into the immutable model: scopes with parent links, subnets inside (implicit or
 * declared) shared networks, pools, hosts, classes, failover peers and keys. Structural problems
 * (a bad netmask, a subclass of an unknown class) are reported to the shared error list.
 */
final class ModelBuilder {

    private final ParseState state;
    private final List<SharedNetworkBuilder> sharedNetworks = new ArrayList<>();
    private final List<HostConfig> hosts = new ArrayList<>();
    private final List<GroupConfig> groups = new ArrayList<>();
    private final List<ClassBuilder> classes = new ArrayList<>();
    private final List<Statement.Subclass> subclasses = new ArrayList<>();
    private final List<Scope> subclassScopes = new ArrayList<>();
    private final List<Statement.FailoverPeer> peers = new ArrayList<>();
    private final List<Statement.Key> keys = new ArrayList<>();
    private final List<Statement.FailoverState> states = new ArrayList<>();
    private final List<Statement.OptionSpaceDecl> spaces = new ArrayList<>();
    private final List<Statement.OptionDefinitionDecl> definitions = new ArrayList<>();
    /** Every {@code failover peer "X";} reference, in pools and shared networks. */
    final List<Statement.FailoverPeerRef> peerReferences = new ArrayList<>();

    /** Context while walking: the enclosing shared network, subnet, pool, host and class, if any. */
    private record Context(SharedNetworkBuilder network, SubnetBuilder subnet, PoolBuilder pool, HostBuilder host,
            ClassBuilder classBuilder) {
    }

    ModelBuilder(ParseState state) {
        this.state = state;
    }

    DhcpConfig build(List<Statement> top, String mainFile) {
        Scope global = scope(ScopeKind.GLOBAL, "", new SourcePos(mainFile, 1, 1), null, top);
        walk(top, global, new Context(null, null, null, null, null));
        List<ClassConfig> classConfigs = attachSubclasses();
        return new DhcpConfig(state.files, global, state.registry,
                sharedNetworks.stream().map(SharedNetworkBuilder::build).toList(), hosts, groups, classConfigs,
                peers.stream().map(p -> new FailoverPeerBuilder(state).build(p)).toList(),
                keys.stream().map(k -> KeyBuilder.build(k, state)).toList(), states,
                spaces.stream().map(Statement.OptionSpaceDecl::space).toList(),
                definitions.stream().map(Statement.OptionDefinitionDecl::definition).toList());
    }

    /** A scope with the settings found directly in {@code body}. */
    static Scope scope(ScopeKind kind, String name, SourcePos pos, Scope parent, List<Statement> body) {
        List<OptionSetting> options = new ArrayList<>();
        List<OptionSetting> parameters = new ArrayList<>();
        List<AccessRule> access = new ArrayList<>();
        List<Statement> statements = new ArrayList<>();
        for (Statement statement : body) {
            if (statement instanceof Statement.Option option) {
                OptionSetting setting = new OptionSetting(option.pos(), option.mode(), option.definition(),
                        Optional.ofNullable(option.value()), Optional.ofNullable(option.expression()));
                (option.definition().isServerParameter() ? parameters : options).add(setting);
            } else if (statement instanceof Statement.AllowDeny rule) {
                access.add(new AccessRule(rule.pos(), rule.access(), rule.flag()));
            } else if (statement instanceof Statement.If || statement instanceof Statement.On
                    || statement instanceof Statement.Executable || statement instanceof Statement.Zone) {
                statements.add(statement);
            }
        }
        return new Scope(kind, name, pos, parent, options, parameters, access, statements);
    }

    private void walk(List<Statement> body, Scope scope, Context ctx) {
        for (Statement statement : body) {
            if (statement instanceof Statement.SharedNetwork network) {
                Scope networkScope = scope(ScopeKind.SHARED_NETWORK, network.name(), network.pos(), scope, network.body());
                SharedNetworkBuilder builder = new SharedNetworkBuilder(network.name(), network.pos(), false, networkScope);
                sharedNetworks.add(builder);
                walk(network.body(), networkScope, new Context(builder, null, null, null, null));
            } else if (statement instanceof Statement.Subnet subnet) {
                subnet(subnet, scope, ctx);
            } else if (statement instanceof Statement.Pool pool) {
                Scope poolScope = scope(ScopeKind.POOL, "", pool.pos(), scope, pool.body());
                PoolBuilder builder = new PoolBuilder(pool.pos(), poolScope);
                if (ctx.subnet() != null) {
                    ctx.subnet().pools.add(builder);
                } else if (ctx.network() != null) {
                    ctx.network().pools.add(builder);
                }
                walk(pool.body(), poolScope, new Context(ctx.network(), ctx.subnet(), builder, null, null));
            } else if (statement instanceof Statement.Range range) {
                RangeConfig config = new RangeConfig(Ipv4Range.ofEither(range.low(), range.high()),
                        range.dynamicBootp(), range.pos());
                if (ctx.pool() != null) {
                    ctx.pool().ranges.add(config);
                } else if (ctx.subnet() != null) {
                    ctx.subnet().ranges.add(config);
                }
            } else if (statement instanceof Statement.Host host) {
                Scope hostScope = scope(ScopeKind.HOST, host.name(), host.pos(), scope, host.body());
                HostBuilder builder = new HostBuilder(host.name(), host.pos(), hostScope);
                walk(host.body(), hostScope, new Context(ctx.network(), ctx.subnet(), null, builder, null));
                hosts.add(builder.build());
            } else if (statement instanceof Statement.Group group) {
                Scope groupScope = scope(ScopeKind.GROUP, group.name(), group.pos(), scope, group.body());
                groups.add(new GroupConfig(group.name(), group.pos(), groupScope));
                walk(group.body(), groupScope, ctx);
            } else if (statement instanceof Statement.ClassDecl declaration) {
                Scope classScope = scope(ScopeKind.CLASS, declaration.name(), declaration.pos(), scope, declaration.body());
                ClassBuilder builder = new ClassBuilder(declaration, classScope);
                classes.add(builder);
                walk(declaration.body(), classScope, new Context(null, null, null, null, builder));
            } else if (statement instanceof Statement.Subclass subclass) {
                subclasses.add(subclass);
                subclassScopes.add(scope(ScopeKind.SUBCLASS, subclass.className(), subclass.pos(), scope, subclass.body()));
            } else {
                leaf(statement, ctx);
            }
        }
    }

    private void leaf(Statement statement, Context ctx) {
        if (statement instanceof Statement.Key key) {
            keys.add(key);
        } else if (statement instanceof Statement.FailoverPeer peer) {
            peers.add(peer);
        } else if (statement instanceof Statement.FailoverState failoverState) {
            states.add(failoverState);
        } else if (statement instanceof Statement.FailoverPeerRef reference) {
            peerReferences.add(reference);
            if (ctx.pool() != null) {
                ctx.pool().failoverPeer = reference.name();
            } else if (ctx.network() != null) {
                ctx.network().failoverPeer = reference.name();
                state.warn(reference.pos(), "failover peer \"" + reference.name() + "\" in a shared-network does "
                        + "not apply to its pools (dhcpd ignores it too); name the peer in each pool");
            }
        } else if (statement instanceof Statement.OptionSpaceDecl space) {
            spaces.add(space);
        } else if (statement instanceof Statement.OptionDefinitionDecl definition) {
            definitions.add(definition);
        } else if (statement instanceof Statement.PoolPermit permit && ctx.pool() != null) {
            ctx.pool().permits.add(new PoolPermitRule(permit.pos(), permit.allow(), permit.permit()));
        } else if (ctx.host() != null) {
            HostStatements.apply(statement, ctx.host());
        } else if (ctx.classBuilder() != null) {
            if (statement instanceof Statement.Match match) {
                switch (match.kind()) {
                    case "match if" -> ctx.classBuilder().matchIf = match.expression();
                    case "spawn with" -> ctx.classBuilder().spawnWith = match.expression();
                    default -> ctx.classBuilder().match = match.expression();
                }
            } else if (statement instanceof Statement.LeaseLimit limit) {
                ctx.classBuilder().leaseLimit = limit.limit();
            }
        }
    }

    private void subnet(Statement.Subnet declaration, Scope scope, Context ctx) {
        Subnet subnet = checkedSubnet(declaration);
        SharedNetworkBuilder network = ctx.network();
        Scope parent = scope;
        if (network == null) {
            Scope implicit = new Scope(ScopeKind.SHARED_NETWORK, subnet.toString(), declaration.pos(), scope,
                    List.of(), List.of(), List.of(), List.of());
            network = new SharedNetworkBuilder(subnet.toString(), declaration.pos(), true, implicit);
            sharedNetworks.add(network);
            parent = implicit;
        }
        Scope subnetScope = scope(ScopeKind.SUBNET, subnet.toString(), declaration.pos(), parent, declaration.body());
        SubnetBuilder builder = new SubnetBuilder(subnet, declaration.pos(), subnetScope);
        network.subnets.add(builder);
        walk(declaration.body(), subnetScope, new Context(network, builder, null, null, null));
    }

    /** The subnet, after reporting a non-contiguous mask or host bits in the network number. */
    private Subnet checkedSubnet(Statement.Subnet declaration) {
        Ipv4Address network = declaration.network();
        Ipv4Address netmask = declaration.netmask();
        int prefix = Integer.numberOfLeadingZeros(~netmask.bits());
        if (!Subnet.isValidNetmask(netmask)) {
            state.error(declaration.netmaskPos(), "netmask " + netmask
                    + " is not contiguous (it must be ones then zeros, e.g. " + new Subnet(Ipv4Address.ANY, prefix)
                    .netmask() + ")");
        }
        Ipv4Address masked = new Ipv4Address(prefix == 0 ? 0 : network.bits() & (-1 << (32 - prefix)));
        if (!masked.equals(network)) {
            state.error(declaration.pos(), "subnet " + network + " netmask " + netmask
                    + ": the subnet number has host bits set (did you mean subnet " + masked + "?)");
        }
        return new Subnet(masked, prefix);
    }

    private List<ClassConfig> attachSubclasses() {
        for (int i = 0; i < subclasses.size(); i++) {
            Statement.Subclass subclass = subclasses.get(i);
            Optional<ClassBuilder> owner = classes.stream().filter(c -> c.name.equals(subclass.className())).findFirst();
            if (owner.isEmpty()) {
                String hint = Suggestions.closest(subclass.className(), classes.stream().map(c -> c.name).toList())
                        .map(s -> " (did you mean \"" + s + "\"?)").orElse("");
                state.error(subclass.pos(), "subclass of unknown class \"" + subclass.className() + "\"" + hint);
                continue;
            }
            owner.get().subclasses.add(new SubclassConfig(subclass.className(), subclass.value(),
                    subclass.valueText(), subclass.pos(), subclassScopes.get(i)));
        }
        return classes.stream().map(ClassBuilder::build).toList();
    }
}
