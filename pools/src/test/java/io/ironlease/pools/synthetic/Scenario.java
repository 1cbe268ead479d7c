package io.ironlease.pools.synthetic;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * A generated dhcpd.conf layout: shared networks, subnets (inside or outside a shared network), pools
 * with or without a failover peer, ranges. Rendered by {@link #configText()} in the layout dhcpd.conf(5)
 * describes; {@link LeaseWriter} then writes lease records over its addresses.
 */
public final class Scenario {

    /** A range as written in the config (first may be above last; last may be absent). */
    public record Range(long first, long last, boolean singleAddress, boolean dynamicBootp) {
        public long low() {
            return Math.min(first, last);
        }

        public long high() {
            return Math.max(first, last);
        }
    }

    /** A subnet with its pools; each pool is a list of ranges. */
    public record SubnetDecl(long network, int prefix, List<List<Range>> pools, List<Range> bareRanges,
            boolean failover) {
    }

    /** A shared network (null name for the stand-alone subnets around it). */
    public record Block(String name, boolean quoted, List<SubnetDecl> subnets) {
    }

    private final List<Block> blocks;
    private final String header;

    public Scenario(String header, List<Block> blocks) {
        this.header = header;
        this.blocks = List.copyOf(blocks);
    }

    public List<Block> blocks() {
        return blocks;
    }

    /** Every range, in config order. */
    public List<Range> ranges() {
        List<Range> all = new ArrayList<>();
        for (Block b : blocks) {
            for (SubnetDecl s : b.subnets()) {
                s.pools().forEach(all::addAll);
                all.addAll(s.bareRanges());
            }
        }
        return all;
    }

    public static String ip(long address) {
        return (address >>> 24 & 255) + "." + (address >>> 16 & 255) + "." + (address >>> 8 & 255) + "." + (address & 255);
    }

    private static String mask(int prefix) {
        return ip(prefix == 0 ? 0 : (0xffff_ffffL << (32 - prefix)) & 0xffff_ffffL);
    }

    public String configText() {
        StringBuilder c = new StringBuilder(header);
        c.append("failover peer \"fo\" {\n  primary;\n  address 10.255.255.1;\n  port 647;\n")
                .append("  peer address 10.255.255.2;\n  peer port 647;\n  max-response-delay 60;\n")
                .append("  max-unacked-updates 10;\n  mclt 3600;\n  split 128;\n  load balance max seconds 3;\n}\n")
                .append("authoritative;\ndefault-lease-time 86400;\nmax-lease-time 86400;\n");
        for (Block b : blocks) {
            String indent = "";
            if (b.name() != null) {
                c.append("shared-network ").append(b.quoted() ? "\"" + b.name() + "\"" : b.name()).append(" {\n");
                indent = "  ";
            }
            for (SubnetDecl s : b.subnets()) {
                c.append(indent).append("subnet ").append(ip(s.network())).append(" netmask ").append(mask(s.prefix()))
                        .append(" {\n").append(indent).append("  option routers ").append(ip(s.network() + 1))
                        .append(";\n");
                for (Range r : s.bareRanges()) {
                    range(c, indent + "  ", r);
                }
                for (List<Range> pool : s.pools()) {
                    c.append(indent).append("  pool {\n");
                    if (s.failover()) {
                        c.append(indent).append("    failover peer \"fo\";\n");
                    }
                    for (Range r : pool) {
                        range(c, indent + "    ", r);
                    }
                    c.append(indent).append("  }\n");
                }
                c.append(indent).append("}\n");
            }
            if (b.name() != null) {
                c.append("}\n");
            }
        }
        return c.toString();
    }

    private static void range(StringBuilder c, String indent, Range r) {
        c.append(indent).append("range ").append(r.dynamicBootp() ? "dynamic-bootp " : "").append(ip(r.first()));
        if (!r.singleAddress()) {
            c.append(' ').append(ip(r.last()));
        }
        c.append(";\n");
    }

    /**
     * The benchmark layout: {@code ranges} ranges of {@code rangeSize} addresses, two pools per /21 subnet,
     * four subnets to a shared network and every seventh subnet stand-alone (as the reference timing's
     * generator lays them out), all pools under failover.
     */
    public static Scenario benchmark(int ranges, int rangeSize) {
        List<Block> blocks = new ArrayList<>();
        List<SubnetDecl> open = null;
        int subnets = (ranges + 1) / 2;
        for (int i = 0; i < subnets; i++) {
            long net = 0x0a00_0000L + (long) i * 2048;
            List<List<Range>> pools = new ArrayList<>();
            pools.add(List.of(new Range(net + 10, net + 9 + rangeSize, false, false)));
            if (2 * i + 1 < ranges) {
                pools.add(List.of(new Range(net + 1030, net + 1029 + rangeSize, false, false)));
            }
            SubnetDecl subnet = new SubnetDecl(net, 21, pools, List.of(), true);
            if (i % 7 == 6) {
                blocks.add(new Block(null, false, List.of(subnet)));
                open = null;
                continue;
            }
            if (open == null || open.size() == 4) {
                open = new ArrayList<>();
                blocks.add(new Block(String.format("net-%04d", i), true, open));
            }
            open.add(subnet);
        }
        return new Scenario("# benchmark dhcpd.conf: " + ranges + " ranges of " + rangeSize + " addresses\n", blocks);
    }

    /**
     * A small random layout for the interop tests: empty and populated shared networks, subnets inside
     * and outside them, pools with and without failover, one-address, reversed and dynamic-bootp ranges.
     */
    public static Scenario random(Random rnd) {
        List<Block> blocks = new ArrayList<>();
        int blockCount = 1 + rnd.nextInt(6);
        long next = 0x0a00_0000L + (long) rnd.nextInt(200) * 65536;
        for (int b = 0; b < blockCount; b++) {
            boolean shared = rnd.nextInt(3) > 0;
            int subnetCount = shared ? rnd.nextInt(4) : 1;
            List<SubnetDecl> subnets = new ArrayList<>();
            for (int s = 0; s < subnetCount; s++) {
                int prefix = 22 + rnd.nextInt(5);
                long size = 1L << (32 - prefix);
                long network = (next + size - 1) / size * size;
                next = network + size;
                List<List<Range>> pools = new ArrayList<>();
                int poolCount = rnd.nextInt(3);
                long cursor = network + 2;
                for (int p = 0; p < poolCount; p++) {
                    List<Range> pool = new ArrayList<>();
                    int rangeCount = 1 + rnd.nextInt(2);
                    for (int r = 0; r < rangeCount && cursor < network + size - 2; r++) {
                        pool.add(randomRange(rnd, cursor, network + size - 2));
                        cursor = pool.get(pool.size() - 1).high() + 1 + rnd.nextInt(4);
                    }
                    if (!pool.isEmpty()) {
                        pools.add(pool);
                    }
                }
                List<Range> bare = new ArrayList<>();
                if (rnd.nextInt(4) == 0 && cursor < network + size - 2) {
                    bare.add(randomRange(rnd, cursor, network + size - 2));
                }
                subnets.add(new SubnetDecl(network, prefix, pools, bare, rnd.nextBoolean()));
            }
            String name = shared ? randomName(rnd, b) : null;
            blocks.add(new Block(name, rnd.nextBoolean(), subnets));
        }
        return new Scenario("# random dhcpd.conf for the dhcpd-pools interop test\n", blocks);
    }

    private static Range randomRange(Random rnd, long from, long limit) {
        long first = from;
        long last = Math.min(limit, first + rnd.nextInt(60));
        boolean single = first == last && rnd.nextBoolean();
        boolean reversed = !single && rnd.nextInt(6) == 0;
        return reversed ? new Range(last, first, false, rnd.nextInt(4) == 0)
                : new Range(first, last, single, rnd.nextInt(4) == 0);
    }

    private static String randomName(Random rnd, int index) {
        String[] stems = {"campus", "lab", "Guest_WiFi", "dorm.north", "voip", "a-rather-long-shared-network-name"};
        return stems[rnd.nextInt(stems.length)] + "-" + index;
    }
}
