package io.ironlease.server.omapi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.ironlease.omapi.client.OmapiClient;
import io.ironlease.omapi.client.OmapiObject;
import io.ironlease.omapi.ext.LeaseQuery;
import io.ironlease.omapi.ext.LeaseQueryClient;
import io.ironlease.omapi.wire.OmapiException;
import io.ironlease.omapi.wire.OmapiStatus;
import io.ironlease.omapi.wire.OmapiValues;
import io.ironlease.shared.keys.KeyAlgorithm;
import io.ironlease.shared.keys.OmapiKey;
import io.ironlease.shared.net.HardwareAddress;
import io.ironlease.shared.net.Ipv4Address;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Our OMAPI client against the packaged ironlease-server process on loopback: hosts survive a
 * restart through the lease file, ends = 0 frees a lease, control state 2 stops the server cleanly,
 * the listing extension pages through thousands of leases, several keys (HMAC-SHA256 too) and the
 * listen-address policy.
 */
class OmapiServerIT {

    private static final OmapiKey KEY = TestConfigs.key("omapi_key", KeyAlgorithm.HMAC_MD5);
    private static final OmapiKey OPS = TestConfigs.key("ops_key", KeyAlgorithm.HMAC_SHA256);

    @TempDir
    Path dir;

    private void files(OmapiKey omapiKey, String extra, int lab, int bulk) throws Exception {
        Files.writeString(dir.resolve("dhcpd.conf"), TestConfigs.config(omapiKey, extra));
        Files.writeString(dir.resolve("dhcpd.leases"), TestConfigs.leases(Instant.now(), lab, bulk));
    }

    private static OmapiClient connect(int port, OmapiKey key) throws OmapiException {
        return OmapiClient.builder().key(key).requestTimeout(Duration.ofSeconds(30)).connect("127.0.0.1", port);
    }

    private static OmapiValues name(String name) {
        return OmapiValues.builder().putString("name", name).build();
    }

    @Test
    void aHostCreatedOverOmapiIsInTheLeaseFileAndSurvivesARestart() throws Exception {
        files(KEY, "", 3, 0);
        try (ServerProcess server = ServerProcess.start(dir)) {
            try (OmapiClient client = connect(server.omapiPort(), KEY)) {
                client.create("host", OmapiValues.builder().putString("name", "it-host")
                        .putHardwareAddress(HardwareAddress.parseEthernet("52:54:00:cc:00:42"))
                        .putIpv4("ip-address", Ipv4Address.parse("192.168.100.40")).build());
            }
            // the reply came after the fsync: the record is in the file while the server still runs
            assertThat(Files.readString(server.leases)).contains("host it-host {\n  dynamic;\n"
                    + "  hardware ethernet 52:54:00:cc:00:42;\n  fixed-address 192.168.100.40;\n}\n");
            server.close();
            assertThat(server.awaitExit(Duration.ofSeconds(5))).isZero();
        }
        try (ServerProcess server = ServerProcess.start(dir); OmapiClient client = connect(server.omapiPort(), KEY)) {
            OmapiObject host = client.open("host", name("it-host"));
            assertThat(host.values().ipv4("ip-address")).contains(Ipv4Address.parse("192.168.100.40"));
            assertThat(host.values().hardwareAddress()).contains(HardwareAddress.parseEthernet("52:54:00:cc:00:42"));
            client.delete(host.handle());
        }
        try (ServerProcess server = ServerProcess.start(dir); OmapiClient client = connect(server.omapiPort(), KEY)) {
            assertThatThrownBy(() -> client.open("host", name("it-host"))).isInstanceOf(OmapiException.class)
                    .extracting(e -> ((OmapiException) e).status()).isEqualTo(OmapiStatus.NOT_FOUND);
            assertThat(Files.readString(server.leases)).doesNotContain("it-host");
        }
    }

