package io.ironlease.server.failover.engine;

import static org.assertj.core.api.Assertions.assertThat;

import io.ironlease.server.dhcp.MessageType;
import io.ironlease.server.failover.HashBucketAssignment;
import io.ironlease.server.failover.LoadBalanceHash;
import io.ironlease.server.testclient.AckRecord;
import io.ironlease.server.testclient.RelayTestClient;
import io.ironlease.shared.leases.BindingState;
import io.ironlease.shared.leases.Lease;
import io.ironlease.shared.leases.LeaseTable;
import io.ironlease.shared.net.Ipv4Address;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.awaitility.Awaitility;
import org.awaitility.core.ConditionFactory;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Two of our servers as a failover pair on loopback (relay mode, one relay sending every message to
 * both, as a relay with two helper addresses does): they reach NORMAL from empty lease files, split
 * the pool, and each lease one grants reaches the other's lease file; the RFC 3074 hash decides which
 * server answers each client, unless its secs exceed {@code load balance max seconds}.
 */
class FailoverPairIT {

    private static final HashBucketAssignment SPLIT = HashBucketAssignment.split(128);

    @TempDir
    Path dir;
    private InProcessPair pair;

    @AfterEach
    void stop() {
        if (pair != null) {
            pair.close();
        }
    }

    private static ConditionFactory await() {
        return Awaitility.await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(50));
    }

    private void awaitNormal() {
        await().alias("both normal").until(() -> pair.bothNormal());
    }

    /** The server the hash gives a simulated client (it sends client identifier 01 + chaddr). */
    static Ipv4Address expectedServer(RelayTestClient.SimulatedClient client) {
        boolean primary = SPLIT.isPrimaryBucket(LoadBalanceHash.hash(client.clientId()));
        return Ipv4Address.parse(primary ? PairConfig.PRIMARY : PairConfig.SECONDARY);
    }

    @Test
    void pairReachesNormalSharesLeasesAndBalancesByHash() throws Exception {
        pair = new InProcessPair(PairConfig.of(Duration.ofSeconds(60), Duration.ofSeconds(10), "10.20.1.1 10.20.1.100"),
                dir).start();
        awaitNormal();
        // pool balancing gives the secondary about half of the addresses, and both files say so
        await().alias("BACKUP addresses in both files").until(() -> backups(pair.primaryLeases) >= 40
                && backups(pair.primaryLeases) == backups(pair.secondaryLeases));

        List<RelayTestClient.Lease> leases = new ArrayList<>();
        try (RelayTestClient relay = pair.relay(Duration.ofMillis(500), 4)) {
            for (int i = 1; i <= 30; i++) {
                RelayTestClient.SimulatedClient client = relay.client(i);
                RelayTestClient.Lease lease = relay.dora(client);
                assertThat(lease.serverId()).as("the server the hash picks answers " + client.chaddr())
                        .isEqualTo(expectedServer(client));
                leases.add(lease);
            }
            for (AckRecord offer : relay.offers()) {
                RelayTestClient.SimulatedClient client = relay.client(index(offer));
                assertThat(offer.serverId()).as("only the hash's server offers to " + offer.chaddr())
                        .contains(expectedServer(client));
            }
            assertThat(leases.stream().map(RelayTestClient.Lease::serverId).distinct()).hasSize(2);
            assertThat(leases.stream().map(RelayTestClient.Lease::address).distinct()).hasSize(leases.size());
        }
        // every lease is in both lease files, active and bound to its client
        for (Path file : List.of(pair.primaryLeases, pair.secondaryLeases)) {
            await().alias("all leases in " + file.getFileName()).until(() -> {
                LeaseTable table = PairConfig.read(file);
                return leases.stream().allMatch(l -> table.lease(l.address()).map(x -> x.bindingState()
                        == BindingState.ACTIVE && x.hardware().equals(Optional.of(l.client().chaddr()))).orElse(false));
            });
        }
    }

    @Test
    void aClientWaitingLongerThanMaxSecondsIsOfferedByBoth() throws Exception {
        pair = new InProcessPair(PairConfig.of(Duration.ofSeconds(60), Duration.ofSeconds(10), "10.20.1.1 10.20.1.50"),
                dir).start();
        awaitNormal();
        try (RelayTestClient relay = pair.relay(Duration.ofMillis(500), 4)) {
            RelayTestClient.SimulatedClient client = relay.client(7);
            int xid = 0x5ec5;
            relay.exchange(relay.message(client, xid, MessageType.DHCPDISCOVER, Ipv4Address.ANY).secs(10).build(),
                    MessageType.DHCPOFFER).get();
            await().alias("offers from both servers").until(() -> relay.offers().stream()
                    .filter(o -> o.xid() == xid).map(AckRecord::serverId).distinct().count() == 2);
            RelayTestClient.SimulatedClient patient = relay.client(8);
            relay.exchange(relay.message(patient, xid + 1, MessageType.DHCPDISCOVER, Ipv4Address.ANY).secs(2).build(),
                    MessageType.DHCPOFFER).get();
            Awaitility.await().during(Duration.ofMillis(500)).atMost(Duration.ofSeconds(5))
                    .alias("only the hash's server offers within load balance max seconds")
                    .until(() -> relay.offers().stream().filter(o -> o.xid() == xid + 1).map(AckRecord::serverId)
                            .distinct().toList().equals(List.of(Optional.of(expectedServer(patient)))));
        }
    }

    private static int index(AckRecord record) {
        byte[] mac = record.chaddr().bytes();
        return ((mac[2] & 0xff) << 24) | ((mac[3] & 0xff) << 16) | ((mac[4] & 0xff) << 8) | (mac[5] & 0xff);
    }

    private static long backups(Path file) throws Exception {
        return PairConfig.read(file).leases().stream().filter(l -> l.bindingState() == BindingState.BACKUP).count();
    }

    static Optional<Lease> lease(Path file, Ipv4Address address) throws Exception {
        return PairConfig.read(file).lease(address);
    }
}
