package io.ironlease.server.omapi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.ironlease.omapi.testing.GoldenVectors;
import io.ironlease.omapi.wire.OmapiException;
import io.ironlease.omapi.wire.OmapiFrame;
import io.ironlease.omapi.wire.OmapiStatus;
import io.ironlease.omapi.wire.OmapiValueException;
import io.ironlease.omapi.wire.OmapiValues;
import io.ironlease.omapi.wire.Opcode;
import io.ironlease.shared.leases.BindingState;
import io.ironlease.shared.leases.Lease;
import io.ironlease.shared.leases.LeaseVariable;
import io.ironlease.shared.net.HardwareAddress;
import io.ironlease.shared.net.Ipv4Address;
import java.util.HexFormat;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The lease object against the lease file dhcpd's captures ran with: attributes, lookups, updates as dhcpd. */
class LeaseProviderTest {

    private OmapiFixture fx;
    private LeaseProvider provider;

    @BeforeEach
    void setUp() {
        fx = OmapiFixture.plain();
        provider = new LeaseProvider(fx.leases, fx.handles, fx.clock);
        fx.handles.handleFor("authenticator", "omapi_key"); // the server's key is handle 1, as in dhcpd
    }

    private static Ipv4Address ip(String text) {
        return Ipv4Address.parse(text);
    }

    private static OmapiValues byIp(String address) {
        return OmapiValues.builder().putIpv4("ip-address", ip(address)).build();
    }

    /** What the dispatcher does for an OPEN: look up, number the object, render. */
    private OmapiValues open(OmapiValues keys) throws OmapiException {
        Ipv4Address found = provider.lookup(keys).orElseThrow(() -> new OmapiException(OmapiStatus.NOT_FOUND));
        fx.handles.handleFor(LeaseProvider.TYPE, found);
        return provider.render(found, fx.handles);
    }

    @Test
    void everyLeaseOfTheLeaseByIpCaptureRendersAsDhcpdSentIt() throws OmapiException {
        int compared = 0;
        for (OmapiFrame frame : GoldenVectors.load("p05-lease-by-ip").serverMessages()) {
            OmapiValues theirs = frame.message().object();
            if (frame.message().op() == Opcode.UPDATE && theirs.contains("state")) {
                OmapiValues ours = open(OmapiValues.builder().put("ip-address", theirs.raw("ip-address").orElseThrow())
                        .build());
                assertThat(ours).as("lease %s", theirs.ipv4("ip-address").orElseThrow()).isEqualTo(theirs);
                compared++;
            }
        }
        assertThat(compared).isEqualTo(6); // .100 open and refresh, .105 released, .106 abandoned, .150 unused, .110
    }

    @Test
    void lookupsByHardwareAndClientIdentifierFindTheLeasesDhcpdFound() throws OmapiException {
        for (OmapiFrame frame : GoldenVectors.load("p06-lease-by-hw-and-uid").serverMessages()) {
            OmapiValues theirs = frame.message().object();
            if (frame.message().op() == Opcode.UPDATE && theirs.contains("state")) {
                OmapiValues keys = OmapiValues.builder().put("dhcp-client-identifier",
                        theirs.raw("dhcp-client-identifier").orElseThrow()).build();
                assertThat(open(keys)).isEqualTo(theirs);
            }
        }
        assertThat(open(OmapiValues.builder().putData("hardware-address", HexFormat.ofDelimiter(":")
                .parseHex("52:54:00:aa:00:03")).putInt32("hardware-type", 1).build()).ipv4("ip-address"))
                .contains(ip("192.168.100.102"));
        assertThat(open(OmapiValues.builder().putData("hardware-address", HexFormat.ofDelimiter(":")
                .parseHex("52:54:00:aa:00:02")).build()).ipv4("ip-address")).contains(ip("192.168.100.101"));
    }

