package io.ironlease.server.failover.wire;

import java.util.Arrays;
import java.util.HexFormat;

/**
 * An immutable byte string for opaque option data (client-identifier, hash-bucket-assignment, raw
 * options), so that message records compare by content and never leak a mutable array.
 */
public final class Bytes {

    public static final Bytes EMPTY = new Bytes(new byte[0]);

    private final byte[] data;

    private Bytes(byte[] data) {
        this.data = data;
    }

    public static Bytes of(byte... data) {
        return new Bytes(data.clone());
    }

    /** Parses plain hex ("ff00a1"); throws IllegalArgumentException on odd length or non-hex digits. */
    public static Bytes fromHex(String hex) {
        return new Bytes(HexFormat.of().parseHex(hex));
    }

    static Bytes wrap(byte[] data) {
        return new Bytes(data);
    }

    public byte[] toArray() {
        return data.clone();
    }

    public int length() {
        return data.length;
    }

    public int get(int index) {
        return data[index] & 0xff;
    }

    public String hex() {
        return HexFormat.of().formatHex(data);
    }

    void copyTo(byte[] target, int offset) {
        System.arraycopy(data, 0, target, offset, data.length);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Bytes other && Arrays.equals(data, other.data);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(data);
    }

    @Override
    public String toString() {
        return hex();
    }
}
