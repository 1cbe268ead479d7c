package io.ironlease.shared.net;

/**
 * An IPv4 subnet: a network address and a prefix length. dhcpd.conf writes it as
 * {@code subnet 192.168.100.0 netmask 255.255.255.0}.
 */
public record Subnet(Ipv4Address network, int prefixLength) {

    public Subnet {
        if (prefixLength < 0 || prefixLength > 32) {
            throw new IllegalArgumentException("prefix length out of 0-32: " + prefixLength);
        }
        if ((network.bits() & ~maskBits(prefixLength)) != 0) {
            throw new IllegalArgumentException("network " + network + " has host bits set for /" + prefixLength);
        }
    }

    /** Builds a subnet from a netmask, which must be contiguous ones then zeros. */
    public static Subnet of(Ipv4Address network, Ipv4Address netmask) {
        return new Subnet(network, prefixLengthOf(netmask));
    }

    /** Parses CIDR text such as {@code 10.0.0.0/8}. */
    public static Subnet parse(String cidr) {
        int slash = cidr.indexOf('/');
        if (slash < 0) {
            throw new IllegalArgumentException("not CIDR notation: \"" + cidr + "\"");
        }
        int prefix;
        try {
            prefix = Integer.parseInt(cidr.substring(slash + 1));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("bad prefix length in \"" + cidr + "\"");
        }
        return new Subnet(Ipv4Address.parse(cidr.substring(0, slash)), prefix);
    }

    /** The prefix length of a contiguous netmask; throws for masks such as 255.0.255.0. */
    public static int prefixLengthOf(Ipv4Address netmask) {
        int bits = netmask.bits();
        int prefix = Integer.bitCount(bits);
        if (bits != maskBits(prefix)) {
            throw new IllegalArgumentException("netmask is not contiguous: " + netmask);
        }
        return prefix;
    }

    /** True when a netmask's one-bits are contiguous from the top. */
    public static boolean isValidNetmask(Ipv4Address netmask) {
        return netmask.bits() == maskBits(Integer.bitCount(netmask.bits()));
    }

    private static int maskBits(int prefixLength) {
        return prefixLength == 0 ? 0 : -1 << (32 - prefixLength);
    }

    public Ipv4Address netmask() {
        return new Ipv4Address(maskBits(prefixLength));
    }

    public Ipv4Address broadcast() {
        return new Ipv4Address(network.bits() | ~maskBits(prefixLength));
    }

    public boolean contains(Ipv4Address address) {
        return (address.bits() & maskBits(prefixLength)) == network.bits();
    }

    public boolean contains(Ipv4Range range) {
        return contains(range.first()) && contains(range.last());
    }

    /** All addresses of the subnet, network and broadcast included. */
    public Ipv4Range asRange() {
        return new Ipv4Range(network, broadcast());
    }

    public long size() {
        return 1L << (32 - prefixLength);
    }

    @Override
    public String toString() {
        return network + "/" + prefixLength;
    }
}
