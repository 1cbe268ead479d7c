package io.ironlease.shared.config;

import static org.assertj.core.api.Assertions.assertThat;

import io.ironlease.shared.config.model.DhcpConfig;
import io.ironlease.shared.config.model.FailoverPeerConfig;
import io.ironlease.shared.config.model.FailoverRole;
import io.ironlease.shared.config.model.PoolConfig;
import io.ironlease.shared.config.model.RangeEntry;
import io.ironlease.shared.config.model.SubnetConfig;
import io.ironlease.shared.keys.KeyAlgorithm;
import io.ironlease.shared.net.Ipv4Address;
import io.ironlease.shared.net.Ipv4Range;
import io.ironlease.shared.net.Subnet;
import io.ironlease.shared.options.HostRef;
import io.ironlease.shared.options.OptionValue;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The seed how-to's two configs, copied verbatim: what they mean, and the placeholder secret. */
class SeedConfigTest {

    private static final String PRIMARY = ConfigFixtures.text("seed/primary.conf");
    private static final String SECONDARY = ConfigFixtures.text("seed/secondary.conf");

    @Test
    void placeholderSecretIsTheOnlyErrorOfThePrimary() {
        ConfigResult result = ConfigLoader.parse("primary.conf", PRIMARY);

        assertThat(result.errors()).extracting(ConfigError::toString).containsExactly(
                "primary.conf:25:13: key \"omapi_key\": secret is not base64; generate one with: "
                        + "ironlease-keygen omapi_key (or: openssl rand -base64 16)");
    }

    @Test
    void placeholderSecretIsTheOnlyErrorOfTheSecondary() {
        ConfigResult result = ConfigLoader.parse("secondary.conf", SECONDARY);

        assertThat(result.errors()).extracting(ConfigError::toString).containsExactly(
                "secondary.conf:23:13: key \"omapi_key\": secret is not base64; generate one with: "
                        + "ironlease-keygen omapi_key (or: openssl rand -base64 16)");
    }

    @Test
    void bothCheckCleanWithARealSecret() throws ConfigException {
        ConfigLoader.parseStrict("primary.conf", ConfigFixtures.withRealSecret(PRIMARY));
        ConfigLoader.parseStrict("secondary.conf", ConfigFixtures.withRealSecret(SECONDARY));
    }

    @Test
    void primaryFailoverPeer() throws ConfigException {
        DhcpConfig config = ConfigLoader.parseStrict("primary.conf", ConfigFixtures.withRealSecret(PRIMARY));

        FailoverPeerConfig peer = config.failoverPeer("failover-dhcp").orElseThrow();
        assertThat(peer.role()).isEqualTo(FailoverRole.PRIMARY);
        assertThat(peer.address()).isEqualTo(HostRef.parse("192.168.100.31"));
        assertThat(peer.port()).isEqualTo(647);
        assertThat(peer.peerAddress()).isEqualTo(HostRef.parse("192.168.100.32"));
        assertThat(peer.peerPort()).isEqualTo(647);
        assertThat(peer.maxResponseDelay()).isEqualTo(Duration.ofSeconds(60));
        assertThat(peer.maxUnackedUpdates()).isEqualTo(10);
        assertThat(peer.mclt()).contains(Duration.ofSeconds(3600));
        assertThat(peer.split()).hasValue(128);
        assertThat(peer.hba()).isEmpty();
        assertThat(peer.loadBalanceMaxSeconds()).isEqualTo(Duration.ofSeconds(3));
        assertThat(peer.loadBalanceBitmap().orElseThrow()).containsExactly(
                -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1,
                0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0);
        assertThat(config.failoverPeers()).hasSize(1);
    }

    @Test
    void secondaryFailoverPeer() throws ConfigException {
        DhcpConfig config = ConfigLoader.parseStrict("secondary.conf", ConfigFixtures.withRealSecret(SECONDARY));

        FailoverPeerConfig peer = config.failoverPeer("failover-dhcp").orElseThrow();
        assertThat(peer.role()).isEqualTo(FailoverRole.SECONDARY);
        assertThat(peer.address()).isEqualTo(HostRef.parse("192.168.100.32"));
        assertThat(peer.port()).isEqualTo(647);
        assertThat(peer.peerAddress()).isEqualTo(HostRef.parse("192.168.100.31"));
        assertThat(peer.peerPort()).isEqualTo(647);
        assertThat(peer.maxResponseDelay()).isEqualTo(Duration.ofSeconds(60));
        assertThat(peer.maxUnackedUpdates()).isEqualTo(10);
        assertThat(peer.mclt()).isEmpty();
        assertThat(peer.split()).isEmpty();
        assertThat(peer.loadBalanceBitmap()).isEmpty();
        assertThat(peer.loadBalanceMaxSeconds()).isEqualTo(Duration.ofSeconds(3));
    }

