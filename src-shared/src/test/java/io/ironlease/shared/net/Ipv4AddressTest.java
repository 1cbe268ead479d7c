package io.ironlease.shared.net;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class Ipv4AddressTest {

    @Test
    void parsesAndPrintsDottedQuad() {
        Ipv4Address address = Ipv4Address.parse("192.168.100.33");
        assertThat(address.toLong()).isEqualTo(0xC0A86421L);
        assertThat(address.toBytes()).containsExactly(0xC0, 0xA8, 0x64, 0x21);
        assertThat(address).hasToString("192.168.100.33");
    }

    @Test
    void ordersUnsigned() {
        assertThat(Ipv4Address.parse("128.0.0.0")).isGreaterThan(Ipv4Address.parse("127.255.255.255"));
        assertThat(Ipv4Address.parse("255.255.255.255")).isGreaterThan(Ipv4Address.parse("0.0.0.0"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "1.2.3", "1.2.3.4.5", "256.1.1.1", "1..2.3", "1.2.3.4 ", "-1.2.3.4", "a.b.c.d",
            "1.2.3.0004", "1.2.3."})
    void rejectsMalformedText(String text) {
        assertThat(Ipv4Address.tryParse(text)).isNull();
        assertThatThrownBy(() -> Ipv4Address.parse(text)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void plusRefusesToWrap() {
        assertThat(Ipv4Address.parse("10.0.0.255").plus(1)).hasToString("10.0.1.0");
        assertThatThrownBy(() -> Ipv4Address.BROADCAST.plus(1)).isInstanceOf(IllegalArgumentException.class);
    }
}
