package io.ironlease.omapi.interop;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.ironlease.omapi.client.OmapiClient;
import io.ironlease.omapi.client.OmapiObject;
import io.ironlease.omapi.client.OpenFlag;
import io.ironlease.omapi.server.OmapiServer;
import io.ironlease.omapi.testing.GoldenVectors;
import io.ironlease.omapi.testing.MemoryHostProvider;
import io.ironlease.omapi.testing.MemoryLeaseProvider;
import io.ironlease.omapi.wire.OmapiException;
import io.ironlease.omapi.wire.OmapiStatus;
import io.ironlease.omapi.wire.OmapiValues;
import io.ironlease.shared.keys.OmapiKey;
import io.ironlease.shared.net.HardwareAddress;
import io.ironlease.shared.net.Ipv4Address;
import java.net.InetAddress;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Our client against the real ISC dhcpd 4.4.3, started in a network namespace made by the test; and
 * the authentication failures tried against dhcpd and against our server, which must give the same
 * statuses (issue: "wrong key, no key, corrupted signature: refused by both sides, with the same status").
 */
@Tag("interop")
class OmapiClientInteropIT {

    private static final OmapiKey KEY = GoldenVectors.labKey();
    private static NetnsDhcpd dhcpd;
    private static OmapiServer ours;

    @BeforeAll
    static void start() throws Exception {
        dhcpd = new NetnsDhcpd(KEY, Instant.now());
        ours = OmapiServer.builder().port(0).bindAddress(InetAddress.getLoopbackAddress()).key(KEY)
                .provider(new MemoryLeaseProvider(null)).provider(new MemoryHostProvider(null)).build().start();
    }

    @AfterAll
    static void stop() throws Exception {
        if (ours != null) {
            ours.close();
        }
        if (dhcpd != null) {
            dhcpd.close();
        }
    }

    private static OmapiClient client() throws OmapiException {
        return OmapiClient.builder().key(KEY).connectTimeout(Duration.ofSeconds(10))
                .requestTimeout(Duration.ofSeconds(10)).connect("127.0.0.1", dhcpd.port());
    }

    private static OmapiValues ip(String address) {
        return OmapiValues.builder().putIpv4("ip-address", Ipv4Address.parse(address)).build();
    }

    private static void assertStatus(ThrowingCallable call, OmapiStatus status, String message) {
        assertThatThrownBy(call).isInstanceOfSatisfying(OmapiException.class, e -> {
            assertThat(e.status()).isEqualTo(status);
            assertThat(e.serverMessage().orElse(null)).isEqualTo(message);
        });
    }

    @Test
    void leaseByIpAndByHardwareAddress() throws Exception {
        try (OmapiClient client = client()) {
            OmapiObject lease = client.open("lease", ip("192.168.100.100"));
            assertThat(lease.values().names()).containsExactly("state", "ip-address", "dhcp-client-identifier",
                    "client-hostname", "subnet", "pool", "hardware-address", "hardware-type", "ends", "starts", "tstp",
                    "tsfp", "atsfp", "cltt", "flags");
            assertThat(lease.values().int32("state")).hasValue(2);
            assertThat(lease.values().string("client-hostname")).contains("interop-client-01");
            assertThat(lease.values().data("dhcp-client-identifier")).hasValue(HexFormat.of().parseHex("01525400aa0001"));
            HardwareAddress hardware = HardwareAddress.parseEthernet("52:54:00:aa:00:02");
            OmapiObject byHardware = client.open("lease", OmapiValues.builder().putHardwareAddress(hardware).build());
            assertThat(byHardware.values().ipv4("ip-address")).contains(Ipv4Address.parse("192.168.100.101"));
            OmapiObject byAddressOnly = client.open("lease", OmapiValues.builder()
                    .putData("hardware-address", hardware.bytes()).build());
            assertThat(byAddressOnly.handle()).isEqualTo(byHardware.handle());
            assertThat(client.refresh(lease.handle())).isEqualTo(client.open("lease", ip("192.168.100.100")));
            assertStatus(() -> client.open("lease", ip("192.168.100.250")), OmapiStatus.NOT_FOUND,
                    "no object matches specification");
        }
    }

