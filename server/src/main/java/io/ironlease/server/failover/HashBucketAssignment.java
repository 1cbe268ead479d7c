package io.ironlease.server.failover;

import io.ironlease.server.failover.wire.Bytes;
import io.ironlease.shared.net.HardwareAddress;

/**
 * The 256-bit hash bucket assignment (HBA, draft §12.11, RFC 3074 §4) that the primary sends in
 * CONNECT: bucket b belongs to the primary when bit {@code b & 7} of byte {@code b >> 3} is set
 * (least significant bit first, as ISC tests it). {@code split 128} sets buckets 0-127, i.e. sixteen
 * 0xff bytes then sixteen zero bytes.
 */
public final class HashBucketAssignment {

    public static final int LENGTH = 32;

    private final Bytes bits;

    private HashBucketAssignment(Bytes bits) {
        this.bits = bits;
    }

    /** dhcpd.conf {@code split N}: the primary takes buckets 0 to N-1 (N from 0 to 256). */
    public static HashBucketAssignment split(int buckets) {
        if (buckets < 0 || buckets > 256) {
            throw new IllegalArgumentException("split must be 0-256, got " + buckets);
        }
        byte[] map = new byte[LENGTH];
        for (int b = 0; b < buckets; b++) {
            map[b >> 3] |= (byte) (1 << (b & 7));
        }
        return new HashBucketAssignment(Bytes.of(map));
    }

    /** The 32 bytes as sent in CONNECT or written after dhcpd.conf {@code hba}. */
    public static HashBucketAssignment of(Bytes bitmap) {
        if (bitmap.length() != LENGTH) {
            throw new IllegalArgumentException("a hash bucket assignment has 32 bytes, got " + bitmap.length());
        }
        return new HashBucketAssignment(bitmap);
    }

    /** dhcpd.conf {@code hba ff:ff:...;} (32 colon-separated hex octets). */
    public static HashBucketAssignment parse(String colonHex) {
        return of(Bytes.of(HardwareAddress.parseColonHex(colonHex)));
    }

    public Bytes bytes() {
        return bits;
    }

    /** Whether the primary answers clients hashing to this bucket (0-255). */
    public boolean isPrimaryBucket(int bucket) {
        return (bits.get((bucket >> 3) & 0x1f) & (1 << (bucket & 7))) != 0;
    }

    public int primaryBucketCount() {
        int count = 0;
        for (int b = 0; b < 256; b++) {
            count += isPrimaryBucket(b) ? 1 : 0;
        }
        return count;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof HashBucketAssignment other && bits.equals(other.bits);
    }

    @Override
    public int hashCode() {
        return bits.hashCode();
    }

    @Override
    public String toString() {
        return "hba " + bits.hex();
    }
}
