package io.ironlease.server.failover;

import static org.assertj.core.api.Assertions.assertThat;

import io.ironlease.server.failover.wire.Bytes;
import io.ironlease.shared.net.HardwareAddress;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

class LoadBalanceHashTest {

    record Vector(byte[] mac, int secs, Set<String> offeredBy) {
    }

    private static final Optional<HashBucketAssignment> SPLIT_128 = Optional.of(HashBucketAssignment.split(128));

    @Test
    void matchesWhichIscServerOfferedToEachOfTheCapturedMacs() throws Exception {
        List<Vector> vectors = load();
        assertThat(vectors).hasSize(288);
        int checked = 0;
        for (Vector v : vectors) {
            boolean primary = LoadBalanceHash.servesLocally(Role.PRIMARY, SPLIT_128, 3, v.secs(), Optional.empty(), v.mac());
            boolean secondary = LoadBalanceHash.servesLocally(Role.SECONDARY, SPLIT_128, 3, v.secs(), Optional.empty(), v.mac());
            Set<String> expected = v.offeredBy();
            assertThat(primary).as(HardwareAddress.toColonHex(v.mac()) + " secs " + v.secs())
                    .isEqualTo(expected.contains("primary"));
            assertThat(secondary).as(HardwareAddress.toColonHex(v.mac()) + " secs " + v.secs())
                    .isEqualTo(expected.contains("secondary"));
            checked++;
        }
        assertThat(checked).isEqualTo(288);
    }

    @Test
    void splitSetsTheLowBucketsLeastSignificantBitFirst() {
        assertThat(HashBucketAssignment.split(128).bytes())
                .isEqualTo(Bytes.fromHex("ffffffffffffffffffffffffffffffff00000000000000000000000000000000"));
        assertThat(HashBucketAssignment.split(3).bytes().get(0)).isEqualTo(0x07);
        assertThat(HashBucketAssignment.split(256).primaryBucketCount()).isEqualTo(256);
        assertThat(HashBucketAssignment.split(0).primaryBucketCount()).isZero();
        assertThat(HashBucketAssignment.parse(String.join(":", java.util.Collections.nCopies(16, "ff"))
                + ":" + String.join(":", java.util.Collections.nCopies(16, "00")))).isEqualTo(HashBucketAssignment.split(128));
    }

    @Test
    void hashStartsFromTheLengthAndMixesFromTheLastByte() {
        assertThat(LoadBalanceHash.hash(new byte[0])).isZero();
        // one byte k: T[1 ^ k]; the table starts 251, 175, so k = 0 gives T[1] = 175
        assertThat(LoadBalanceHash.hash(new byte[] {0})).isEqualTo(175);
        assertThat(LoadBalanceHash.hash(new byte[] {1})).isEqualTo(251);
    }

    @Test
    void clientIdentifierTakesPrecedenceOverChaddrAndPeerWantsIsTheOtherSide() {
        byte[] mac = {2, 0, 0, 0, 0, 1};
        Bytes id = Bytes.of(new byte[] {1, 2, 0, 0, 0, 0, 1});
        assertThat(LoadBalanceHash.bucket(Optional.of(id), mac)).isEqualTo(LoadBalanceHash.hash(id.toArray()));
        assertThat(LoadBalanceHash.bucket(Optional.empty(), mac)).isEqualTo(LoadBalanceHash.hash(mac));
        for (Role role : Role.values()) {
            boolean mine = LoadBalanceHash.servesLocally(role, SPLIT_128, 3, 0, Optional.empty(), mac);
            assertThat(LoadBalanceHash.peerWants(role, SPLIT_128, Optional.empty(), Optional.of(mac))).isEqualTo(!mine);
        }
        assertThat(LoadBalanceHash.servesLocally(Role.SECONDARY, Optional.empty(), 3, 0, Optional.empty(), mac)).isFalse();
        assertThat(LoadBalanceHash.servesLocally(Role.SECONDARY, Optional.empty(), 3, 4, Optional.empty(), mac)).isTrue();
        assertThat(LoadBalanceHash.peerWants(Role.PRIMARY, Optional.empty(), Optional.empty(), Optional.of(mac))).isFalse();
    }

    private static List<Vector> load() throws Exception {
        List<Vector> vectors = new ArrayList<>();
        try (BufferedReader in = new BufferedReader(new InputStreamReader(
                LoadBalanceHashTest.class.getResourceAsStream("/failover/hash-vectors.tsv"), StandardCharsets.US_ASCII))) {
            in.readLine();
            String line;
            while ((line = in.readLine()) != null) {
                String[] f = line.split("\t");
                vectors.add(new Vector(HardwareAddress.parseColonHex(f[0]), Integer.parseInt(f[1]),
                        new HashSet<>(List.of(f[2].split(",")))));
            }
        }
        return vectors;
    }
}