    @Test
    void hostCreateOpenRemove() throws Exception {
        try (OmapiClient client = client()) {
            OmapiObject created = client.create("host", OmapiValues.builder().putString("name", "interop-host")
                    .putHardwareAddress(HardwareAddress.parseEthernet("52:54:00:cc:00:01"))
                    .putIpv4("ip-address", Ipv4Address.parse("192.168.100.50")).build());
            assertThat(created.values().names()).containsExactly("ip-address", "name", "hardware-address", "hardware-type");
            OmapiValues byName = OmapiValues.builder().putString("name", "interop-host").build();
            assertThat(client.open("host", byName)).isEqualTo(created);
            assertStatus(() -> client.open("host", byName, EnumSet.of(OpenFlag.CREATE, OpenFlag.EXCLUSIVE)),
                    OmapiStatus.EXISTS, "specified object already exists");
            client.delete(created.handle());
            assertStatus(() -> client.open("host", byName), OmapiStatus.NOT_FOUND, "no object matches specification");
        }
    }

    @Test
    void failoverStateUnconfiguredControlAndUnknownType() throws Exception {
        try (OmapiClient client = client()) {
            assertStatus(() -> client.open("failover-state", OmapiValues.builder().putString("name", "peer").build()),
                    OmapiStatus.NOT_FOUND, "no object matches specification");
            OmapiObject control = client.open("control", OmapiValues.EMPTY);
            assertThat(control.values().int32("state")).hasValue(0);
            assertStatus(() -> client.open("frobnicator", OmapiValues.EMPTY), OmapiStatus.NOT_FOUND, "no matching handle");
            assertStatus(() -> client.delete(0), OmapiStatus.NOT_FOUND, "no matching handle");
        }
    }

    @Test
    void eightRequestsInFlight() throws Exception {
        try (OmapiClient client = client()) {
            for (int round = 0; round < 25; round++) {
                List<CompletableFuture<OmapiObject>> inFlight = new ArrayList<>();
                for (int i = 0; i < 8; i++) {
                    inFlight.add(client.openAsync("lease", ip("192.168.100." + (100 + i % 3)), EnumSet.noneOf(OpenFlag.class)));
                }
                for (int i = 0; i < 8; i++) {
                    assertThat(inFlight.get(i).get(10, TimeUnit.SECONDS).values().ipv4("ip-address"))
                            .contains(Ipv4Address.parse("192.168.100." + (100 + i % 3)));
                }
            }
        }
        assertThat(dhcpd.isRunning()).as(dhcpd.log()).isTrue();
    }

    /*
     * After a bad signature dhcpd answers an unsigned 0x6000b and keeps reading (omshell is the one that
     * hangs up, because the reply's authid does not match its request's). Our server sends the same
     * status and then closes the connection, by design.
     */
    @Test
    void wrongSecretIsRefusedWithInvalidKeyByBoth() throws Exception {
        AuthProbe.Outcome isc = new AuthProbe(dhcpd.port(), KEY).wrongSecret();
        assertThat(isc).isEqualTo(new AuthProbe.Outcome(OmapiStatus.INVALID_KEY.code(), null, false));
        assertThat(new AuthProbe(ours.port(), KEY).wrongSecret())
                .isEqualTo(new AuthProbe.Outcome(isc.result(), isc.message(), true));
    }

    @Test
    void noKeyIsRefusedWithNoKeySpecifiedByBoth() throws Exception {
        AuthProbe.Outcome isc = new AuthProbe(dhcpd.port(), KEY).noKey();
        assertThat(isc).isEqualTo(new AuthProbe.Outcome(OmapiStatus.NO_KEYS.code(), "No authenticator on message", false));
        assertThat(new AuthProbe(ours.port(), KEY).noKey()).isEqualTo(isc);
    }

    @Test
    void unknownKeyNameIsRefusedWithNotFoundByBoth() throws Exception {
        AuthProbe.Outcome isc = new AuthProbe(dhcpd.port(), KEY).unknownKeyName();
        assertThat(isc).isEqualTo(new AuthProbe.Outcome(OmapiStatus.NOT_FOUND.code(),
                "no object matches specification", false));
        assertThat(new AuthProbe(ours.port(), KEY).unknownKeyName()).isEqualTo(isc);
    }

    @Test
    void corruptedSignatureIsRefusedUnsignedByBoth() throws Exception {
        AuthProbe.Outcome isc = new AuthProbe(dhcpd.port(), KEY).corruptedSignature();
        assertThat(isc).isEqualTo(new AuthProbe.Outcome(OmapiStatus.INVALID_KEY.code(), null, false));
        assertThat(new AuthProbe(ours.port(), KEY).corruptedSignature())
                .isEqualTo(new AuthProbe.Outcome(isc.result(), isc.message(), true));
    }
}
