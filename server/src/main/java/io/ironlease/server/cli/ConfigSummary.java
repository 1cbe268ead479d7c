package io.ironlease.server.cli;

import io.ironlease.shared.config.model.ClassConfig;
import io.ironlease.shared.config.model.DhcpConfig;
import io.ironlease.shared.config.model.FailoverPeerConfig;
import io.ironlease.shared.config.model.KeyConfig;
import io.ironlease.shared.config.model.OptionSetting;
import io.ironlease.shared.config.model.PoolConfig;
import io.ironlease.shared.config.model.RangeConfig;
import io.ironlease.shared.config.model.SharedNetworkConfig;
import io.ironlease.shared.config.model.SubnetConfig;
import java.time.Duration;
import java.util.List;
import java.util.stream.Collectors;

/**
 * The human summary that {@code ironlease-server -t} prints: what the server understood, in the order
 * an operator checks it (globals, keys, OMAPI, failover, then the address plan). Key secrets are
 * never shown.
 */
public final class ConfigSummary {

    private final StringBuilder out = new StringBuilder();

    private ConfigSummary() {
    }

    public static String render(DhcpConfig config) {
        ConfigSummary summary = new ConfigSummary();
        summary.globals(config);
        summary.keys(config);
        summary.failover(config);
        summary.networks(config);
        summary.totals(config);
        return summary.out.toString();
    }

    private void line(int indent, String text) {
        out.append("  ".repeat(indent)).append(text).append('\n');
    }

    private void globals(DhcpConfig config) {
        line(0, "global parameters:" + (config.global().parameters().isEmpty() ? " none" : ""));
        config.global().parameters().forEach(p -> line(1, p.toIscText()));
        options(0, "global options:", config.global().options());
    }

    private void options(int indent, String heading, List<OptionSetting> options) {
        if (options.isEmpty()) {
            return;
        }
        if (heading != null) {
            line(indent, heading);
        }
        for (OptionSetting option : options) {
            boolean names = option.value().map(v -> v.hasHostNames()).orElse(false);
            line(indent + 1, option.toIscText() + (names ? "   (host name, resolved when serving)" : ""));
        }
    }

    private void keys(DhcpConfig config) {
        for (KeyConfig key : config.keys()) {
            line(0, "key " + key.name() + ": " + key.algorithm().map(a -> a.configName()).orElse(key.algorithmName()));
        }
        if (config.omapiPort().isPresent()) {
            line(0, "omapi: port " + config.omapiPort().getAsInt()
                    + config.omapiKeyName().map(k -> ", key " + k).orElse(", no key (unauthenticated)"));
        }
    }

    private void failover(DhcpConfig config) {
        for (FailoverPeerConfig peer : config.failoverPeers()) {
            StringBuilder text = new StringBuilder("failover peer \"" + peer.name() + "\": " + peer.role().keyword()
                    + ", address " + peer.address() + " port " + peer.port() + ", peer address " + peer.peerAddress()
                    + " port " + peer.peerPort());
            peer.mclt().ifPresent(m -> text.append(", mclt ").append(seconds(m)));
            peer.split().ifPresent(s -> text.append(", split ").append(s));
            if (peer.hba().length > 0) {
                text.append(", hba (32-byte bitmap)");
            }
            text.append(", max-response-delay ").append(seconds(peer.maxResponseDelay()))
                    .append(", max-unacked-updates ").append(peer.maxUnackedUpdates())
                    .append(", load balance max seconds ").append(peer.loadBalanceMaxSeconds().toSeconds());
            if (!peer.autoPartnerDown().isZero()) {
                text.append(", auto-partner-down ").append(seconds(peer.autoPartnerDown()));
            }
            line(0, text.toString());
        }
    }

    private void networks(DhcpConfig config) {
        for (SharedNetworkConfig network : config.sharedNetworks()) {
            int indent = network.implicit() ? 0 : 1;
            if (!network.implicit()) {
                line(0, "shared-network " + network.name() + ":");
                options(0, null, network.scope().options());
            }
            for (SubnetConfig subnet : network.subnets()) {
                line(indent, "subnet " + subnet.subnet() + " (netmask " + subnet.subnet().netmask() + "):");
                subnet.scope().parameters().forEach(p -> line(indent + 1, p.toIscText()));
                options(indent, null, subnet.scope().options());
                subnet.ranges().forEach(r -> range(indent + 1, r));
                subnet.pools().forEach(p -> pool(indent + 1, p));
            }
            network.pools().forEach(p -> pool(indent, p));
        }
    }

    private void pool(int indent, PoolConfig pool) {
        String peer = pool.failoverPeer().map(p -> " (failover peer \"" + p + "\")").orElse("");
        line(indent, "pool" + peer + ": " + addresses(pool.size()));
        pool.permits().forEach(p -> line(indent + 1, p.toIscText()));
        options(indent, null, pool.scope().options());
        pool.ranges().forEach(r -> range(indent + 1, r));
    }

    private void range(int indent, RangeConfig range) {
        line(indent, "range " + range.range() + (range.dynamicBootp() ? " (dynamic-bootp)" : "") + ": "
                + addresses(range.size()));
    }

    private void totals(DhcpConfig config) {
        long addresses = config.ranges().stream().mapToLong(r -> r.range().size()).sum();
        line(0, "hosts: " + config.hosts().size() + ", classes: " + config.classes().size()
                + classNames(config.classes()));
        line(0, "total: " + count(config.subnets().size(), "subnet") + ", " + count(config.pools().size(), "pool")
                + ", " + addresses(addresses) + " in ranges");
    }

    private static String classNames(List<ClassConfig> classes) {
        return classes.isEmpty() ? "" : " (" + classes.stream().map(c -> "\"" + c.name() + "\"")
                .collect(Collectors.joining(", ")) + ")";
    }

    private static String seconds(Duration duration) {
        return duration.toSeconds() + "s";
    }

    private static String addresses(long n) {
        return count(n, "address").replace("addresss", "addresses");
    }

    private static String count(long n, String noun) {
        return n + " " + noun + (n == 1 ? "" : noun.endsWith("s") ? "es" : "s");
    }
}
