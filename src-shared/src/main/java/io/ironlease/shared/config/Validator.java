package io.ironlease.shared.config;

import io.ironlease.shared.config.ast.Statement;
import io.ironlease.shared.config.model.DhcpConfig;
import io.ironlease.shared.config.model.FailoverPeerConfig;
import io.ironlease.shared.config.model.HostConfig;
import io.ironlease.shared.config.model.KeyConfig;
import io.ironlease.shared.config.model.OptionSetting;
import io.ironlease.shared.config.model.PoolConfig;
import io.ironlease.shared.config.model.RangeEntry;
import io.ironlease.shared.config.model.Scope;
import io.ironlease.shared.config.model.ScopeKind;
import io.ironlease.shared.config.model.SharedNetworkConfig;
import io.ironlease.shared.config.model.SubnetConfig;
import io.ironlease.shared.net.Ipv4Address;
import io.ironlease.shared.options.HostRef;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Semantic checks over the built model: references between declarations, address arithmetic and
 * value consistency. Errors make the config unusable; warnings (dhcpd's own warnings and likely
 * mistakes such as a broadcast-address outside its subnet) are reported without failing.
 */
final class Validator {

    private final DhcpConfig config;
    private final ParseState state;

    Validator(DhcpConfig config, ParseState state) {
        this.config = config;
        this.state = state;
    }

    void validate(List<Statement.FailoverPeerRef> references) {
        failoverPeers(references);
        ranges();
        hosts();
        keys();
        scopes();
        subnets();
        dynamicDns();
    }

    /**
     * ironlease does no dynamic DNS updates: a config that asks for them is served (dhcpd would still
     * hand out leases when its DNS server is unreachable too) but says so, rather than silently.
     */
    private void dynamicDns() {
        config.global().findParameter("ddns-update-style").ifPresent(setting -> {
            String style = config.params().ddnsUpdateStyle().orElse("");
            if (!style.equals("none")) {
                state.warn(setting.pos(), "ddns-update-style " + style + ": ironlease does not update DNS; "
                        + "leases are granted without DNS updates (use ddns-update-style none to silence this)");
            }
        });
    }

    private void failoverPeers(List<Statement.FailoverPeerRef> references) {
        Map<String, FailoverPeerConfig> declared = new HashMap<>();
        for (FailoverPeerConfig peer : config.failoverPeers()) {
            FailoverPeerConfig earlier = declared.putIfAbsent(peer.name(), peer);
            if (earlier != null) {
                state.error(peer.pos(), "failover peer \"" + peer.name() + "\" is already declared at " + earlier.pos());
            }
            if (peer.loadBalanceMaxSeconds().isZero()) {
                state.warn(peer.pos(), "failover peer \"" + peer.name() + "\": load balancing is disabled "
                        + "(no load balance max seconds; dhcpd warns the same)");
            }
        }
        Set<String> used = new HashSet<>();
        config.pools().forEach(pool -> pool.failoverPeer().ifPresent(used::add));
        for (Statement.FailoverPeerRef reference : references) {
            if (declared.containsKey(reference.name())) {
                continue;
            }
            if (declared.isEmpty()) {
                state.error(reference.pos(), "failover peer \"" + reference.name() + "\" is used here but no failover "
                        + "peer is declared; declare it with: failover peer \"" + reference.name() + "\" { ... }");
            } else {
                String hint = Suggestions.closest(reference.name(), declared.keySet())
                        .map(s -> " (did you mean \"" + s + "\"?)").orElse("");
                state.error(reference.pos(), "failover peer \"" + reference.name() + "\" is not declared" + hint
                        + "; declared peers: " + declared.keySet().stream().sorted().map(n -> "\"" + n + "\"")
                        .collect(Collectors.joining(", ")));
            }
        }
        for (Statement.FailoverState failoverState : config.failoverStates()) {
            if (!declared.containsKey(failoverState.name())) {
                state.error(failoverState.pos(), "state declaration for failover peer \"" + failoverState.name()
                        + "\", which is not declared");
            }
        }
        for (FailoverPeerConfig peer : config.failoverPeers()) {
            if (!used.contains(peer.name())) {
                state.error(peer.pos(), "failover peer \"" + peer.name() + "\" is declared but no pool refers to it "
                        + "(add failover peer \"" + peer.name() + "\"; to a pool)");
            }
        }
    }

