package io.ironlease.omapi.ext;

import io.ironlease.omapi.wire.OmapiValueException;
import io.ironlease.omapi.wire.OmapiValues;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * One page of the lease listing extension: the object values of the server's UPDATE reply to a
 * {@link LeaseQuery} OPEN.
 *
 * <pre>
 * name         wire form
 * version      4-byte integer, {@value #VERSION}
 * count        4-byte integer: leases in this page (0 when nothing matches)
 * leases       the leases, back to back; absent or zero-length when count is 0
 * next-cursor  opaque bytes (1-64), present only when more leases may match: send them as the next
 *              request's cursor, with the same filters
 * </pre>
 *
 * Each lease in {@code leases} is an OMAPI name/value list exactly as in a message: per attribute
 * {@code uint16 name length, name, uint32 value length, value}, ended by a {@code uint16 0}. The
 * attributes are those of the {@code lease} object in an OPEN reply, with the same names and value
 * encodings (state, ip-address, dhcp-client-identifier, client-hostname, hardware-address,
 * hardware-type, ends, starts, tstp, tsfp, atsfp, cltt, ...); {@code subnet} and {@code pool}
 * handles may be left out. Clients ignore names they do not know. Leases come in ascending
 * ip-address order across pages. A page holds at most the request's {@code limit} leases and at most
 * {@value #MAX_LEASES_BYTES} bytes of {@code leases} (so a reply fits the 64 KiB message limit of
 * ISC-sized clients), but always at least one lease if any is left.
 */
public final class LeasePage {

    public static final int VERSION = 1;
    public static final String VERSION_NAME = "version";
    public static final String COUNT = "count";
    public static final String LEASES = "leases";
    public static final String NEXT_CURSOR = "next-cursor";
    /** Budget for the {@code leases} value of one page. */
    public static final int MAX_LEASES_BYTES = 48 * 1024;

    private final List<OmapiValues> leases;
    private final byte[] nextCursor;

    public LeasePage(List<OmapiValues> leases, byte[] nextCursor) {
        if (nextCursor != null && (nextCursor.length == 0 || nextCursor.length > LeaseQuery.MAX_CURSOR_LENGTH)) {
            throw new IllegalArgumentException("next-cursor must be 1-" + LeaseQuery.MAX_CURSOR_LENGTH + " bytes");
        }
        this.leases = List.copyOf(leases);
        this.nextCursor = nextCursor == null ? null : nextCursor.clone();
    }

    /** The leases, each with its attributes in the server's order. */
    public List<OmapiValues> leases() {
        return leases;
    }

    /** Where the next page starts; empty when this is the last page. */
    public Optional<byte[]> nextCursor() {
        return Optional.ofNullable(nextCursor).map(byte[]::clone);
    }

    /** The reply's object values. */
    public OmapiValues toValues() {
        OmapiValues.Builder out = OmapiValues.builder().putInt32(VERSION_NAME, VERSION).putInt32(COUNT, leases.size());
        if (!leases.isEmpty()) {
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            for (OmapiValues lease : leases) {
                writeList(bytes, lease);
            }
            out.putData(LEASES, bytes.toByteArray());
        }
        if (nextCursor != null) {
            out.putData(NEXT_CURSOR, nextCursor);
        }
        return out.build();
    }

    /**
     * Reads a reply's object values (client side). Throws {@link OmapiValueException} when they do
     * not follow the contract: another version, a count that disagrees with the leases, a truncated list.
     */
    public static LeasePage fromValues(OmapiValues values) {
        int version = values.int32(VERSION_NAME).orElseThrow(() -> new OmapiValueException(VERSION_NAME, "missing"));
        if (version != VERSION) {
            throw new OmapiValueException(VERSION_NAME, "version " + version + " is not " + VERSION);
        }
        int count = values.int32(COUNT).orElseThrow(() -> new OmapiValueException(COUNT, "missing"));
        byte[] bytes = values.data(LEASES).orElse(new byte[0]);
        List<OmapiValues> leases = new ArrayList<>();
        int at = 0;
        while (at < bytes.length) {
            if (leases.size() >= count) {
                throw new OmapiValueException(LEASES, "more leases than count " + count);
            }
            OmapiValues.Builder lease = OmapiValues.builder();
            at = readList(bytes, at, lease);
            leases.add(lease.build());
        }
        if (leases.size() != count) {
            throw new OmapiValueException(COUNT, "count " + count + " but " + leases.size() + " leases");
        }
        return new LeasePage(leases, values.data(NEXT_CURSOR).orElse(null));
    }

    /** Encoded size of one lease in {@code leases}. */
    public static int encodedLength(OmapiValues lease) {
        int length = 2;
        for (OmapiValues.Entry entry : lease) {
            length += 2 + entry.name().length() + 4 + entry.length();
        }
        return length;
    }

    /** Collects a page on the server side within the request's limit and the byte budget. */
    public static Builder builder(LeaseQuery query) {
        return new Builder(query.limit());
    }

    /** See {@link #builder}. */
    public static final class Builder {
        private final int limit;
        private final List<OmapiValues> leases = new ArrayList<>();
        private int bytes;

        private Builder(int limit) {
            this.limit = limit;
        }

        /** Adds the lease if it fits; false when the page is full (then the lease starts the next page). */
        public boolean add(OmapiValues lease) {
            int length = encodedLength(lease);
            if (leases.size() >= limit || (!leases.isEmpty() && bytes + length > MAX_LEASES_BYTES)) {
                return false;
            }
            leases.add(lease);
            bytes += length;
            return true;
        }

        public boolean isEmpty() {
            return leases.isEmpty();
        }

        /** The page; {@code nextCursor} null when no lease is left after it. */
        public LeasePage build(byte[] nextCursor) {
            return new LeasePage(leases, nextCursor);
        }
    }

    private static void writeList(ByteArrayOutputStream out, OmapiValues values) {
        for (OmapiValues.Entry entry : values) {
            byte[] name = entry.name().getBytes(StandardCharsets.ISO_8859_1);
            byte[] value = entry.value();
            out.write(name.length >>> 8);
            out.write(name.length);
            out.writeBytes(name);
            out.write(value.length >>> 24);
            out.write(value.length >>> 16);
            out.write(value.length >>> 8);
            out.write(value.length);
            out.writeBytes(value);
        }
        out.write(0);
        out.write(0);
    }

    private static int readList(byte[] in, int at, OmapiValues.Builder into) {
        while (true) {
            int nameLength = (int) readUnsigned(in, at, 2);
            at += 2;
            if (nameLength == 0) {
                return at;
            }
            if (nameLength > in.length - at) {
                throw new OmapiValueException(LEASES, "name runs past the end at offset " + at);
            }
            String name = new String(in, at, nameLength, StandardCharsets.ISO_8859_1);
            at += nameLength;
            long valueLength = readUnsigned(in, at, 4);
            at += 4;
            if (valueLength > in.length - at) {
                throw new OmapiValueException(LEASES, "value of " + name + " runs past the end at offset " + at);
            }
            byte[] value = new byte[(int) valueLength];
            System.arraycopy(in, at, value, 0, value.length);
            at += value.length;
            into.append(name, value);
        }
    }

    private static long readUnsigned(byte[] in, int at, int width) {
        if (width > in.length - at) {
            throw new OmapiValueException(LEASES, "truncated at offset " + at);
        }
        long value = 0;
        for (int i = 0; i < width; i++) {
            value = (value << 8) | (in[at + i] & 0xff);
        }
        return value;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof LeasePage other && leases.equals(other.leases)
                && java.util.Arrays.equals(nextCursor, other.nextCursor);
    }

    @Override
    public int hashCode() {
        return 31 * leases.hashCode() + java.util.Arrays.hashCode(nextCursor);
    }

    @Override
    public String toString() {
        return "LeasePage[" + leases.size() + " leases" + (nextCursor == null ? ", last" : ", more") + "]";
    }
}
