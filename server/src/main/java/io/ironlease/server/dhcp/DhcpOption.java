package io.ironlease.server.dhcp;

import java.util.Arrays;
import java.util.HexFormat;

/**
 * One option as carried on the wire: its code and its value after RFC 3396 concatenation. The value
 * may be longer than 255 bytes; the codec splits it into several instances when encoding. Immutable:
 * the public constructor and {@link #value()} copy; the codec and reply builders hand over arrays they
 * made and never touch again ({@link #adopt}), which saves a copy per option on the hot path.
 */
public final class DhcpOption {

    private final int code;
    private final byte[] value;

    public DhcpOption(int code, byte[] value) {
        this(code, value, true);
    }

    private DhcpOption(int code, byte[] value, boolean copy) {
        if (code < 1 || code > 254) {
            throw new IllegalArgumentException("option code must be 1-254, got " + code);
        }
        this.code = code;
        this.value = copy ? value.clone() : value;
    }

    /** An option that owns {@code value} from now on: the caller must not keep or change the array. */
    static DhcpOption adopt(int code, byte[] value) {
        return new DhcpOption(code, value, false);
    }

    public int code() {
        return code;
    }

    public byte[] value() {
        return value.clone();
    }

    /** Value length in bytes, without copying it. */
    public int length() {
        return value.length;
    }

    /** Bytes the option takes on the wire: a 2-byte header per instance of at most 255 value bytes. */
    public int encodedLength() {
        int instances = Math.max(1, (value.length + 254) / 255);
        return value.length + 2 * instances;
    }

    byte[] rawValue() {
        return value;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof DhcpOption other && code == other.code && Arrays.equals(value, other.value);
    }

    @Override
    public int hashCode() {
        return 31 * code + Arrays.hashCode(value);
    }

    @Override
    public String toString() {
        return code + "=" + HexFormat.of().formatHex(value);
    }
}
