package io.ironlease.pools.model;

import io.ironlease.shared.net.Ipv4Address;
import java.util.ArrayList;
import java.util.List;

/**
 * What the analyzer needs from dhcpd.conf: the shared networks in declaration order, led by the
 * implicit "All networks" at index 0, and every range with the network it belongs to.
 * {@code addressSeen} tells whether dhcpd-pools would have read an address in the config (a range,
 * or with {@code -A} a stand-alone subnet): without one it cannot tell the address family, widens its
 * address columns and reads no lease.
 */
public record PoolLayout(List<String> networks, List<RangeDecl> ranges, boolean addressSeen) {

    /** The name dhcpd-pools gives to ranges outside any shared network, and to the grand total. */
    public static final String ALL_NETWORKS = "All networks";

    public PoolLayout {
        networks = List.copyOf(networks);
        ranges = List.copyOf(ranges);
        if (networks.isEmpty() || !ALL_NETWORKS.equals(networks.get(0))) {
            throw new IllegalArgumentException("networks must start with \"" + ALL_NETWORKS + "\"");
        }
        if (!ranges.isEmpty() && !addressSeen) {
            throw new IllegalArgumentException("a range is an address seen");
        }
        for (RangeDecl range : ranges) {
            if (range.network() >= networks.size()) {
                throw new IllegalArgumentException("range " + range + " names network " + range.network()
                        + " of " + networks.size());
            }
        }
    }

    /** A layout builder that keeps declaration order. */
    public static Builder builder() {
        return new Builder();
    }

    /** Collects networks and ranges in the order the config declares them. */
    public static final class Builder {
        private final List<String> networks = new ArrayList<>(List.of(ALL_NETWORKS));
        private final List<RangeDecl> ranges = new ArrayList<>();
        private boolean subnetSeen;

        /** Declares a shared network and answers its index. */
        public int network(String name) {
            networks.add(name);
            return networks.size() - 1;
        }

        /** Declares a stand-alone subnet as a network ({@code -A}): its address tells the family. */
        public int subnetNetwork(String cidr) {
            subnetSeen = true;
            return network(cidr);
        }

        public Builder range(Ipv4Address first, Ipv4Address last, int network) {
            ranges.add(new RangeDecl(first, last, network));
            return this;
        }

        public PoolLayout build() {
            return new PoolLayout(networks, ranges, subnetSeen || !ranges.isEmpty());
        }
    }
}
