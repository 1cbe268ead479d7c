package io.ironlease.shared.net;

import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.UnknownHostException;

/**
 * An IPv4 address held as its 32 bits. Ordering is unsigned, so 128.0.0.0 sorts after 127.255.255.255.
 */
public record Ipv4Address(int bits) implements Comparable<Ipv4Address> {

    public static final Ipv4Address ANY = new Ipv4Address(0);
    public static final Ipv4Address BROADCAST = new Ipv4Address(-1);

    /** Parses dotted-quad text strictly: four decimal octets 0-255, no leading sign, no spaces. */
    public static Ipv4Address parse(String text) {
        Ipv4Address address = tryParse(text);
        if (address == null) {
            throw new IllegalArgumentException("not an IPv4 address: \"" + text + "\"");
        }
        return address;
    }

    /** Like {@link #parse} but answers null instead of throwing, for lexers that try several readings. */
    public static Ipv4Address tryParse(String text) {
        if (text == null || text.isEmpty() || text.length() > 15) {
            return null;
        }
        int bits = 0;
        int octets = 0;
        int value = -1;
        int digits = 0;
        for (int i = 0; i <= text.length(); i++) {
            char c = i < text.length() ? text.charAt(i) : '.';
            if (c == '.') {
                if (value < 0 || octets == 4) {
                    return null;
                }
                bits = (bits << 8) | value;
                octets++;
                value = -1;
                digits = 0;
            } else if (c >= '0' && c <= '9') {
                value = (value < 0 ? 0 : value * 10) + (c - '0');
                if (++digits > 3 || value > 255) {
                    return null;
                }
            } else {
                return null;
            }
        }
        return octets == 4 ? new Ipv4Address(bits) : null;
    }

    public static Ipv4Address fromBytes(byte[] bytes) {
        return fromBytes(bytes, 0);
    }

    public static Ipv4Address fromBytes(byte[] bytes, int offset) {
        if (bytes.length - offset < 4) {
            throw new IllegalArgumentException("an IPv4 address needs 4 bytes, got " + (bytes.length - offset));
        }
        int bits = ((bytes[offset] & 0xff) << 24) | ((bytes[offset + 1] & 0xff) << 16)
                | ((bytes[offset + 2] & 0xff) << 8) | (bytes[offset + 3] & 0xff);
        return bits == 0 ? ANY : new Ipv4Address(bits); // most header addresses of a request are 0.0.0.0
    }

    public static Ipv4Address fromLong(long value) {
        if (value < 0 || value > 0xffff_ffffL) {
            throw new IllegalArgumentException("outside the IPv4 space: " + value);
        }
        return new Ipv4Address((int) value);
    }

    public static Ipv4Address of(InetAddress address) {
        if (!(address instanceof Inet4Address)) {
            throw new IllegalArgumentException("not an IPv4 address: " + address);
        }
        return fromBytes(address.getAddress());
    }

    /** The address as an unsigned number, 0 to 2^32-1. */
    public long toLong() {
        return bits & 0xffff_ffffL;
    }

    public byte[] toBytes() {
        return new byte[] {(byte) (bits >>> 24), (byte) (bits >>> 16), (byte) (bits >>> 8), (byte) bits};
    }

    public void writeTo(byte[] target, int offset) {
        target[offset] = (byte) (bits >>> 24);
        target[offset + 1] = (byte) (bits >>> 16);
        target[offset + 2] = (byte) (bits >>> 8);
        target[offset + 3] = (byte) bits;
    }

    public Inet4Address toInetAddress() {
        try {
            return (Inet4Address) InetAddress.getByAddress(toBytes());
        } catch (UnknownHostException impossible) {
            throw new IllegalStateException(impossible);
        }
    }

    /** The address {@code delta} places further on; fails outside the IPv4 space instead of wrapping. */
    public Ipv4Address plus(long delta) {
        return fromLong(toLong() + delta);
    }

    public boolean isAny() {
        return bits == 0;
    }

    public boolean isLoopback() {
        return (bits >>> 24) == 127;
    }

    @Override
    public int compareTo(Ipv4Address other) {
        return Integer.compareUnsigned(bits, other.bits);
    }

    @Override
    public String toString() {
        return (bits >>> 24) + "." + ((bits >>> 16) & 0xff) + "." + ((bits >>> 8) & 0xff) + "." + (bits & 0xff);
    }
}