    @Test
    void subnetPoolRangeAndOptions() throws ConfigException {
        for (String text : List.of(PRIMARY, SECONDARY)) {
            DhcpConfig config = ConfigLoader.parseStrict("seed.conf", ConfigFixtures.withRealSecret(text));

            assertThat(config.sharedNetworks()).hasSize(1);
            assertThat(config.sharedNetworks().get(0).implicit()).isTrue();
            SubnetConfig subnet = config.subnets().get(0);
            assertThat(subnet.subnet()).isEqualTo(Subnet.parse("192.168.100.0/24"));
            assertThat(subnet.pools()).hasSize(1);
            PoolConfig pool = subnet.pools().get(0);
            assertThat(pool.failoverPeer()).contains("failover-dhcp");
            assertThat(pool.ranges()).singleElement().satisfies(r -> assertThat(r.range())
                    .isEqualTo(new Ipv4Range(Ipv4Address.parse("192.168.100.33"), Ipv4Address.parse("192.168.100.34"))));
            List<RangeEntry> ranges = config.ranges();
            assertThat(ranges).singleElement().satisfies(e -> {
                assertThat(e.failoverPeer()).contains("failover-dhcp");
                assertThat(e.subnet()).contains(subnet);
            });

            assertThat(subnet.scope().options()).extracting(s -> s.toIscText()).containsExactly(
                    "option subnet-mask 255.255.255.0",
                    "option broadcast-address 192.168.0.255",
                    "option routers 192.168.100.1",
                    "option domain-name-servers redos.test",
                    "option domain-search \"redos.test\"");
            OptionValue dns = subnet.scope().option("domain-name-servers").orElseThrow().value().orElseThrow();
            assertThat(dns.hosts()).containsExactly(new HostRef.Name("redos.test"));
            assertThat(dns.hasHostNames()).isTrue();
            OptionValue search = subnet.scope().option("domain-search").orElseThrow().value().orElseThrow();
            assertThat(search.elements()).containsExactly(new OptionValue.DomainList(List.of("redos.test")));
            assertThat(subnet.scope().option("broadcast-address").orElseThrow().value().orElseThrow().hosts())
                    .containsExactly(HostRef.parse("192.168.0.255"));
        }
    }

    @Test
    void globalsAndKey() throws ConfigException {
        DhcpConfig config = ConfigLoader.parseStrict("primary.conf", ConfigFixtures.withRealSecret(PRIMARY));

        assertThat(config.params().authoritative()).isTrue();
        assertThat(config.params().defaultLeaseTime()).contains(Duration.ofSeconds(86400));
        assertThat(config.params().maxLeaseTime()).contains(Duration.ofSeconds(86400));
        assertThat(config.params().updateStaticLeases()).contains(true);
        assertThat(config.params().oneLeasePerClient()).contains(true);
        assertThat(config.omapiPort()).hasValue(7911);
        assertThat(config.omapiKeyName()).contains("omapi_key");
        assertThat(config.keys()).singleElement().satisfies(k -> {
            assertThat(k.name()).isEqualTo("omapi_key");
            assertThat(k.algorithm()).contains(KeyAlgorithm.HMAC_MD5);
        });
        assertThat(config.omapiKey().orElseThrow().secretBase64()).isEqualTo(ConfigFixtures.TEST_SECRET);
    }

    @Test
    void broadcastAddressOutsideTheSubnetIsOnlyAWarning() {
        ConfigResult result = ConfigLoader.parse("primary.conf", ConfigFixtures.withRealSecret(PRIMARY));

        assertThat(result.ok()).isTrue();
        assertThat(result.warnings()).extracting(ConfigError::toString).contains(
                "primary.conf:30:3: option broadcast-address 192.168.0.255 does not match subnet "
                        + "192.168.100.0/24 (expected 192.168.100.255)");
    }

    @Test
    void lenientLoadKeepsTheModelDespiteThePlaceholder() {
        ConfigResult result = ConfigLoader.parse("primary.conf", PRIMARY);

        assertThat(result.ok()).isFalse();
        assertThat(result.config().subnets()).hasSize(1);
        assertThat(result.config().keys()).singleElement().satisfies(k -> assertThat(k.key()).isEmpty());
        assertThat(result.config().omapiKey()).isEmpty();
    }
}
