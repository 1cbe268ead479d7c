package io.ironlease.server.failover.runtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.ironlease.server.failover.FailoverSettings;
import io.ironlease.server.failover.HashBucketAssignment;
import io.ironlease.server.failover.PersistedFailoverState;
import io.ironlease.server.failover.Role;
import io.ironlease.shared.config.ConfigLoader;
import io.ironlease.shared.config.model.FailoverPeerConfig;
import io.ironlease.shared.leases.FailoverState;
import io.ironlease.shared.leases.FailoverStateRecord;
import io.ironlease.shared.leases.LeaseFileReader;
import io.ironlease.shared.leases.LeaseFileWriter;
import io.ironlease.shared.net.Ipv4Address;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** dhcpd.conf and dhcpd.leases as the failover core reads them: the seed's peers and ISC's state records. */
class FailoverMappingTest {

    private static String resource(String path) throws Exception {
        try (InputStream in = FailoverMappingTest.class.getResourceAsStream(path)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    private static FailoverPeerConfig peer(String path) throws Exception {
        return ConfigLoader.parseStrict(path, resource(path)).failoverPeer("failover-dhcp").orElseThrow();
    }

    @Test
    void theSeedPairBecomesSettingsWithDhcpdsDefaults() throws Exception {
        FailoverSettings primary = FailoverMapping.settings(peer("/reference/failover/seed-primary.conf"));
        assertThat(primary.role()).isEqualTo(Role.PRIMARY);
        assertThat(primary.localAddress()).isEqualTo(Ipv4Address.parse("192.168.100.31"));
        assertThat(primary.peerAddress()).isEqualTo(Ipv4Address.parse("192.168.100.32"));
        assertThat(primary.localPort()).isEqualTo(647);
        assertThat(primary.peerPort()).isEqualTo(647);
        assertThat(primary.maxResponseDelay()).isEqualTo(Duration.ofSeconds(60));
        assertThat(primary.maxUnackedUpdates()).isEqualTo(10);
        assertThat(primary.mclt()).contains(Duration.ofSeconds(3600));
        assertThat(primary.hba()).contains(HashBucketAssignment.split(128));
        assertThat(primary.loadBalanceMaxSeconds()).isEqualTo(3);
        assertThat(primary.autoPartnerDown()).isZero();
        assertThat(primary.maxLeaseMisbalancePercent()).isEqualTo(15);
        assertThat(primary.maxLeaseOwnershipPercent()).isEqualTo(10);

        FailoverSettings secondary = FailoverMapping.settings(peer("/reference/failover/seed-secondary.conf"));
        assertThat(secondary.role()).isEqualTo(Role.SECONDARY);
        assertThat(secondary.mclt()).isEmpty();
        assertThat(secondary.hba()).isEmpty();
        assertThat(secondary.localAddress()).isEqualTo(primary.peerAddress());
    }

    @Test
    void aHostNameMustBeResolvedFirst() throws Exception {
        String conf = resource("/reference/failover/seed-primary.conf").replace("peer address 192.168.100.32", "peer address dhcp-02.test");
        FailoverPeerConfig named = ConfigLoader.parseStrict("named.conf", conf).failoverPeer("failover-dhcp").orElseThrow();
        assertThatThrownBy(() -> FailoverMapping.settings(named)).hasMessageContaining("dhcp-02.test")
                .hasMessageContaining("named.conf");
        assertThat(FailoverMapping.settings(named, ref -> Ipv4Address.parse("192.168.100.32")).peerAddress())
                .isEqualTo(Ipv4Address.parse("192.168.100.32"));
    }

    @Test
    void iscsStateRecordsReadAsPersistedState() throws Exception {
        List<FailoverStateRecord> records = new ArrayList<>();
        try (LeaseFileReader reader = LeaseFileReader.of(
                FailoverMappingTest.class.getResourceAsStream("/leases/takeover-secondary/dhcpd.leases"),
                "takeover-secondary", LeaseFileReader.Options.strict())) {
            reader.read(r -> {
                if (r instanceof FailoverStateRecord f) {
                    records.add(f);
                }
            });
        }
        PersistedFailoverState state = FailoverMapping.persisted(records.get(2));
        assertThat(state.myState()).isEqualTo(FailoverState.NORMAL);
        assertThat(state.myStos()).isEqualTo(Instant.parse("2026-11-24T23:15:51Z"));
        assertThat(state.partnerState()).isEqualTo(FailoverState.PARTNER_DOWN);
        assertThat(state.partnerStos()).isEqualTo(Instant.parse("2026-11-24T23:17:05Z"));
        assertThat(state.mclt()).contains(Duration.ofSeconds(60));
    }

    @Test
    void aPersistedStateRoundTripsThroughTheLeaseFileInWholeSeconds() throws Exception {
        PersistedFailoverState state = new PersistedFailoverState(FailoverState.PARTNER_DOWN,
                Instant.parse("2026-11-24T23:17:05.700Z"), FailoverState.COMMUNICATIONS_INTERRUPTED,
                Instant.parse("2026-11-24T23:16:00Z"), Optional.of(Duration.ofSeconds(3600)));
        FailoverStateRecord record = FailoverMapping.record("failover-dhcp", state);
        byte[] text = new LeaseFileWriter().encode(record);
        assertThat(new String(text, StandardCharsets.US_ASCII)).contains("my state partner-down at 2 2026/11/24 23:17:05;")
                .contains("partner state communications-interrupted at 2 2026/11/24 23:16:00;").contains("mclt 3600;");
        List<FailoverStateRecord> back = new ArrayList<>();
        try (LeaseFileReader reader = LeaseFileReader.of(new ByteArrayInputStream(text), "round-trip",
                LeaseFileReader.Options.strict())) {
            reader.read(r -> back.add((FailoverStateRecord) r));
        }
        PersistedFailoverState read = FailoverMapping.persisted(back.get(0));
        assertThat(read.myState()).isEqualTo(FailoverState.PARTNER_DOWN);
        assertThat(read.myStos()).isEqualTo(Instant.parse("2026-11-24T23:17:05Z"));
        assertThat(read.partnerState()).isEqualTo(state.partnerState());
        assertThat(read.partnerStos()).isEqualTo(state.partnerStos());
        assertThat(read.mclt()).isEqualTo(state.mclt());
    }
}
