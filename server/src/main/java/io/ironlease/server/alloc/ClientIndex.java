package io.ironlease.server.alloc;

import io.ironlease.shared.leases.Lease;
import java.util.function.IntPredicate;

/**
 * Finds the leases a client has or had, in any state: by client identifier for leases recorded with
 * one, by hardware address for the others (ISC's uid and hardware hash tables). The candidates it
 * visits are checked with {@link ClientId#owns} by the caller.
 */
final class ClientIndex {

    private final IpHashIndex byUid = new IpHashIndex();
    private final IpHashIndex byHardware = new IpHashIndex();

    void add(Lease lease) {
        if (lease.hasUid()) {
            byUid.add(ClientId.uidHash(lease.uid()), lease.ipBits());
        }
        lease.hardware().ifPresent(hw -> byHardware.add(ClientId.hardwareHash(hw), lease.ipBits()));
    }

    void remove(Lease lease) {
        if (lease.hasUid()) {
            byUid.remove(ClientId.uidHash(lease.uid()), lease.ipBits());
        }
        lease.hardware().ifPresent(hw -> byHardware.remove(ClientId.hardwareHash(hw), lease.ipBits()));
    }

    /** Visits addresses whose lease may belong to {@code client} (by uid, then by hardware). */
    void candidates(ClientId client, IntPredicate visitor) {
        boolean[] stopped = new boolean[1];
        IntPredicate guard = ip -> {
            if (!visitor.test(ip)) {
                stopped[0] = true;
                return false;
            }
            return true;
        };
        if (client.hasUid()) {
            byUid.forEach(ClientId.uidHash(client.uidBytes()), guard);
        }
        if (!stopped[0]) {
            byHardware.forEach(ClientId.hardwareHash(client.hardware()), guard);
        }
    }

    /** Visits addresses of leases recorded with exactly this hardware address. */
    void byHardware(io.ironlease.shared.net.HardwareAddress hardware, IntPredicate visitor) {
        byHardware.forEach(ClientId.hardwareHash(hardware), visitor);
    }

    /** Visits addresses of leases recorded with this client identifier. */
    void byUid(byte[] uid, IntPredicate visitor) {
        byUid.forEach(ClientId.uidHash(uid), visitor);
    }

    int size() {
        return Math.max(byUid.size(), byHardware.size());
    }
}
