package io.ironlease.server.failover;

import io.ironlease.server.failover.wire.Bytes;
import java.util.Optional;

/**
 * RFC 3074 load balancing as ISC dhcpd 4.4 applies it (server/failover.c load_balance_mine and
 * peer_wants_lease): a Pearson hash of the client identifier (option 61) or, without one, of the
 * chaddr bytes (hlen of them, no hardware type), looked up in the hash bucket assignment.
 */
public final class LoadBalanceHash {

    /** RFC 3074 §6 mixing table: a permutation of 0-255. */
    private static final int[] MIX = {
        251, 175, 119, 215, 81, 14, 79, 191, 103, 49, 181, 143, 186, 157, 0, 232, 31, 32, 55, 60,
        152, 58, 17, 237, 174, 70, 160, 144, 220, 90, 57, 223, 59, 3, 18, 140, 111, 166, 203, 196,
        134, 243, 124, 95, 222, 179, 197, 65, 180, 48, 36, 15, 107, 46, 233, 130, 165, 30, 123, 161,
        209, 23, 97, 16, 40, 91, 219, 61, 100, 10, 210, 109, 250, 127, 22, 138, 29, 108, 244, 67,
        207, 9, 178, 204, 74, 98, 126, 249, 167, 116, 34, 77, 193, 200, 121, 5, 20, 113, 71, 35,
        128, 13, 182, 94, 25, 226, 227, 199, 75, 27, 41, 245, 230, 224, 43, 225, 177, 26, 155, 150,
        212, 142, 218, 115, 241, 73, 88, 105, 39, 114, 62, 255, 192, 201, 145, 214, 168, 158, 221, 148,
        154, 122, 12, 84, 82, 163, 44, 139, 228, 236, 205, 242, 217, 11, 187, 146, 159, 64, 86, 239,
        195, 42, 106, 198, 118, 112, 184, 172, 87, 2, 173, 117, 176, 229, 247, 253, 137, 185, 99, 164,
        102, 147, 45, 66, 231, 52, 141, 211, 194, 206, 246, 238, 56, 110, 78, 248, 63, 240, 189, 93,
        92, 51, 53, 183, 19, 171, 72, 50, 33, 104, 101, 69, 8, 252, 83, 120, 76, 135, 85, 54,
        202, 125, 188, 213, 96, 235, 136, 208, 162, 129, 190, 132, 156, 38, 47, 1, 7, 254, 24, 4,
        216, 131, 89, 21, 28, 133, 37, 153, 149, 80, 170, 68, 6, 169, 234, 151,
    };

    private LoadBalanceHash() {
    }

    /** RFC 3074 §6: start from the key length (mod 256), mix in the bytes from last to first. */
    public static int hash(byte[] key) {
        int h = key.length & 0xff;
        for (int i = key.length; i > 0; ) {
            h = MIX[h ^ (key[--i] & 0xff)];
        }
        return h;
    }

    /** The client's bucket: the hash of its client identifier when it sent option 61, else of chaddr. */
    public static int bucket(Optional<Bytes> clientIdentifier, byte[] chaddr) {
        return clientIdentifier.map(id -> hash(id.toArray())).orElseGet(() -> hash(chaddr));
    }

    /**
     * Whether this server answers a DISCOVER (or a REQUEST in INIT-REBOOT/SELECTING) in normal state.
     * A client whose secs field exceeds {@code load balance max seconds} is answered by both servers
     * (ISC compares {@code max < secs}); without an HBA (a secondary before its first CONNECT) ISC
     * assumes the client is not ours.
     */
    public static boolean servesLocally(Role role, Optional<HashBucketAssignment> hba, int loadBalanceMaxSeconds,
            int secs, Optional<Bytes> clientIdentifier, byte[] chaddr) {
        if (loadBalanceMaxSeconds < secs) {
            return true;
        }
        if (hba.isEmpty()) {
            return false;
        }
        boolean primaryBucket = hba.get().isPrimaryBucket(bucket(clientIdentifier, chaddr));
        return role == Role.PRIMARY ? primaryBucket : !primaryBucket;
    }

    /**
     * Whether the partner would answer the client that last held a lease, used by pool balancing to
     * hand the partner the addresses its clients will come back for. False without an HBA or without
     * any client identity.
     */
    public static boolean peerWants(Role role, Optional<HashBucketAssignment> hba, Optional<Bytes> clientIdentifier,
            Optional<byte[]> hardwareAddress) {
        if (hba.isEmpty() || (clientIdentifier.isEmpty() && hardwareAddress.isEmpty())) {
            return false;
        }
        int bucket = clientIdentifier.isPresent() ? hash(clientIdentifier.get().toArray()) : hash(hardwareAddress.get());
        boolean primaryBucket = hba.get().isPrimaryBucket(bucket);
        return role == Role.PRIMARY ? !primaryBucket : primaryBucket;
    }
}