    private void ranges() {
        List<RangeEntry> ranges = new ArrayList<>(config.ranges());
        for (RangeEntry entry : ranges) {
            String range = "range " + entry.range().range();
            if (entry.pool().isPresent() && entry.subnet().isEmpty()) {
                state.error(entry.range().pos(), range + " is not inside any subnet of shared-network \""
                        + entry.sharedNetwork().name() + "\"");
            } else if (entry.subnet().isPresent() && !entry.subnet().get().subnet().contains(entry.range().range())) {
                state.error(entry.range().pos(), range + " is outside subnet " + entry.subnet().get().subnet());
            }
        }
        ranges.sort(Comparator.comparing((RangeEntry e) -> e.range().range().first())
                .thenComparing(e -> e.range().pos()));
        RangeEntry widest = null;
        for (RangeEntry entry : ranges) {
            if (widest != null && widest.range().range().overlaps(entry.range().range())) {
                RangeEntry earlier = widest.range().pos().compareTo(entry.range().pos()) <= 0 ? widest : entry;
                RangeEntry later = earlier == widest ? entry : widest;
                state.error(later.range().pos(), "range " + later.range().range() + " overlaps range "
                        + earlier.range().range() + " declared at " + earlier.range().pos());
            }
            if (widest == null || entry.range().range().last().compareTo(widest.range().range().last()) > 0) {
                widest = entry;
            }
        }
        for (PoolConfig pool : config.pools()) {
            if (pool.ranges().isEmpty()) {
                state.error(pool.pos(), "pool has no range statement (every pool needs at least one range)");
            }
        }
    }

    private void hosts() {
        Map<String, HostConfig> byName = new HashMap<>();
        List<RangeEntry> sorted = new ArrayList<>(config.ranges());
        sorted.sort(Comparator.comparing((RangeEntry e) -> e.range().range().first()));
        for (HostConfig host : config.hosts()) {
            HostConfig earlier = byName.putIfAbsent(host.name(), host);
            if (earlier != null) {
                state.error(host.pos(), "host \"" + host.name() + "\" is already declared at " + earlier.pos());
            }
            host.scope().parent().filter(p -> p.kind() == ScopeKind.SUBNET || p.kind() == ScopeKind.SHARED_NETWORK)
                    .ifPresent(p -> state.warn(host.pos(), "host \"" + host.name() + "\" is declared inside a "
                            + p.kind().keyword() + " but host declarations are global (dhcpd warns the same)"));
            for (HostRef fixed : host.fixedAddresses()) {
                fixed.address().flatMap(a -> rangeContaining(sorted, a)).ifPresent(r -> state.warn(host.pos(),
                        "host \"" + host.name() + "\": fixed-address " + fixed + " is inside dynamic range "
                                + r.range().range() + " (" + r.range().pos() + ")"));
            }
        }
    }

    /** The range holding an address, by binary search over ranges sorted by first address. */
    private static Optional<RangeEntry> rangeContaining(List<RangeEntry> sorted, Ipv4Address address) {
        int low = 0;
        int high = sorted.size() - 1;
        int found = -1;
        while (low <= high) {
            int mid = (low + high) >>> 1;
            if (sorted.get(mid).range().range().first().compareTo(address) <= 0) {
                found = mid;
                low = mid + 1;
            } else {
                high = mid - 1;
            }
        }
        return found >= 0 && sorted.get(found).range().range().contains(address)
                ? Optional.of(sorted.get(found)) : Optional.empty();
    }

