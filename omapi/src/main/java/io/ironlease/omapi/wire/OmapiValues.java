package io.ironlease.omapi.wire;

import io.ironlease.shared.net.HardwareAddress;
import io.ironlease.shared.net.Ipv4Address;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HexFormat;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.OptionalLong;

/**
 * An OMAPI name/value list: ordered names, each with a raw byte value. The wire has no type tags
 * (OMAPI-NOTES section 4), so values stay raw and are typed on access: {@link #int32}, {@link #ipv4},
 * {@link #string}, {@link #time}, {@link #data}. A zero-length value is OMAPI's null (omshell's
 * {@code unset}); typed accessors treat it as absent, {@link #isNull} tells it apart. Entries keep
 * their order and duplicates, so a decoded list re-encodes to the same bytes; where a name repeats,
 * lookups see the last one, as ISC's generic object does when a value is set twice.
 */
public final class OmapiValues implements Iterable<OmapiValues.Entry> {

    /** The empty list (what a REFRESH or DELETE carries). */
    public static final OmapiValues EMPTY = new OmapiValues(List.of());

    private final List<Entry> entries;

    private OmapiValues(List<Entry> entries) {
        this.entries = entries;
    }

    public static Builder builder() {
        return new Builder();
    }

    /** A builder that starts with these entries. */
    public Builder toBuilder() {
        Builder builder = new Builder();
        builder.entries.addAll(entries);
        return builder;
    }

    public int size() {
        return entries.size();
    }

    public boolean isEmpty() {
        return entries.isEmpty();
    }

    /** The entries in wire order. */
    public List<Entry> entries() {
        return entries;
    }

    /** The names in wire order. */
    public List<String> names() {
        return entries.stream().map(Entry::name).toList();
    }

    @Override
    public Iterator<Entry> iterator() {
        return entries.iterator();
    }

    public boolean contains(String name) {
        return find(name) != null;
    }

    /** Whether the name is present with a zero-length (null) value. */
    public boolean isNull(String name) {
        Entry entry = find(name);
        return entry != null && entry.bytes.length == 0;
    }

    /** The raw bytes of the value, null values included (as an empty array). */
    public Optional<byte[]> raw(String name) {
        Entry entry = find(name);
        return entry == null ? Optional.empty() : Optional.of(entry.bytes.clone());
    }

    /** Opaque data, e.g. {@code dhcp-client-identifier} or {@code load-balance-hba}; null values are absent. */
    public Optional<byte[]> data(String name) {
        byte[] bytes = present(name);
        return bytes == null ? Optional.empty() : Optional.of(bytes.clone());
    }

    /** A 4-byte big-endian integer (signed view); throws {@link OmapiValueException} for any other length. */
    public OptionalInt int32(String name) {
        byte[] bytes = present(name);
        if (bytes == null) {
            return OptionalInt.empty();
        }
        requireLength(name, bytes, 4, "a 4-byte integer");
        return OptionalInt.of(((bytes[0] & 0xff) << 24) | ((bytes[1] & 0xff) << 16) | ((bytes[2] & 0xff) << 8)
                | (bytes[3] & 0xff));
    }

    /** A 4-byte big-endian integer read as unsigned (handles, times, result codes). */
    public OptionalLong uint32(String name) {
        OptionalInt value = int32(name);
        return value.isPresent() ? OptionalLong.of(Integer.toUnsignedLong(value.getAsInt())) : OptionalLong.empty();
    }

    /** Four raw address bytes, e.g. {@code ip-address}. */
    public Optional<Ipv4Address> ipv4(String name) {
        byte[] bytes = present(name);
        if (bytes == null) {
            return Optional.empty();
        }
        requireLength(name, bytes, 4, "a 4-byte IPv4 address");
        return Optional.of(Ipv4Address.fromBytes(bytes));
    }

    /** Text as UTF-8 (ISC sends names and statements as plain bytes without NUL or quotes). */
    public Optional<String> string(String name) {
        byte[] bytes = present(name);
        return bytes == null ? Optional.empty() : Optional.of(new String(bytes, StandardCharsets.UTF_8));
    }

    /** A time: 4-byte big-endian seconds since 1970 UTC; ISC sends 0 for "not set", which reads as the epoch. */
    public Optional<Instant> time(String name) {
        OptionalLong seconds = uint32(name);
        return seconds.isPresent() ? Optional.of(Instant.ofEpochSecond(seconds.getAsLong())) : Optional.empty();
    }

    /**
     * The {@code hardware-address} bytes with the {@code hardware-type} integer (Ethernet when the
     * type is absent, as dhcpd assumes for lookups); empty when there is no address.
     */
    public Optional<HardwareAddress> hardwareAddress() {
        byte[] bytes = present("hardware-address");
        if (bytes == null) {
            return Optional.empty();
        }
        if (bytes.length > HardwareAddress.MAX_LENGTH) {
            throw new OmapiValueException("hardware-address", "longer than 16 bytes (" + bytes.length + ")");
        }
        int type = int32("hardware-type").orElse(HardwareAddress.ETHERNET);
        if (type < 0 || type > 255) {
            throw new OmapiValueException("hardware-type", "out of 0-255: " + Integer.toUnsignedString(type));
        }
        return Optional.of(HardwareAddress.of(type, bytes));
    }

