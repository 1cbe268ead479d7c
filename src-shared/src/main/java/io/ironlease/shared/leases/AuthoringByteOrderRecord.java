package io.ironlease.shared.leases;

import java.nio.ByteOrder;
import java.util.Objects;

/**
 * {@code authoring-byte-order little-endian;}: the byte order of the machine that wrote the file. dhcpd
 * writes it at the top of every new file; it matters only to the hash of the failover load balancer.
 */
public record AuthoringByteOrderRecord(ByteOrder byteOrder) implements LeaseFileRecord {

    public static final AuthoringByteOrderRecord LITTLE_ENDIAN = new AuthoringByteOrderRecord(ByteOrder.LITTLE_ENDIAN);
    public static final AuthoringByteOrderRecord BIG_ENDIAN = new AuthoringByteOrderRecord(ByteOrder.BIG_ENDIAN);

    public AuthoringByteOrderRecord {
        Objects.requireNonNull(byteOrder, "byteOrder");
    }

    /** The word written in the file: {@code little-endian} or {@code big-endian}. */
    public String fileName() {
        return byteOrder == ByteOrder.LITTLE_ENDIAN ? "little-endian" : "big-endian";
    }
}