    private void keys() {
        Map<String, KeyConfig> byName = new HashMap<>();
        for (KeyConfig key : config.keys()) {
            KeyConfig earlier = byName.put(key.name(), key);
            if (earlier != null) {
                state.warn(key.pos(), "key \"" + key.name() + "\" is declared again (first at " + earlier.pos()
                        + "); the last one counts");
            }
        }
        config.global().findParameter("omapi-key").ifPresent(setting -> {
            String name = config.omapiKeyName().orElse("");
            if (!name.isEmpty() && !byName.containsKey(name)) {
                String hint = Suggestions.closest(name, byName.keySet()).map(s -> " (did you mean \"" + s + "\"?)")
                        .orElse("");
                state.error(setting.pos(), "omapi-key names key \"" + name + "\", which is not declared" + hint);
            }
        });
    }

    /** Lease-time consistency in every scope that sets one. */
    private void scopes() {
        List<Scope> scopes = new ArrayList<>();
        scopes.add(config.global());
        config.sharedNetworks().forEach(n -> {
            scopes.add(n.scope());
            n.subnets().forEach(s -> scopes.add(s.scope()));
        });
        config.pools().forEach(p -> scopes.add(p.scope()));
        config.hosts().forEach(h -> scopes.add(h.scope()));
        config.groups().forEach(g -> scopes.add(g.scope()));
        config.classes().forEach(c -> scopes.add(c.scope()));
        for (Scope scope : scopes) {
            Optional<Long> min = scope.params().minLeaseTime().map(d -> d.toSeconds());
            Optional<Long> max = scope.params().maxLeaseTime().map(d -> d.toSeconds());
            Optional<OptionSetting> own = scope.parameters().stream()
                    .filter(p -> p.name().equals("min-lease-time") || p.name().equals("max-lease-time"))
                    .reduce((a, b) -> b);
            if (min.isPresent() && max.isPresent() && min.get() > max.get() && own.isPresent()) {
                state.error(own.get().pos(), "min-lease-time " + min.get() + " is greater than max-lease-time "
                        + max.get());
            }
        }
    }

    private void subnets() {
        List<SubnetConfig> subnets = new ArrayList<>(config.subnets());
        subnets.sort(Comparator.comparing((SubnetConfig s) -> s.subnet().network()).thenComparing(SubnetConfig::pos));
        SubnetConfig widest = null;
        for (SubnetConfig subnet : subnets) {
            if (widest != null && widest.subnet().asRange().overlaps(subnet.subnet().asRange())) {
                SubnetConfig earlier = widest.pos().compareTo(subnet.pos()) <= 0 ? widest : subnet;
                SubnetConfig later = earlier == widest ? subnet : widest;
                state.warn(later.pos(), "subnet " + later.subnet() + " overlaps subnet " + earlier.subnet()
                        + " declared at " + earlier.pos());
            }
            if (widest == null || subnet.subnet().broadcast().compareTo(widest.subnet().broadcast()) > 0) {
                widest = subnet;
            }
            checkAddressOption(subnet, "broadcast-address", subnet.subnet().broadcast());
            checkAddressOption(subnet, "subnet-mask", subnet.subnet().netmask());
        }
        for (SharedNetworkConfig network : config.sharedNetworks()) {
            if (!network.implicit() && network.subnets().isEmpty()) {
                state.warn(network.pos(), "shared-network \"" + network.name() + "\" has no subnet");
            }
        }
    }

    private void checkAddressOption(SubnetConfig subnet, String option, Ipv4Address expected) {
        subnet.scope().option(option).flatMap(OptionSetting::value).ifPresent(value -> value.hosts().stream()
                .map(HostRef::address).flatMap(Optional::stream).filter(a -> !a.equals(expected)).findFirst()
                .ifPresent(a -> state.warn(subnet.scope().option(option).get().pos(), "option " + option + " " + a
                        + " does not match subnet " + subnet.subnet() + " (expected " + expected + ")")));
    }
}