    private Entry find(String name) {
        for (int i = entries.size() - 1; i >= 0; i--) {
            Entry entry = entries.get(i);
            if (entry.name.equals(name)) {
                return entry;
            }
        }
        return null;
    }

    private byte[] present(String name) {
        Entry entry = find(name);
        return entry == null || entry.bytes.length == 0 ? null : entry.bytes;
    }

    private static void requireLength(String name, byte[] bytes, int length, String what) {
        if (bytes.length != length) {
            throw new OmapiValueException(name, "expected " + what + ", got " + bytes.length + " bytes");
        }
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof OmapiValues other && entries.equals(other.entries);
    }

    @Override
    public int hashCode() {
        return entries.hashCode();
    }

    /** For logs: {@code {name="text", other=c0:a8:64:64}} (printable values quoted, as omshell shows them). */
    @Override
    public String toString() {
        StringBuilder out = new StringBuilder("{");
        for (Entry entry : entries) {
            if (out.length() > 1) {
                out.append(", ");
            }
            out.append(entry);
        }
        return out.append('}').toString();
    }

    /** One name/value pair. The name is kept as ISO-8859-1 text so every byte survives a round trip. */
    public static final class Entry {
        private final String name;
        private final byte[] bytes;

        public Entry(String name, byte[] value) {
            if (name.isEmpty()) {
                throw new IllegalArgumentException("an OMAPI name cannot be empty (a zero length ends the list)");
            }
            if (name.length() > 0xffff) {
                throw new IllegalArgumentException("an OMAPI name is at most 65535 bytes");
            }
            for (int i = 0; i < name.length(); i++) {
                if (name.charAt(i) > 0xff) {
                    throw new IllegalArgumentException("an OMAPI name is 8-bit text: " + name);
                }
            }
            this.name = name;
            this.bytes = value.clone();
        }

        public String name() {
            return name;
        }

        /** A copy of the raw value. */
        public byte[] value() {
            return bytes.clone();
        }

        public int length() {
            return bytes.length;
        }

        byte[] bytesUnsafe() {
            return bytes;
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Entry other && name.equals(other.name) && Arrays.equals(bytes, other.bytes);
        }

        @Override
        public int hashCode() {
            return 31 * name.hashCode() + Arrays.hashCode(bytes);
        }

        @Override
        public String toString() {
            return name + "=" + render(bytes);
        }

        private static String render(byte[] bytes) {
            if (bytes.length == 0) {
                return "<null>";
            }
            for (byte b : bytes) {
                if (b < 0x20 || b > 0x7e) {
                    return HexFormat.ofDelimiter(":").formatHex(bytes);
                }
            }
            return '"' + new String(bytes, StandardCharsets.ISO_8859_1) + '"';
        }
    }

    /** Builds a list; {@code put*} replaces a value of the same name in place, {@link #append} never does. */
    public static final class Builder {
        private final List<Entry> entries = new ArrayList<>();

        private Builder() {
        }

        /** Adds an entry at the end even when the name is already present (decoders use this). */
        public Builder append(String name, byte[] value) {
            entries.add(new Entry(name, value));
            return this;
        }

        /** Sets the raw value: replaces the last entry of that name in place, or appends. */
        public Builder put(String name, byte[] value) {
            Entry entry = new Entry(name, value);
            for (int i = entries.size() - 1; i >= 0; i--) {
                if (entries.get(i).name.equals(name)) {
                    entries.set(i, entry);
                    return this;
                }
            }
            entries.add(entry);
            return this;
        }

        public Builder putData(String name, byte[] value) {
            return put(name, value);
        }

        /** A zero-length value: OMAPI's null, what omshell's {@code unset} sends. */
        public Builder putNull(String name) {
            return put(name, new byte[0]);
        }

        public Builder putInt32(String name, int value) {
            return put(name, new byte[] {(byte) (value >>> 24), (byte) (value >>> 16), (byte) (value >>> 8), (byte) value});
        }

        public Builder putUint32(String name, long value) {
            if (value < 0 || value > 0xffff_ffffL) {
                throw new IllegalArgumentException(name + ": not an unsigned 32-bit value: " + value);
            }
            return putInt32(name, (int) value);
        }

        public Builder putIpv4(String name, Ipv4Address address) {
            return put(name, address.toBytes());
        }

        /** Text as UTF-8 bytes, no terminator. */
        public Builder putString(String name, String value) {
            return put(name, value.getBytes(StandardCharsets.UTF_8));
        }

        /** Seconds since 1970 UTC as a 4-byte unsigned integer. */
        public Builder putTime(String name, Instant time) {
            return putUint32(name, time.getEpochSecond());
        }

        /** {@code hardware-address} (raw bytes) followed by {@code hardware-type} (integer), as omshell sets them. */
        public Builder putHardwareAddress(HardwareAddress address) {
            put("hardware-address", address.bytes());
            return putInt32("hardware-type", address.type());
        }

        /** Appends every entry of another list, in order. */
        public Builder appendAll(OmapiValues values) {
            entries.addAll(values.entries);
            return this;
        }

        public Builder remove(String name) {
            entries.removeIf(entry -> entry.name.equals(name));
            return this;
        }

        public OmapiValues build() {
            return entries.isEmpty() ? EMPTY : new OmapiValues(Collections.unmodifiableList(new ArrayList<>(entries)));
        }
    }
}
