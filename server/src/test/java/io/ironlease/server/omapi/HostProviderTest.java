package io.ironlease.server.omapi;

import static org.assertj.core.api.Assertions.assertThat;

import io.ironlease.omapi.wire.OmapiException;
import io.ironlease.omapi.wire.OmapiStatus;
import io.ironlease.omapi.wire.OmapiValues;
import io.ironlease.shared.net.HardwareAddress;
import io.ironlease.shared.net.Ipv4Address;
import java.util.HexFormat;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Hosts and groups as the p07-p10 and p14 captures used them, and the lease-file records dhcpd wrote. */
class HostProviderTest {

    private static final HexFormat COLONS = HexFormat.ofDelimiter(":");

    private OmapiFixture fx;
    private GroupProvider groups;
    private HostProvider hosts;

    @BeforeEach
    void setUp() {
        fx = OmapiFixture.plain();
        groups = new GroupProvider(fx.engine, fx.config.groups());
        hosts = new HostProvider(fx.leases, fx.engine, groups, fx.clock);
    }

    private static OmapiValues.Builder values() {
        return OmapiValues.builder();
    }

    private static OmapiValues name(String name) {
        return values().putString("name", name).build();
    }

    private static OmapiValues hardware(String mac) {
        return values().putHardwareAddress(HardwareAddress.parseEthernet(mac)).build();
    }

    /** omshell's create: OPEN with create and exclusive, so an existing object is 18. */
    private String create(OmapiValues values) throws OmapiException {
        if (hosts.lookup(values).isPresent()) {
            throw new OmapiException(OmapiStatus.EXISTS);
        }
        return hosts.create(values);
    }

    private OmapiStatus status(Call call) {
        try {
            call.run();
        } catch (OmapiException e) {
            return e.status();
        }
        return OmapiStatus.SUCCESS;
    }

    private interface Call {
        void run() throws OmapiException;
    }

    @Test
    void theCapturedHostAndGroupSessionsWriteWhatDhcpdWrote() throws OmapiException {
        // p07
        create(values().putString("name", "omapi-host-1").putHardwareAddress(HardwareAddress.parseEthernet(
                "52:54:00:cc:00:01")).putIpv4("ip-address", Ipv4Address.parse("192.168.100.50")).build());
        assertThat(status(() -> create(values().putString("name", "omapi-host-1")
                .putHardwareAddress(HardwareAddress.parseEthernet("52:54:00:cc:00:99")).build())))
                .isEqualTo(OmapiStatus.EXISTS);
        create(values().putString("name", "omapi-host-2").putData("dhcp-client-identifier",
                COLONS.parseHex("01:52:54:00:cc:00:02")).putString("statements", "option host-name \"omapi-host-2\";")
                .build());
        // p08
        hosts.update("omapi-host-1", values().putIpv4("ip-address", Ipv4Address.parse("192.168.100.51")).build());
        assertThat(status(() -> hosts.update("omapi-host-1", hardware("52:54:00:cc:00:11"))))
                .isEqualTo(OmapiStatus.EXISTS);
        hosts.update("fixed-one", values().putIpv4("ip-address", Ipv4Address.parse("192.168.100.12")).build());
        // p09
        String found = hosts.lookup(hardware("52:54:00:cc:00:01")).orElseThrow();
        hosts.remove(found);
        hosts.remove(hosts.lookup(name("fixed-two")).orElseThrow());
        assertThat(hosts.lookup(name("fixed-two"))).isEmpty();
        // p14
        groups.create(values().putString("name", "omapi-group")
                .putString("statements", "default-lease-time 600; option domain-name \"grp.example\";").build());
        assertThat(groups.render(groups.lookup(name("omapi-group")).orElseThrow(), fx.handles)).isEqualTo(
                name("omapi-group"));
        create(values().putString("name", "grouped-host").putHardwareAddress(HardwareAddress.parseEthernet(
                "52:54:00:cc:00:31")).putString("group", "omapi-group").build());

        String dhcpd = OmapiFixture.text("/omapi/conf/dhcpd-plain-after.leases");
        String records = dhcpd.substring(dhcpd.indexOf("host omapi-host-1 {"), dhcpd.indexOf("lease 192.168.100.102 {\n"
                + "  starts 2 2026/11/24 23:10:27;\n  ends 3 2026/11/25 00:10:27;\n  cltt 2 2026/11/24 23:10:27;\n"
                + "  binding state active;\n  next binding state free;\n  rewind binding state free;\n"
                + "  hardware ethernet 52:54:00:aa:00:03;\n  uid \"\\001RT\\000\\252\\000\\003\";\n  set"));
        assertThat(fx.appended()).isEqualTo(records);
    }

