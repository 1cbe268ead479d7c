package io.ironlease.server.alloc;

import io.ironlease.shared.config.model.DhcpConfig;
import io.ironlease.shared.config.model.PoolConfig;
import io.ironlease.shared.config.model.RangeConfig;
import io.ironlease.shared.config.model.SharedNetworkConfig;
import io.ironlease.shared.config.model.SubnetConfig;
import io.ironlease.shared.net.Ipv4Address;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;

/**
 * The address space of a configuration: networks, subnets, pools and the slots of every range, with
 * the lookups the engine needs per packet (subnet of an address by hashing per prefix length, range of
 * an address by binary search), so their cost does not grow with the number of subnets.
 */
public final class AddressPlan {

    private final List<NetworkPlan> networks;
    private final List<SubnetPlan> subnets;
    private final List<PoolPlan> pools;
    private final RangeSlots[] ranges;
    private final int[] rangeKeys;
    private final int[] prefixLengths;
    private final List<Map<Integer, SubnetPlan>> subnetsByPrefix;
    private final List<String> warnings;
    /** The range of the last lookup: consecutive lookups mostly hit the same range (engine thread only). */
    private RangeSlots lastRange;
    /** The subnet of the last lookup, unless other subnets lie inside it (then the search must run). */
    private SubnetPlan lastSubnet;
    /** Subnets that contain other, more specific subnets. */
    private final java.util.Set<SubnetPlan> nested = java.util.Collections.newSetFromMap(new java.util.IdentityHashMap<>());

    private AddressPlan(List<NetworkPlan> networks, List<SubnetPlan> subnets, List<PoolPlan> pools,
            List<RangeSlots> ranges, List<String> warnings) {
        this.networks = List.copyOf(networks);
        this.subnets = List.copyOf(subnets);
        this.pools = List.copyOf(pools);
        this.ranges = ranges.toArray(new RangeSlots[0]);
        Arrays.sort(this.ranges, Comparator.comparingInt(r -> r.first ^ Integer.MIN_VALUE));
        this.rangeKeys = new int[this.ranges.length];
        for (int i = 0; i < this.ranges.length; i++) {
            rangeKeys[i] = this.ranges[i].first ^ Integer.MIN_VALUE;
        }
        TreeSet<Integer> lengths = new TreeSet<>(Comparator.reverseOrder());
        subnets.forEach(s -> lengths.add(s.subnet().prefixLength()));
        this.prefixLengths = lengths.stream().mapToInt(Integer::intValue).toArray();
        this.subnetsByPrefix = new ArrayList<>();
        for (int length : prefixLengths) {
            Map<Integer, SubnetPlan> map = new HashMap<>();
            for (SubnetPlan s : subnets) {
                if (s.subnet().prefixLength() == length) {
                    map.putIfAbsent(s.subnet().network().bits(), s);
                }
            }
            subnetsByPrefix.add(map);
        }
        this.warnings = List.copyOf(warnings);
        for (SubnetPlan outer : subnets) {
            for (SubnetPlan inner : subnets) {
                if (inner != outer && inner.subnet().prefixLength() > outer.subnet().prefixLength()
                        && outer.subnet().contains(inner.subnet().network())) {
                    nested.add(outer);
                }
            }
        }
        // the lookup caches start filled: a first-use branch (null) in compiled code would be a deoptimization
        // when a server's first request arrives, after the JIT warm-up compiled the hot path on another plan
        this.lastRange = this.ranges.length > 0 ? this.ranges[0] : null;
        this.lastSubnet = this.subnets.stream().filter(s -> !nested.contains(s)).findFirst().orElse(null);
    }

