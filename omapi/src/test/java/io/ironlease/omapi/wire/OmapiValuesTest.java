package io.ironlease.omapi.wire;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.ironlease.shared.net.HardwareAddress;
import io.ironlease.shared.net.Ipv4Address;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class OmapiValuesTest {

    @Test
    void typedBuildersWriteWhatTheWireCarries() {
        OmapiValues values = OmapiValues.builder()
                .putString("name", "omapi-host-1")
                .putHardwareAddress(HardwareAddress.parseEthernet("52:54:00:cc:00:01"))
                .putIpv4("ip-address", Ipv4Address.parse("192.168.100.50"))
                .putTime("ends", Instant.ofEpochSecond(0x6b062773L))
                .putUint32("big", 0xffff_fffeL)
                .putNull("client-hostname")
                .build();
        assertThat(values.names()).containsExactly("name", "hardware-address", "hardware-type", "ip-address", "ends",
                "big", "client-hostname");
        assertThat(values.raw("hardware-type")).hasValue(new byte[] {0, 0, 0, 1});
        assertThat(values.raw("ip-address")).hasValue(new byte[] {(byte) 192, (byte) 168, 100, 50});
        assertThat(values.uint32("big")).hasValue(0xffff_fffeL);
        assertThat(values.int32("big")).hasValue(-2);
        assertThat(values.time("ends")).contains(Instant.parse("2026-11-25T00:10:27Z"));
        assertThat(values.isNull("client-hostname")).isTrue();
        assertThat(values.string("client-hostname")).isEmpty();
        assertThat(values.raw("client-hostname")).hasValue(new byte[0]);
        assertThat(values.hardwareAddress()).contains(HardwareAddress.parseEthernet("52:54:00:cc:00:01"));
        assertThat(values.toString()).contains("name=\"omapi-host-1\"", "ip-address=c0:a8:64:32", "client-hostname=<null>");
    }

    @Test
    void wronglyTypedValuesAreReportedByName() {
        OmapiValues values = OmapiValues.builder().putString("hardware-type", "ethernet").build();
        assertThatThrownBy(() -> values.int32("hardware-type"))
                .isInstanceOf(OmapiValueException.class)
                .hasMessage("value \"hardware-type\": expected a 4-byte integer, got 8 bytes");
        OmapiValues ip = OmapiValues.builder().putString("ip-address", "192.168.100.1").build();
        assertThatThrownBy(() -> ip.ipv4("ip-address")).isInstanceOf(OmapiValueException.class);
    }

    @Test
    void putReplacesInPlaceAppendKeepsDuplicatesAndTheLastWins() {
        OmapiValues replaced = OmapiValues.builder().putInt32("a", 1).putInt32("b", 2).putInt32("a", 3).build();
        assertThat(replaced.names()).containsExactly("a", "b");
        assertThat(replaced.int32("a")).hasValue(3);
        OmapiValues appended = OmapiValues.builder().append("a", new byte[] {0, 0, 0, 1}).append("a", new byte[] {0, 0, 0, 2}).build();
        assertThat(appended.size()).isEqualTo(2);
        assertThat(appended.int32("a")).hasValue(2);
    }

    @Test
    void emptyNamesCannotBeEncoded() {
        assertThatThrownBy(() -> OmapiValues.builder().putInt32("", 1)).isInstanceOf(IllegalArgumentException.class);
    }
}
