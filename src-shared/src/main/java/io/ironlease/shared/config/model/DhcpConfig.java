package io.ironlease.shared.config.model;

import io.ironlease.shared.config.ast.Statement;
import io.ironlease.shared.keys.OmapiKey;
import io.ironlease.shared.options.OptionDefinition;
import io.ironlease.shared.options.OptionRegistry;
import io.ironlease.shared.options.OptionSpace;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * A whole dhcpd.conf, validated: what the DHCP server, OMAPI and the pools analyzer build on.
 * Every bare subnet sits in an implicit shared network, so {@link #sharedNetworks()} covers all
 * subnets. Immutable. Obtain one from {@code ConfigLoader}.
 */
public final class DhcpConfig {

    private final List<String> files;
    private final Scope global;
    private final OptionRegistry registry;
    private final List<SharedNetworkConfig> sharedNetworks;
    private final List<HostConfig> hosts;
    private final List<GroupConfig> groups;
    private final List<ClassConfig> classes;
    private final List<FailoverPeerConfig> failoverPeers;
    private final List<KeyConfig> keys;
    private final List<Statement.FailoverState> failoverStates;
    private final List<OptionSpace> declaredSpaces;
    private final List<OptionDefinition> declaredOptions;

    /**
     * @param files           the main file, then included files in the order read
     * @param registry        standard options plus the file's own definitions
     * @param declaredSpaces  {@code option space} declarations of the file
     * @param declaredOptions {@code option NAME code N = TYPE} definitions of the file
     */
    public DhcpConfig(List<String> files, Scope global, OptionRegistry registry,
            List<SharedNetworkConfig> sharedNetworks, List<HostConfig> hosts, List<GroupConfig> groups,
            List<ClassConfig> classes, List<FailoverPeerConfig> failoverPeers, List<KeyConfig> keys,
            List<Statement.FailoverState> failoverStates, List<OptionSpace> declaredSpaces,
            List<OptionDefinition> declaredOptions) {
        this.files = List.copyOf(files);
        this.global = global;
        this.registry = registry;
        this.sharedNetworks = List.copyOf(sharedNetworks);
        this.hosts = List.copyOf(hosts);
        this.groups = List.copyOf(groups);
        this.classes = List.copyOf(classes);
        this.failoverPeers = List.copyOf(failoverPeers);
        this.keys = List.copyOf(keys);
        this.failoverStates = List.copyOf(failoverStates);
        this.declaredSpaces = List.copyOf(declaredSpaces);
        this.declaredOptions = List.copyOf(declaredOptions);
    }

    public List<String> files() {
        return files;
    }

    /** The top-level scope: global parameters and options. */
    public Scope global() {
        return global;
    }

    /** Typed global parameters. */
    public Parameters params() {
        return global.params();
    }

    /** Option definitions to encode and decode with, including the file's own. */
    public OptionRegistry optionRegistry() {
        return registry;
    }

    /** Declared and implicit shared networks, in file order. */
    public List<SharedNetworkConfig> sharedNetworks() {
        return sharedNetworks;
    }

    /** Every subnet, in file order. */
    public List<SubnetConfig> subnets() {
        return sharedNetworks.stream().flatMap(n -> n.subnets().stream()).toList();
    }

    /** Every pool: those in subnets, then those declared directly in shared networks. */
    public List<PoolConfig> pools() {
        List<PoolConfig> pools = new ArrayList<>();
        for (SharedNetworkConfig network : sharedNetworks) {
            network.subnets().forEach(s -> pools.addAll(s.pools()));
            pools.addAll(network.pools());
        }
        return pools;
    }

    /** Every range with its shared network, subnet and pool. */
    public List<RangeEntry> ranges() {
        List<RangeEntry> ranges = new ArrayList<>();
        for (SharedNetworkConfig network : sharedNetworks) {
            for (SubnetConfig subnet : network.subnets()) {
                subnet.ranges().forEach(r -> ranges.add(new RangeEntry(r, network, Optional.of(subnet), Optional.empty())));
                for (PoolConfig pool : subnet.pools()) {
                    pool.ranges().forEach(r -> ranges.add(new RangeEntry(r, network, Optional.of(subnet), Optional.of(pool))));
                }
            }
            for (PoolConfig pool : network.pools()) {
                for (RangeConfig range : pool.ranges()) {
                    Optional<SubnetConfig> home = network.subnets().stream()
                            .filter(s -> s.subnet().contains(range.range())).findFirst();
                    ranges.add(new RangeEntry(range, network, home, Optional.of(pool)));
                }
            }
        }
        return ranges;
    }

    public List<HostConfig> hosts() {
        return hosts;
    }

    public Optional<HostConfig> host(String name) {
        return hosts.stream().filter(h -> h.name().equals(name)).findFirst();
    }

    public List<GroupConfig> groups() {
        return groups;
    }

    public List<ClassConfig> classes() {
        return classes;
    }

    public List<FailoverPeerConfig> failoverPeers() {
        return failoverPeers;
    }

    public Optional<FailoverPeerConfig> failoverPeer(String name) {
        return failoverPeers.stream().filter(p -> p.name().equals(name)).findFirst();
    }

    /** {@code failover peer "X" state { ... }} declarations, as written. */
    public List<Statement.FailoverState> failoverStates() {
        return failoverStates;
    }

    public List<KeyConfig> keys() {
        return keys;
    }

    /** The key stanza by name; the last one counts when a name is declared twice, as in dhcpd. */
    public Optional<KeyConfig> key(String name) {
        for (int i = keys.size() - 1; i >= 0; i--) {
            if (keys.get(i).name().equals(name)) {
                return Optional.of(keys.get(i));
            }
        }
        return Optional.empty();
    }

    /** {@code omapi-port}; OMAPI is off when absent. */
    public OptionalInt omapiPort() {
        return global.params().omapiPort();
    }

    /** {@code omapi-key}: the key OMAPI clients must sign with. */
    public Optional<String> omapiKeyName() {
        return global.params().omapiKey();
    }

    /** The usable OMAPI key, when omapi-key names a key whose algorithm and secret are valid. */
    public Optional<OmapiKey> omapiKey() {
        return omapiKeyName().flatMap(this::key).flatMap(KeyConfig::key);
    }

    public List<OptionSpace> declaredSpaces() {
        return declaredSpaces;
    }

    public List<OptionDefinition> declaredOptions() {
        return declaredOptions;
    }
}