    /** Builds the plan of {@code config}; overlapping ranges after the first are left out (see {@link #warnings}). */
    public static AddressPlan build(DhcpConfig config) {
        List<NetworkPlan> networks = new ArrayList<>();
        List<SubnetPlan> subnets = new ArrayList<>();
        List<PoolPlan> pools = new ArrayList<>();
        List<RangeSlots> ranges = new ArrayList<>();
        List<String> warnings = new ArrayList<>();
        for (SharedNetworkConfig network : config.sharedNetworks()) {
            NetworkPlan np = new NetworkPlan(networks.size(), network);
            networks.add(np);
            for (SubnetConfig subnet : network.subnets()) {
                SubnetPlan sp = new SubnetPlan(subnets.size(), subnet, np);
                subnets.add(sp);
                np.subnets.add(sp);
            }
            for (SubnetPlan sp : np.subnets) {
                if (!sp.config().ranges().isEmpty()) {
                    addPool(new PoolPlan(pools.size(), Optional.empty(), sp.scope(), sp, np), sp.config().ranges(),
                            pools, ranges, warnings);
                }
                for (PoolConfig pool : sp.config().pools()) {
                    addPool(new PoolPlan(pools.size(), Optional.of(pool), pool.scope(), sp, np), pool.ranges(), pools,
                            ranges, warnings);
                }
            }
            for (PoolConfig pool : network.pools()) {
                Optional<SubnetPlan> home = pool.ranges().isEmpty() ? Optional.empty() : np.subnets.stream()
                        .filter(s -> s.subnet().contains(pool.ranges().get(0).range())).findFirst();
                if (home.isEmpty()) {
                    warnings.add(pool.pos() + ": pool in shared-network " + network.name()
                            + " has no range inside one of its subnets; ignored");
                    continue;
                }
                addPool(new PoolPlan(pools.size(), Optional.of(pool), pool.scope(), home.get(), np), pool.ranges(),
                        pools, ranges, warnings);
            }
        }
        return new AddressPlan(networks, subnets, pools, ranges, warnings);
    }

    private static void addPool(PoolPlan pool, List<RangeConfig> configs, List<PoolPlan> pools,
            List<RangeSlots> ranges, List<String> warnings) {
        pools.add(pool);
        pool.network().pools.add(pool);
        for (RangeConfig range : configs) {
            boolean overlaps = ranges.stream().anyMatch(r -> r.range().overlaps(range.range()));
            if (overlaps) {
                warnings.add(range.pos() + ": range " + range.range() + " overlaps an earlier range; ignored");
                continue;
            }
            RangeSlots slots = new RangeSlots(range.range(), range.dynamicBootp(), pool);
            pool.ranges.add(slots);
            ranges.add(slots);
        }
    }

    public List<NetworkPlan> networks() {
        return networks;
    }

    public List<SubnetPlan> subnets() {
        return subnets;
    }

    public List<PoolPlan> pools() {
        return pools;
    }

    /** Problems met while building (overlapping ranges, orphan pools), for the startup log. */
    public List<String> warnings() {
        return warnings;
    }

    /** The most specific subnet containing {@code address}. */
    public Optional<SubnetPlan> subnetFor(Ipv4Address address) {
        return Optional.ofNullable(subnetFor(address.bits()));
    }

    SubnetPlan subnetFor(int ip) {
        SubnetPlan last = lastSubnet;
        if (last != null && last.subnet().contains(new Ipv4Address(ip))) {
            return last;
        }
        SubnetPlan found = searchSubnet(ip);
        if (found != null && !nested.contains(found)) {
            lastSubnet = found;
        }
        return found;
    }

    private SubnetPlan searchSubnet(int ip) {
        for (int i = 0; i < prefixLengths.length; i++) {
            int length = prefixLengths[i];
            int mask = length == 0 ? 0 : -1 << (32 - length);
            SubnetPlan s = subnetsByPrefix.get(i).get(ip & mask);
            if (s != null) {
                return s;
            }
        }
        return null;
    }

    /** The pool whose ranges contain {@code address}. */
    public Optional<PoolPlan> poolFor(Ipv4Address address) {
        RangeSlots r = rangeFor(address.bits());
        return r == null ? Optional.empty() : Optional.of(r.pool);
    }

    RangeSlots rangeFor(int ip) {
        RangeSlots last = lastRange;
        if (last != null && last.contains(ip)) {
            return last;
        }
        RangeSlots found = searchRange(ip);
        if (found != null) {
            lastRange = found;
        }
        return found;
    }

    private RangeSlots searchRange(int ip) {
        int key = ip ^ Integer.MIN_VALUE;
        int i = Arrays.binarySearch(rangeKeys, key);
        if (i < 0) {
            i = -i - 2;
        }
        if (i < 0) {
            return null;
        }
        RangeSlots r = ranges[i];
        return r.contains(ip) ? r : null;
    }

    /** Every range, in address order. */
    List<RangeSlots> ranges() {
        return Collections.unmodifiableList(Arrays.asList(ranges));
    }

    /** Addresses in all ranges. */
    public long size() {
        long n = 0;
        for (RangeSlots r : ranges) {
            n += r.size;
        }
        return n;
    }
}
