package io.ironlease.shared.leases;

import java.util.Arrays;
import java.util.HexFormat;

/** {@code server-duid "...";}: the DUID dhcpd generated for itself (RFC 8415 section 11), kept across restarts. */
public record ServerDuidRecord(byte[] duid) implements LeaseFileRecord {

    public ServerDuidRecord {
        duid = duid.clone();
    }

    @Override
    public byte[] duid() {
        return duid.clone();
    }

    byte[] rawDuid() {
        return duid;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ServerDuidRecord other && Arrays.equals(duid, other.duid);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(duid);
    }

    @Override
    public String toString() {
        return "ServerDuidRecord[" + HexFormat.ofDelimiter(":").formatHex(duid) + "]";
    }
}
