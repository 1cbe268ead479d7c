package io.ironlease.server.alloc;

import io.ironlease.shared.leases.Lease;
import io.ironlease.shared.net.HardwareAddress;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.Objects;

/**
 * Who a client is, as dhcpd decides it: its client identifier (option 61) when it sends one, else its
 * hardware address (RFC 2131 4.2). Equal ids mean the same client. A lease recorded with a uid belongs
 * only to that uid; a lease without one belongs to the hardware address.
 */
public final class ClientId {

    private static final byte[] NONE = new byte[0];

    private final byte[] uid;
    private final HardwareAddress hardware;
    private final int hash;

    private ClientId(byte[] uid, HardwareAddress hardware) {
        this.uid = uid == null ? NONE : uid;
        this.hardware = Objects.requireNonNull(hardware, "hardware");
        this.hash = this.uid.length > 0 ? uidHash(this.uid) : hardwareHash(hardware);
    }

    /** @param uid option 61 (copied), or null/empty when the client sent none */
    public static ClientId of(byte[] uid, HardwareAddress hardware) {
        return new ClientId(uid == null || uid.length == 0 ? null : uid.clone(), hardware);
    }

    public boolean hasUid() {
        return uid.length > 0;
    }

    /** The client identifier (a copy), empty when none was sent. */
    public byte[] uid() {
        return uid.clone();
    }

    byte[] uidBytes() {
        return uid;
    }

    public HardwareAddress hardware() {
        return hardware;
    }

    /** Whether {@code lease} records this client (by uid when the lease has one, else by hardware). */
    public boolean owns(Lease lease) {
        if (lease.hasUid()) {
            return uid.length > 0 && lease.uidEquals(uid);
        }
        return lease.hardware().map(hardware::equals).orElse(false);
    }

    static int uidHash(byte[] uid) {
        return mix(Arrays.hashCode(uid));
    }

    static int hardwareHash(HardwareAddress hardware) {
        return mix(hardware.hashCode() * 31 + 7);
    }

    private static int mix(int h) {
        h *= 0x9E3779B9;
        return h ^ (h >>> 15);
    }

    @Override
    public boolean equals(Object o) {
        if (!(o instanceof ClientId other)) {
            return false;
        }
        return uid.length > 0 ? Arrays.equals(uid, other.uid) : other.uid.length == 0 && hardware.equals(other.hardware);
    }

    @Override
    public int hashCode() {
        return hash;
    }

    @Override
    public String toString() {
        return uid.length > 0 ? "uid " + HexFormat.ofDelimiter(":").formatHex(uid) + " (" + hardware + ")"
                : hardware.toString();
    }
}
