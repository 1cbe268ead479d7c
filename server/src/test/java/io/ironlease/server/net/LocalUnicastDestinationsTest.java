package io.ironlease.server.net;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetSocketAddress;
import org.junit.jupiter.api.Test;

class LocalUnicastDestinationsTest {

    private final LocalUnicastDestinations filter = new LocalUnicastDestinations();

    @Test
    void acceptsOwnAddressesOnly() {
        assertThat(filter.test(new InetSocketAddress("127.0.0.1", 67))).isTrue();
        assertThat(filter.test(new InetSocketAddress("127.0.0.1", 67))).isTrue();
        assertThat(filter.test(new InetSocketAddress("255.255.255.255", 67))).isFalse();
        assertThat(filter.test(new InetSocketAddress("0.0.0.0", 67))).isFalse();
        assertThat(filter.test(new InetSocketAddress("192.0.2.254", 67))).isFalse();
        assertThat(filter.test(null)).isFalse();
    }
}
