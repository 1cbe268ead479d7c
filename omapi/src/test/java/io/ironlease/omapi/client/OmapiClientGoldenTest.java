package io.ironlease.omapi.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.ironlease.omapi.testing.GoldenVectors;
import io.ironlease.omapi.testing.ReplayServer;
import io.ironlease.omapi.wire.OmapiException;
import io.ironlease.omapi.wire.OmapiStatus;
import io.ironlease.omapi.wire.OmapiValues;
import io.ironlease.shared.keys.KeyAlgorithm;
import io.ironlease.shared.keys.OmapiKey;
import io.ironlease.shared.net.HardwareAddress;
import io.ironlease.shared.net.Ipv4Address;
import java.time.Duration;
import java.util.HexFormat;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * Our client replays omshell's sessions against the captured dhcpd replies and sends exactly the
 * bytes omshell sent (same ids with {@link OmapiClient#OMSHELL_FIRST_MESSAGE_ID}, same signatures).
 */
class OmapiClientGoldenTest {

    private static OmapiClient connect(ReplayServer server, OmapiKey key) throws OmapiException {
        OmapiClient.Builder builder = OmapiClient.builder().firstMessageId(OmapiClient.OMSHELL_FIRST_MESSAGE_ID)
                .connectTimeout(Duration.ofSeconds(10)).requestTimeout(Duration.ofSeconds(10));
        if (key != null) {
            builder.key(key);
        }
        return builder.connect("127.0.0.1", server.port());
    }

    private static OmapiValues ip(String address) {
        return OmapiValues.builder().putIpv4("ip-address", Ipv4Address.parse(address)).build();
    }

    @Test
    void p05LeaseLookupsByIpAreByteIdenticalToOmshell() throws Exception {
        GoldenVectors.Session session = GoldenVectors.load("p05-lease-by-ip");
        try (ReplayServer server = new ReplayServer(session); OmapiClient client = connect(server, GoldenVectors.labKey())) {
            OmapiObject lease = client.open("lease", ip("192.168.100.100"));
            assertThat(lease.handle()).isEqualTo(2);
            assertThat(lease.values().string("client-hostname")).contains("lab-client-01");
            assertThat(client.refresh(lease.handle())).isEqualTo(lease);
            assertThat(client.open("lease", ip("192.168.100.105")).values().int32("state")).hasValue(1);
            assertThat(client.open("lease", ip("192.168.100.106")).values().int32("state")).hasValue(5);
            assertThat(client.open("lease", ip("192.168.100.150")).values().time("ends")).isPresent();
            assertThat(client.open("lease", ip("192.168.100.110")).handle()).isEqualTo(8);
            client.close();
            assertThat(server.clientBytes().get(10, TimeUnit.SECONDS)).isEqualTo(session.clientStream());
        }
    }

    @Test
    void p07HostCreateAndDuplicateAreByteIdenticalToOmshell() throws Exception {
        GoldenVectors.Session session = GoldenVectors.load("p07-host-create");
        try (ReplayServer server = new ReplayServer(session); OmapiClient client = connect(server, GoldenVectors.labKey())) {
            OmapiObject host = client.create("host", OmapiValues.builder().putString("name", "omapi-host-1")
                    .putHardwareAddress(HardwareAddress.parseEthernet("52:54:00:cc:00:01"))
                    .putIpv4("ip-address", Ipv4Address.parse("192.168.100.50")).build());
            assertThat(host.handle()).isEqualTo(12);
            assertThat(host.values().names()).containsExactly("ip-address", "name", "hardware-address", "hardware-type");
            assertThat(client.open("host", OmapiValues.builder().putString("name", "omapi-host-1").build()))
                    .isEqualTo(host);
            assertThatThrownBy(() -> client.create("host", OmapiValues.builder().putString("name", "omapi-host-1")
                    .putHardwareAddress(HardwareAddress.parseEthernet("52:54:00:cc:00:99")).build()))
                    .isInstanceOfSatisfying(OmapiException.class, e -> {
                        assertThat(e.status()).isEqualTo(OmapiStatus.EXISTS);
                        assertThat(e.status().text()).isEqualTo("already exists");
                        assertThat(e.serverMessage()).contains("can't update object");
                    });
            OmapiObject second = client.create("host", OmapiValues.builder().putString("name", "omapi-host-2")
                    .putData("dhcp-client-identifier", HexFormat.ofDelimiter(":").parseHex("01:52:54:00:cc:00:02"))
                    .putString("statements", "option host-name \"omapi-host-2\";").build());
            assertThat(second.handle()).isEqualTo(13);
            client.close();
            assertThat(server.clientBytes().get(10, TimeUnit.SECONDS)).isEqualTo(session.clientStream());
        }
    }

    @Test
    void p02WithoutKeyGetsNoKeySpecified() throws Exception {
        GoldenVectors.Session session = GoldenVectors.load("p02-connect-nokey");
        try (ReplayServer server = new ReplayServer(session); OmapiClient client = connect(server, null)) {
            assertThatThrownBy(() -> client.open("lease", ip("192.168.100.100")))
                    .isInstanceOfSatisfying(OmapiException.class, e -> {
                        assertThat(e.status()).isEqualTo(OmapiStatus.NO_KEYS);
                        assertThat(e.status().text()).isEqualTo("no key specified");
                        assertThat(e.serverMessage()).contains("No authenticator on message");
                    });
            client.close();
            assertThat(server.clientBytes().get(10, TimeUnit.SECONDS)).isEqualTo(session.clientStream());
        }
    }

    @Test
    void p03WrongSecretEndsInConnectionReset() throws Exception {
        GoldenVectors.Session session = GoldenVectors.load("p03-connect-wrong-secret");
        OmapiKey wrong = OmapiKey.fromBase64("omapi_key", KeyAlgorithm.HMAC_MD5, "d3Jvbmctc2VjcmV0LWtleQ==");
        try (ReplayServer server = new ReplayServer(session); OmapiClient client = connect(server, wrong)) {
            // dhcpd's unsigned 0x6000b STATUS answers the request; the close follows it
            assertThatThrownBy(() -> client.open("lease", ip("192.168.100.100")))
                    .isInstanceOfSatisfying(OmapiException.class,
                            e -> assertThat(e.status()).isEqualTo(OmapiStatus.INVALID_KEY));
            assertThat(server.clientBytes().get(10, TimeUnit.SECONDS)).isEqualTo(session.clientStream());
            assertThatThrownBy(() -> client.open("lease", ip("192.168.100.100")))
                    .isInstanceOf(OmapiConnectionClosedException.class)
                    .hasMessageStartingWith("connection reset by peer");
        }
    }

    @Test
    void p04UnknownKeyNameFailsTheConnect() throws Exception {
        GoldenVectors.Session session = GoldenVectors.load("p04-connect-unknown-keyname");
        OmapiKey unknown = OmapiKey.fromBase64("nosuch_key", KeyAlgorithm.HMAC_MD5, "mqrZp5fdsE0IGpJxsoE2hA==");
        try (ReplayServer server = new ReplayServer(session)) {
            assertThatThrownBy(() -> connect(server, unknown))
                    .isInstanceOfSatisfying(OmapiException.class, e -> {
                        assertThat(e.status()).isEqualTo(OmapiStatus.NOT_FOUND);
                        assertThat(e.status().text()).isEqualTo("not found");
                    });
            assertThat(server.clientBytes().get(10, TimeUnit.SECONDS)).isEqualTo(session.clientStream());
        }
    }
}