    @Test
    void repliesCarryDhcpdsAttributesInItsOrderAndNeverTheGroupOrStatements() throws OmapiException {
        create(values().putString("name", "h").putHardwareAddress(HardwareAddress.parseEthernet("52:54:00:cc:00:07"))
                .putData("dhcp-client-identifier", new byte[] {1, 2}).putIpv4("ip-address",
                        Ipv4Address.parse("192.168.100.70")).putString("statements", "option host-name \"h\";").build());
        assertThat(hosts.render("h", fx.handles)).isEqualTo(values().putIpv4("ip-address",
                Ipv4Address.parse("192.168.100.70")).putData("dhcp-client-identifier", new byte[] {1, 2})
                .putString("name", "h").putHardwareAddress(HardwareAddress.parseEthernet("52:54:00:cc:00:07")).build());
        assertThat(hosts.render("fixed-one", fx.handles).names())
                .containsExactly("ip-address", "name", "hardware-address", "hardware-type");
    }

    @Test
    void lookupsGoInDhcpdsOrderAndConflictsAreReported() throws OmapiException {
        assertThat(hosts.lookup(hardware("52:54:00:00:01:01"))).contains("fixed-one");
        assertThat(hosts.lookup(values().putData("hardware-address", COLONS.parseHex("52:54:00:00:01:01")).build()))
                .contains("fixed-one");
        // ip-address is not a key of its own: it names the host of the lease at that address (none at .10)
        assertThat(hosts.lookup(values().putIpv4("ip-address", Ipv4Address.parse("192.168.100.10")).build())).isEmpty();
        assertThat(hosts.lookup(values().putString("name", "fixed-one").putIpv4("ip-address",
                Ipv4Address.parse("192.168.100.60")).build())).isEmpty();
        assertThat(status(() -> hosts.lookup(values().putString("name", "fixed-two")
                .putHardwareAddress(HardwareAddress.parseEthernet("52:54:00:00:01:01")).build())))
                .isEqualTo(OmapiStatus.KEY_CONFLICT);
        assertThat(status(() -> hosts.lookup(values().putString("known", "x").build()))).isEqualTo(OmapiStatus.NO_KEYS);
    }

    @Test
    void createChecksValuesAsDhcpd() {
        assertThat(status(() -> hosts.create(values().putString("name", "bad-1").putString("bogus", "y").build())))
                .isEqualTo(OmapiStatus.UNKNOWN_ATTRIBUTE);
        assertThat(status(() -> hosts.create(values().putString("name", "bad-2").putData("hardware-address",
                COLONS.parseHex("52:54:00:cc:00:21")).putString("hardware-type", "ethernet").build())))
                .isEqualTo(OmapiStatus.INVALID_ARGUMENT);
        assertThat(status(() -> hosts.create(values().putString("name", "bad-3").putString("ip-address", "not-an-ip")
                .build()))).isEqualTo(OmapiStatus.INVALID_ARGUMENT);
        assertThat(status(() -> hosts.create(values().putString("name", "nobody").build())))
                .isEqualTo(OmapiStatus.INVALID_ARGUMENT);
        assertThat(status(() -> hosts.create(values().putString("name", "g").putData("dhcp-client-identifier",
                new byte[] {1}).putString("group", "no-such-group").build()))).isEqualTo(OmapiStatus.NOT_FOUND);
        assertThat(status(() -> hosts.create(values().putString("name", "s").putData("dhcp-client-identifier",
                new byte[] {1}).putString("statements", "if known { option host-name \"x\"; }").build())))
                .isEqualTo(StatementsText.BAD_PARSE);
        assertThat(fx.appended()).isEmpty();
    }

    @Test
    void aHostWithoutANameGetsOneMadeUpAsDhcpdDoes() throws OmapiException {
        String made = hosts.create(hardware("52:54:00:cc:00:40"));
        assertThat(made).matches("nh[0-9a-f]{16}");
        assertThat(hosts.lookup(hardware("52:54:00:cc:00:40"))).isEqualTo(Optional.of(made));
    }

    @Test
    void updatesThatRepeatNothingWriteNothingAndRemovingAnUnknownHostIsNotFound() throws OmapiException {
        hosts.update("fixed-one", values().putString("known", "1").build());
        assertThat(fx.appended()).isEmpty();
        assertThat(status(() -> hosts.update("fixed-one", name("other")))).isEqualTo(OmapiStatus.EXISTS);
        assertThat(status(() -> hosts.remove("no-such-host"))).isEqualTo(OmapiStatus.NOT_FOUND);
        assertThat(status(() -> groups.remove("no-such-group"))).isEqualTo(OmapiStatus.NOT_FOUND);
    }
}