    @Test
    void statusesForMissingAndConflictingKeysAreDhcpds() {
        assertThat(catchStatus(() -> provider.lookup(OmapiValues.builder().putString("client-hostname", "lab-client-05")
                .build()))).isEqualTo(OmapiStatus.NO_KEYS);
        assertThat(catchStatus(() -> provider.lookup(byIp("192.168.100.100").toBuilder()
                .putData("dhcp-client-identifier", new byte[] {1, 0x52, 0x54, 0, (byte) 0xaa, 0, 2}).build())))
                .isEqualTo(OmapiStatus.KEY_CONFLICT);
        assertThat(catchStatus(() -> provider.lookup(byIp("192.168.100.100").toBuilder()
                .putData("dhcp-client-identifier", new byte[] {1, 2, 3}).build()))).isEqualTo(OmapiStatus.KEY_CONFLICT);
        // a typed read of a badly typed value: the server answers 0x60003 "object lookup failed", as dhcpd
        assertThatThrownBy(() -> provider.lookup(OmapiValues.builder()
                .putData("hardware-address", new byte[] {0x52, 0x54, 0, 1, 2, 3}).putString("hardware-type", "ethernet")
                .build())).isInstanceOf(OmapiValueException.class);
    }

    @Test
    void addressesOutsideEveryRangeAndUnknownClientsAreNotFound() throws OmapiException {
        assertThat(provider.lookup(byIp("192.168.100.250"))).isEmpty();
        assertThat(provider.lookup(byIp("10.0.0.1"))).isEmpty();
        assertThat(provider.lookup(OmapiValues.builder().putData("hardware-address",
                new byte[] {0x52, 0x54, 0, (byte) 0xff, (byte) 0xff, (byte) 0xff}).build())).isEmpty();
    }

    @Test
    void endsZeroFreesTheLeaseAndWritesTheRecordsDhcpdWrote() throws OmapiException {
        Ipv4Address address = ip("192.168.100.104");
        int handle = fx.handles.handleFor(LeaseProvider.TYPE, address);
        provider.update(address, OmapiValues.builder().putInt32("ends", 0).build());
        OmapiValues after = provider.render(address, fx.handles);
        assertThat(after.int32("state")).hasValue(BindingState.FREE.code());
        assertThat(after.contains("client-hostname")).isFalse();
        assertThat(after.uint32("ends")).hasValue(0);
        assertThat(after.hardwareAddress()).contains(HardwareAddress.parseEthernet("52:54:00:aa:00:05"));
        assertThat(after.int32("remote-handle")).hasValue(handle);
        String dhcpd = OmapiFixture.text("/omapi/conf/dhcpd-plain-after.leases");
        String records = dhcpd.substring(dhcpd.indexOf("lease 192.168.100.104 {\n  starts 2 2026/11/24 23:10:28;\n  cltt"));
        assertThat(fx.appended()).isEqualTo(records.replace("%18", "%" + handle));
    }

    @Test
    void theClientHostnameChangesWhereDhcpdSilentlyKeptIt() throws OmapiException {
        Ipv4Address address = ip("192.168.100.102");
        provider.update(address, OmapiValues.builder().putString("client-hostname", "renamed-03").build());
        assertThat(provider.render(address, fx.handles).string("client-hostname")).contains("renamed-03");
        provider.update(address, OmapiValues.builder().putNull("client-hostname").build());
        assertThat(provider.render(address, fx.handles).contains("client-hostname")).isFalse();
        assertThat(fx.appended()).contains("client-hostname \"renamed-03\";").contains("set remote-handle = %");
    }

    @Test
    void theClientsIdentityIsRefusedWithAReasonUnlessItIsRepeated() throws OmapiException {
        Ipv4Address address = ip("192.168.100.100");
        OmapiException refused = catchOmapi(() -> provider.update(address, OmapiValues.builder()
                .putData("hardware-address", new byte[] {1, 2, 3, 4, 5, 6}).build()));
        assertThat(refused.status()).isEqualTo(OmapiStatus.PERMISSION_DENIED);
        assertThat(refused.serverMessage().orElseThrow()).contains("hardware-address", "cannot be changed");
        assertThat(catchStatus(() -> provider.update(address, OmapiValues.builder()
                .putData("dhcp-client-identifier", new byte[] {9}).build()))).isEqualTo(OmapiStatus.PERMISSION_DENIED);
        provider.update(address, OmapiValues.builder().putHardwareAddress(
                HardwareAddress.parseEthernet("52:54:00:aa:00:01")).build());
        assertThat(provider.render(address, fx.handles).string("client-hostname")).contains("lab-client-01");
    }

