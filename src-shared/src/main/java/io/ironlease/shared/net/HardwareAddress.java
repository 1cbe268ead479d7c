package io.ironlease.shared.net;

import java.util.Arrays;
import java.util.HexFormat;

/**
 * A link-layer address with its ARP hardware type (1 = Ethernet), as in a DHCP chaddr or a dhcpd.conf
 * {@code hardware ethernet 52:54:00:aa:00:01;} statement.
 */
public final class HardwareAddress implements Comparable<HardwareAddress> {

    public static final int ETHERNET = 1;
    public static final int TOKEN_RING = 6;
    public static final int FDDI = 8;
    public static final int INFINIBAND = 32;
    /** The longest address a DHCP chaddr (16 bytes) can carry. */
    public static final int MAX_LENGTH = 16;

    private final int type;
    private final byte[] bytes;

    private HardwareAddress(int type, byte[] bytes) {
        if (type < 0 || type > 255) {
            throw new IllegalArgumentException("hardware type out of 0-255: " + type);
        }
        if (bytes.length > MAX_LENGTH) {
            throw new IllegalArgumentException("hardware address longer than 16 bytes: " + bytes.length);
        }
        this.type = type;
        this.bytes = bytes;
    }

    public static HardwareAddress of(int type, byte[] bytes) {
        return new HardwareAddress(type, bytes.clone());
    }

    public static HardwareAddress ethernet(byte[] bytes) {
        return of(ETHERNET, bytes);
    }

    /** Parses colon-separated hex ({@code 52:54:0:aa:0:1}; ISC allows one-digit octets). */
    public static HardwareAddress parse(int type, String text) {
        return new HardwareAddress(type, parseColonHex(text));
    }

    public static HardwareAddress parseEthernet(String text) {
        return parse(ETHERNET, text);
    }

    /** Colon-separated hex octets of one or two digits; throws IllegalArgumentException otherwise. */
    public static byte[] parseColonHex(String text) {
        if (text.isEmpty()) {
            return new byte[0];
        }
        String[] parts = text.split(":", -1);
        byte[] out = new byte[parts.length];
        for (int i = 0; i < parts.length; i++) {
            String part = parts[i];
            if (part.isEmpty() || part.length() > 2) {
                throw new IllegalArgumentException("bad hex octet \"" + part + "\" in \"" + text + "\"");
            }
            int value = 0;
            for (int j = 0; j < part.length(); j++) {
                int digit = Character.digit(part.charAt(j), 16);
                if (digit < 0) {
                    throw new IllegalArgumentException("bad hex octet \"" + part + "\" in \"" + text + "\"");
                }
                value = value * 16 + digit;
            }
            out[i] = (byte) value;
        }
        return out;
    }

    /** Lower-case two-digit hex octets joined by colons, as dhcpd writes them. */
    public static String toColonHex(byte[] bytes) {
        return HexFormat.ofDelimiter(":").formatHex(bytes);
    }

    public int type() {
        return type;
    }

    public byte[] bytes() {
        return bytes.clone();
    }

    public int length() {
        return bytes.length;
    }

    /** Byte {@code index} of the address (0 to 255), without copying the address. */
    public int byteAt(int index) {
        return bytes[index] & 0xff;
    }

    /** The dhcpd.conf/dhcpd.leases keyword for the type: ethernet, token-ring, fddi or infiniband. */
    public String typeName() {
        return switch (type) {
            case ETHERNET -> "ethernet";
            case TOKEN_RING -> "token-ring";
            case FDDI -> "fddi";
            case INFINIBAND -> "infiniband";
            default -> "unknown-" + type;
        };
    }

    /** The type for a dhcpd.conf keyword, or -1 when the keyword names no type. */
    public static int typeOf(String keyword) {
        return switch (keyword) {
            case "ethernet" -> ETHERNET;
            case "token-ring" -> TOKEN_RING;
            case "fddi" -> FDDI;
            case "infiniband" -> INFINIBAND;
            default -> -1;
        };
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof HardwareAddress other && type == other.type && Arrays.equals(bytes, other.bytes);
    }

    @Override
    public int hashCode() {
        return 31 * type + Arrays.hashCode(bytes);
    }

    @Override
    public int compareTo(HardwareAddress other) {
        int byType = Integer.compare(type, other.type);
        return byType != 0 ? byType : Arrays.compareUnsigned(bytes, other.bytes);
    }

    @Override
    public String toString() {
        return toColonHex(bytes);
    }
}
