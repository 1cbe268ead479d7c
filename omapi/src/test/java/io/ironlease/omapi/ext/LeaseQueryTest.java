package io.ironlease.omapi.ext;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.ironlease.omapi.wire.OmapiException;
import io.ironlease.omapi.wire.OmapiStatus;
import io.ironlease.omapi.wire.OmapiValues;
import io.ironlease.shared.net.HardwareAddress;
import io.ironlease.shared.net.Ipv4Address;
import io.ironlease.shared.net.Subnet;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class LeaseQueryTest {

    private static final HexFormat HEX = HexFormat.of();

    private static OmapiValues lease(String ip, int state, String mac) {
        OmapiValues.Builder lease = OmapiValues.builder().putInt32("state", state).putIpv4("ip-address", Ipv4Address.parse(ip));
        if (mac != null) {
            lease.putHardwareAddress(HardwareAddress.parseEthernet(mac));
        }
        return lease.build();
    }

    @Test
    void filtersGoOnTheWireInTheDocumentedForm() {
        LeaseQuery query = LeaseQuery.all().withMacPrefix(new byte[] {0, 0x11}).withState(2)
                .withSubnet(Subnet.parse("10.1.0.0/16")).withRange(Ipv4Address.parse("10.1.0.5"), Ipv4Address.parse("10.1.9.9"))
                .withLimit(50).withCursor(new byte[] {10, 1, 0, 7});
        OmapiValues values = query.toValues();
        assertThat(values.names()).containsExactly("mac-prefix", "state", "subnet", "ip-from", "ip-to", "limit", "cursor");
        assertThat(values.raw("mac-prefix").orElseThrow()).containsExactly(0, 0x11);
        assertThat(HEX.formatHex(values.raw("state").orElseThrow())).isEqualTo("00000002");
        assertThat(HEX.formatHex(values.raw("subnet").orElseThrow())).isEqualTo("0a010000ffff0000");
        assertThat(HEX.formatHex(values.raw("ip-from").orElseThrow())).isEqualTo("0a010005");
        assertThat(HEX.formatHex(values.raw("limit").orElseThrow())).isEqualTo("00000032");
        assertThat(values.raw("cursor").orElseThrow()).containsExactly(10, 1, 0, 7);
    }

    @Test
    void readsBackWhatItWrites() throws OmapiException {
        LeaseQuery query = LeaseQuery.all().withState(1).withSubnet(Subnet.parse("192.168.0.0/24")).withLimit(7);
        assertThat(LeaseQuery.fromValues(query.toValues())).isEqualTo(query);
        assertThat(LeaseQuery.fromValues(OmapiValues.EMPTY)).isEqualTo(LeaseQuery.all());
        assertThat(LeaseQuery.fromValues(OmapiValues.builder().putNull("state").build())).isEqualTo(LeaseQuery.all());
    }

    @ParameterizedTest
    @CsvSource({"mac-prefix,,", "mac-prefix,0102030405060708090a0b0c0d0e0f1011,", "state,00000000,", "state,0000000a,",
        "state,0002,", "subnet,0a000000,", "subnet,0a000000ff00ff00,", "subnet,0a000001ffffff00,", "ip-from,0a00,",
        "limit,00000000,", "limit,000003e9,", "limit,ffffffff,",
        "cursor,00000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000ff,"})
    void malformedFiltersAreInvalidArguments(String name, String hex) {
        OmapiValues values = OmapiValues.builder().put(name, hex == null ? new byte[] {1, 2, 3, 4, 5, 6, 7, 8, 9, 1, 2, 3, 4, 5, 6, 7, 8}
                : HEX.parseHex(hex)).build();
        if (hex == null && !name.equals("mac-prefix")) {
            return;
        }
        assertThatThrownBy(() -> LeaseQuery.fromValues(values)).isInstanceOfSatisfying(OmapiException.class,
                e -> assertThat(e.status()).isEqualTo(OmapiStatus.INVALID_ARGUMENT));
    }

    @Test
    void aRangeUpsideDownIsInvalid() {
        OmapiValues values = OmapiValues.builder().putIpv4("ip-from", Ipv4Address.parse("10.0.0.9"))
                .putIpv4("ip-to", Ipv4Address.parse("10.0.0.1")).build();
        assertThatThrownBy(() -> LeaseQuery.fromValues(values)).isInstanceOfSatisfying(OmapiException.class,
                e -> assertThat(e.status()).isEqualTo(OmapiStatus.INVALID_ARGUMENT));
    }

    @Test
    void unknownFiltersAreRefusedNotIgnored() {
        OmapiValues values = OmapiValues.builder().putString("hostname-like", "lab-%").build();
        assertThatThrownBy(() -> LeaseQuery.fromValues(values)).isInstanceOfSatisfying(OmapiException.class,
                e -> assertThat(e.status()).isEqualTo(OmapiStatus.UNKNOWN_ATTRIBUTE));
    }

    @Test
    void matchesCombinesEveryFilter() {
        OmapiValues active = lease("10.1.0.7", 2, "00:11:22:33:44:55");
        OmapiValues free = lease("10.1.0.8", 1, null);
        assertThat(LeaseQuery.all().matches(active)).isTrue();
        assertThat(LeaseQuery.all().withMacPrefix(new byte[] {0, 0x11}).matches(active)).isTrue();
        assertThat(LeaseQuery.all().withMacPrefix(new byte[] {0, 0x12}).matches(active)).isFalse();
        assertThat(LeaseQuery.all().withMacPrefix(new byte[] {0, 0x11}).matches(free)).isFalse();
        assertThat(LeaseQuery.all().withState(2).matches(active)).isTrue();
        assertThat(LeaseQuery.all().withState(2).matches(free)).isFalse();
        assertThat(LeaseQuery.all().withSubnet(Subnet.parse("10.1.0.0/29")).matches(active)).isTrue();
        assertThat(LeaseQuery.all().withSubnet(Subnet.parse("10.1.0.0/29")).matches(free)).isFalse();
        assertThat(LeaseQuery.all().withRange(Ipv4Address.parse("10.1.0.8"), null).matches(active)).isFalse();
        assertThat(LeaseQuery.all().withRange(null, Ipv4Address.parse("10.1.0.7")).matches(active)).isTrue();
    }
}