    @Test
    void readOnlyAttributesAndStatesGetDhcpdsStatuses() {
        Ipv4Address address = ip("192.168.100.101");
        assertThat(catchStatus(() -> provider.update(address, OmapiValues.builder().putInt32("starts", 0).build())))
                .isEqualTo(OmapiStatus.PERMISSION_DENIED);
        assertThat(catchStatus(() -> provider.update(address, byIp("192.168.100.101"))))
                .isEqualTo(OmapiStatus.PERMISSION_DENIED);
        assertThat(catchStatus(() -> provider.update(address, OmapiValues.builder().putInt32("subnet", 3).build())))
                .isEqualTo(OmapiStatus.INVALID_ARGUMENT);
        assertThat(catchStatus(() -> provider.update(address, OmapiValues.builder().putInt32("state", 7).build())))
                .isEqualTo(OmapiStatus.INVALID_ARGUMENT);
        assertThat(catchStatus(() -> provider.update(address, OmapiValues.builder().putInt32("state", 12).build())))
                .isEqualTo(OmapiStatus.INVALID_ARGUMENT);
        assertThat(catchStatus(() -> provider.update(address, OmapiValues.builder().putInt32("cltt", 1).build())))
                .isEqualTo(OmapiStatus.PERMISSION_DENIED);
        assertThat(catchStatus(() -> provider.update(address, OmapiValues.builder().putInt32("ends", 1)
                .putInt32("starts", 1).build()))).isEqualTo(OmapiStatus.PERMISSION_DENIED);
        assertThat(fx.leases.leaseByAddress(address).orElseThrow().lease().ends()).isNotEqualTo(1L);
        assertThat(catchStatus(() -> provider.remove(address))).isEqualTo(OmapiStatus.NOT_IMPLEMENTED);
    }

    @Test
    void stateAbandonedClearsTheClientAndOtherNamesBecomeScopeVariables() throws OmapiException {
        Ipv4Address address = ip("192.168.100.103");
        provider.update(address, OmapiValues.builder().putInt32("state", 5).putString("note", "moved").build());
        Lease lease = fx.leases.leaseByAddress(address).orElseThrow().lease();
        assertThat(lease.bindingState()).isEqualTo(BindingState.ABANDONED);
        assertThat(lease.hardware()).isEmpty();
        assertThat(lease.variable("note")).contains(LeaseVariable.Data.ofText("moved"));
        assertThat(provider.render(address, fx.handles).string("note")).contains("moved");
        assertThat(catchStatus(() -> provider.update(address, OmapiValues.builder().putInt32("bad name!", 1).build())))
                .isEqualTo(OmapiStatus.UNKNOWN_ATTRIBUTE);
    }

    @Test
    void aNeverUsedAddressCanBeAbandonedAndThenHasARecord() throws OmapiException {
        Ipv4Address address = ip("192.168.100.150");
        assertThat(fx.leases.leaseByAddress(address)).isEmpty();
        provider.update(address, OmapiValues.builder().putInt32("state", 5).build());
        assertThat(fx.leases.leaseByAddress(address).orElseThrow().lease().bindingState())
                .isEqualTo(BindingState.ABANDONED);
    }

    private interface Call {
        void run() throws OmapiException;
    }

    private static OmapiException catchOmapi(Call call) {
        try {
            call.run();
        } catch (OmapiException e) {
            return e;
        }
        throw new AssertionError("no OmapiException");
    }

    private static OmapiStatus catchStatus(Call call) {
        return catchOmapi(call).status();
    }
}
