package io.ironlease.shared.net;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class SubnetTest {

    private static Ipv4Address ip(String text) {
        return Ipv4Address.parse(text);
    }

    @Test
    void seedSubnetFromNetmask() {
        Subnet subnet = Subnet.of(ip("192.168.100.0"), ip("255.255.255.0"));
        assertThat(subnet.prefixLength()).isEqualTo(24);
        assertThat(subnet.broadcast()).isEqualTo(ip("192.168.100.255"));
        assertThat(subnet.contains(new Ipv4Range(ip("192.168.100.33"), ip("192.168.100.34")))).isTrue();
        assertThat(subnet.contains(ip("192.168.101.1"))).isFalse();
        assertThat(subnet.size()).isEqualTo(256);
    }

    @Test
    void rejectsNonContiguousMaskAndHostBits() {
        assertThatThrownBy(() -> Subnet.of(ip("10.0.0.0"), ip("255.0.255.0")))
                .hasMessageContaining("not contiguous");
        assertThatThrownBy(() -> Subnet.of(ip("10.0.0.1"), ip("255.255.255.0")))
                .hasMessageContaining("host bits");
    }

    @Test
    void zeroAndFullPrefixes() {
        assertThat(Subnet.parse("0.0.0.0/0").contains(ip("203.0.113.9"))).isTrue();
        assertThat(Subnet.parse("10.1.2.3/32").size()).isEqualTo(1);
    }

    @Test
    void rangesOverlapAndNormalise() {
        Ipv4Range a = new Ipv4Range(ip("10.0.0.10"), ip("10.0.0.20"));
        assertThat(a.overlaps(new Ipv4Range(ip("10.0.0.20"), ip("10.0.0.30")))).isTrue();
        assertThat(a.overlaps(new Ipv4Range(ip("10.0.0.21"), ip("10.0.0.30")))).isFalse();
        assertThat(Ipv4Range.ofEither(ip("10.0.0.20"), ip("10.0.0.10"))).isEqualTo(a);
        assertThat(a.size()).isEqualTo(11);
        assertThat(a).hasSize(11).startsWith(ip("10.0.0.10")).endsWith(ip("10.0.0.20"));
    }
}