    @Test
    void endsZeroFreesALeaseAndTheListingPagesThroughThousandsWithEitherKey() throws Exception {
        files(KEY, TestConfigs.keyStanza(OPS), 5, 2500);
        try (ServerProcess server = ServerProcess.start(dir, "--omapi-key", OPS.name())) {
            assertThat(server.omapiAddress()).isEqualTo("0.0.0.0");
            assertThat(server.log()).contains("OMAPI_LISTEN address=0.0.0.0 an omapi-key is configured");
            try (OmapiClient client = connect(server.omapiPort(), KEY)) {
                OmapiValues byIp = OmapiValues.builder().putIpv4("ip-address", Ipv4Address.parse("192.168.100.101"))
                        .build();
                OmapiObject lease = client.open("lease", byIp);
                assertThat(lease.values().int32("state")).hasValue(2);
                client.update(lease.handle(), OmapiValues.builder().putInt32("ends", 0).build());
                OmapiObject freed = client.open("lease", byIp);
                assertThat(freed.values().int32("state")).hasValue(1);
                assertThat(freed.values().uint32("ends")).hasValue(0);
                assertThat(freed.values().int32("remote-handle")).hasValue(lease.handle());
            }
            try (OmapiClient client = connect(server.omapiPort(), OPS)) {
                LeaseQueryClient.Listing all = LeaseQueryClient.list(client, LeaseQuery.all().withLimit(1000), 10_000);
                assertThat(all.complete()).isTrue();
                assertThat(all.leases()).hasSize(2505);
                List<Ipv4Address> order = all.leases().stream().map(l -> l.ipv4("ip-address").orElseThrow()).toList();
                assertThat(order).isSorted().doesNotHaveDuplicates();
                LeaseQueryClient.Listing active = LeaseQueryClient.list(client, LeaseQuery.all().withState(2)
                        .withMacPrefix(new byte[] {0x52, 0x54, 0, (byte) 0xaa}), 100);
                assertThat(active.leases()).hasSize(4); // .101 was freed
            }
        }
        assertThat(Files.readString(dir.resolve("dhcpd.leases"))).contains("lease 192.168.100.101 {")
                .contains("set remote-handle = %");
    }

    @Test
    void controlStateTwoStopsTheServerCleanly() throws Exception {
        files(KEY, "", 2, 0);
        try (ServerProcess server = ServerProcess.start(dir)) {
            assertThat(Files.exists(server.pidFile)).isTrue();
            try (OmapiClient client = connect(server.omapiPort(), KEY)) {
                OmapiObject control = client.open("control", OmapiValues.EMPTY);
                assertThat(control.values().int32("state")).hasValue(0);
                client.update(control.handle(), OmapiValues.builder().putInt32("state", 2).build());
            }
            assertThat(server.awaitExit(Duration.ofSeconds(30))).isZero();
            assertThat(Files.exists(server.pidFile)).isFalse();
            assertThat(server.log()).contains("OMAPI_SHUTDOWN", "DHCP_STOPPED");
        }
    }

    @Test
    void withoutAKeyOnlyLoopbackIsServedUnlessAnAddressIsGiven() throws Exception {
        files(null, "", 1, 0);
        try (ServerProcess server = ServerProcess.start(dir);
                OmapiClient client = OmapiClient.builder().connect("127.0.0.1", server.omapiPort())) {
            assertThat(server.omapiAddress()).isEqualTo("127.0.0.1");
            assertThat(server.log()).contains("OMAPI_LISTEN_LOOPBACK_ONLY");
            assertThat(client.open("lease", OmapiValues.builder().putIpv4("ip-address",
                    Ipv4Address.parse("192.168.100.100")).build()).values().int32("state")).hasValue(2);
        }
        try (ServerProcess server = ServerProcess.start(dir, "--omapi-listen", "127.0.0.2")) {
            assertThat(server.omapiAddress()).isEqualTo("127.0.0.2");
            try (OmapiClient client = OmapiClient.builder().connect("127.0.0.2", server.omapiPort())) {
                assertThat(client.open("control", OmapiValues.EMPTY).values().int32("state")).hasValue(0);
            }
        }
    }

    @Test
    void withTheEngineOnItsOwnThreadOmapiServesTheSame() throws Exception {
        files(KEY, "", 3, 0);
        try (ServerProcess server = ServerProcess.start(dir, "--engine-thread")) {
            try (OmapiClient client = connect(server.omapiPort(), KEY)) {
                OmapiObject lease = client.open("lease", OmapiValues.builder().putIpv4("ip-address",
                        Ipv4Address.parse("192.168.100.102")).build());
                assertThat(lease.values().string("client-hostname")).contains("lab-client-2");
                client.create("host", OmapiValues.builder().putString("name", "loop-host")
                        .putHardwareAddress(HardwareAddress.parseEthernet("52:54:00:cc:00:43")).build());
                client.update(client.open("control", OmapiValues.EMPTY).handle(),
                        OmapiValues.builder().putInt32("state", 2).build());
            }
            assertThat(server.awaitExit(Duration.ofSeconds(30))).isZero();
            assertThat(Files.readString(server.leases)).contains("host loop-host {");
        }
    }
}
