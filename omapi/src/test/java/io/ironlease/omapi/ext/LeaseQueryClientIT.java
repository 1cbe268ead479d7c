package io.ironlease.omapi.ext;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.ironlease.omapi.client.OmapiClient;
import io.ironlease.omapi.server.OmapiServer;
import io.ironlease.omapi.testing.GoldenVectors;
import io.ironlease.omapi.testing.MemoryLeaseProvider;
import io.ironlease.omapi.testing.MemoryLeaseQueryProvider;
import io.ironlease.omapi.wire.OmapiException;
import io.ironlease.omapi.wire.OmapiStatus;
import io.ironlease.omapi.wire.OmapiValues;
import io.ironlease.shared.net.HardwareAddress;
import io.ironlease.shared.net.Ipv4Address;
import io.ironlease.shared.net.Subnet;
import java.net.InetAddress;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The listing extension between our client and our server with the reference provider. */
class LeaseQueryClientIT {

    private static final List<OmapiValues> LEASES = new ArrayList<>();
    private static OmapiServer server;
    private static OmapiServer plain;

    @BeforeAll
    static void start() throws Exception {
        for (int i = 0; i < 1200; i++) {
            LEASES.add(OmapiValues.builder().putInt32("state", i % 3 == 0 ? 1 : 2)
                    .putIpv4("ip-address", Ipv4Address.parse("10.2." + (i / 200) + "." + (i % 200 + 1)))
                    .putString("client-hostname", "host-with-a-rather-long-name-" + i)
                    .putHardwareAddress(HardwareAddress.ethernet(new byte[] {0, (byte) (i % 2 == 0 ? 0x11 : 0x22), 0, 0,
                        (byte) (i >> 8), (byte) i})).putUint32("ends", 1000).build());
        }
        server = OmapiServer.builder().port(0).bindAddress(InetAddress.getLoopbackAddress()).key(GoldenVectors.labKey())
                .provider(new MemoryLeaseQueryProvider(() -> LEASES)).build().start();
        plain = OmapiServer.builder().port(0).bindAddress(InetAddress.getLoopbackAddress()).key(GoldenVectors.labKey())
                .provider(new MemoryLeaseProvider(null)).build().start();
    }

    @AfterAll
    static void stop() {
        server.close();
        plain.close();
    }

    private static OmapiClient client(OmapiServer to) throws OmapiException {
        return OmapiClient.builder().key(GoldenVectors.labKey()).connect("127.0.0.1", to.port());
    }

    @Test
    void pagesThroughEveryMatchInAddressOrder() throws Exception {
        try (OmapiClient client = client(server)) {
            LeaseQuery active = LeaseQuery.all().withState(2).withMacPrefix(new byte[] {0, 0x11}).withLimit(1000);
            LeasePage first = LeaseQueryClient.fetch(client, active);
            assertThat(first.leases().size()).isBetween(1, 999);
            assertThat(first.nextCursor()).isPresent();
            LeaseQueryClient.Listing all = LeaseQueryClient.list(client, active, Integer.MAX_VALUE);
            List<OmapiValues> expected = LEASES.stream().filter(active::matches).toList();
            assertThat(all.leases()).containsExactlyElementsOf(expected);
            assertThat(all.leases()).hasSize(400);
            assertThat(all.complete()).isTrue();
        }
    }

    @Test
    void smallPagesAndAMaximum() throws Exception {
        try (OmapiClient client = client(server)) {
            LeaseQuery query = LeaseQuery.all().withSubnet(Subnet.parse("10.2.1.0/24")).withLimit(7);
            assertThat(LeaseQueryClient.fetch(client, query).leases()).hasSize(7);
            LeaseQueryClient.Listing first30 = LeaseQueryClient.list(client, query, 30);
            assertThat(first30.leases()).hasSize(30);
            assertThat(first30.complete()).isFalse();
            LeaseQueryClient.Listing all = LeaseQueryClient.list(client, query, 1000);
            assertThat(all.leases()).hasSize(200);
            assertThat(all.complete()).isTrue();
            assertThat(LeaseQueryClient.list(client, query, 200).complete()).isTrue();
        }
    }

    @Test
    void nothingMatchesIsAnEmptyLastPage() throws Exception {
        try (OmapiClient client = client(server)) {
            LeasePage page = LeaseQueryClient.fetch(client, LeaseQuery.all().withSubnet(Subnet.parse("192.168.0.0/16")));
            assertThat(page.leases()).isEmpty();
            assertThat(page.nextCursor()).isEmpty();
        }
    }

    @Test
    void badFiltersAreInvalidArguments() throws Exception {
        try (OmapiClient client = client(server)) {
            assertThatThrownBy(() -> client.open(LeaseQuery.TYPE, OmapiValues.builder().putInt32("state", 42).build()))
                    .isInstanceOfSatisfying(OmapiException.class,
                            e -> assertThat(e.status()).isEqualTo(OmapiStatus.INVALID_ARGUMENT));
            assertThatThrownBy(() -> LeaseQueryClient.fetch(client, LeaseQuery.all().withCursor(new byte[] {1, 2})))
                    .isInstanceOfSatisfying(OmapiException.class,
                            e -> assertThat(e.status()).isEqualTo(OmapiStatus.INVALID_ARGUMENT));
        }
    }

    @Test
    void aServerWithoutTheExtensionSaysNoMatchingHandle() throws Exception {
        try (OmapiClient client = client(plain)) {
            assertThatThrownBy(() -> LeaseQueryClient.fetch(client, LeaseQuery.all()))
                    .isInstanceOfSatisfying(OmapiException.class, e -> {
                        assertThat(LeaseQueryClient.isUnsupported(e)).isTrue();
                        assertThat(e.serverMessage()).contains("no matching handle");
                    });
        }
    }
}
