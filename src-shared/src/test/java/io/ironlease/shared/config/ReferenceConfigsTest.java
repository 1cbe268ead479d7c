package io.ironlease.shared.config;

import static org.assertj.core.api.Assertions.assertThat;

import io.ironlease.shared.config.model.DhcpConfig;
import io.ironlease.shared.config.model.FailoverRole;
import io.ironlease.shared.net.HardwareAddress;
import io.ironlease.shared.options.HostRef;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Every config that a real ISC dhcpd 4.4.3 ran with (reference material) checks clean. */
class ReferenceConfigsTest {

    @ParameterizedTest
    @ValueSource(strings = {"failover/lab-pair-primary.conf", "failover/lab-pair-secondary.conf",
        "failover/seed-primary.conf", "failover/seed-secondary.conf", "failover/semantics-mini.conf",
        "failover/synthetic-1k.conf", "failover/takeover-primary.conf", "failover/takeover-secondary.conf",
        "omapi/dhcpd-failover.conf", "omapi/dhcpd-plain.conf", "lab/perf-primary.conf", "lab/perf-secondary.conf",
        "lab/single-lab.conf", "lab/single-perf.conf"})
    void checksClean(String name) {
        ConfigResult result = ConfigLoader.parse(name, ConfigFixtures.text("reference/" + name));

        assertThat(result.errors()).isEmpty();
    }

    @Test
    void syntheticSharedNetworks() throws ConfigException {
        DhcpConfig config = ConfigLoader.parseStrict("s.conf", ConfigFixtures.text("reference/failover/synthetic-1k.conf"));

        assertThat(config.sharedNetworks()).extracting(n -> n.name() + (n.implicit() ? "*" : ""))
                .containsExactly("net-0000", "net-0004", "10.0.24.0/22*", "net-0007");
        assertThat(config.subnets()).hasSize(10);
        assertThat(config.pools()).hasSize(20);
        assertThat(config.pools().stream().filter(p -> p.failoverPeer().isEmpty())).hasSize(2);
        assertThat(config.ranges().stream().mapToLong(r -> r.range().size()).sum()).isEqualTo(10 * (508 + 254));
    }

    @Test
    void omapiHostsAndLoopbackPeer() throws ConfigException {
        DhcpConfig config = ConfigLoader.parseStrict("o.conf", ConfigFixtures.text("reference/omapi/dhcpd-failover.conf"));

        assertThat(config.hosts()).extracting(h -> h.name()).containsExactly("fixed-one", "fixed-two");
        assertThat(config.host("fixed-two").orElseThrow().hardware())
                .contains(HardwareAddress.parseEthernet("52:54:00:00:01:02"));
        assertThat(config.host("fixed-two").orElseThrow().fixedAddresses()).containsExactly(HostRef.parse("192.168.100.11"));
        assertThat(config.host("fixed-two").orElseThrow().scope().option("host-name").orElseThrow().valueText())
                .isEqualTo("\"fixed-two\"");
        var peer = config.failoverPeer("omlab-failover").orElseThrow();
        assertThat(peer.role()).isEqualTo(FailoverRole.PRIMARY);
        assertThat(peer.peerPort()).isEqualTo(847);
        assertThat(peer.mclt()).contains(Duration.ofSeconds(300));
        assertThat(config.params().ddnsUpdateStyle()).contains("none");
        assertThat(config.params().pingCheck()).isFalse();
        assertThat(config.omapiKey()).isPresent();
    }
}
