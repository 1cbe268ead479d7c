package io.ironlease.shared.leases;

import static org.assertj.core.api.Assertions.assertThat;

import io.ironlease.shared.net.HardwareAddress;
import io.ironlease.shared.net.Ipv4Address;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.FieldSource;

/** The lease files ISC dhcpd wrote read back with the values dhcpd recorded. */
class LeaseFileReaderGoldenTest {

    static final List<String> ALL = LeaseResources.ALL;

    private static long utc(String iso) {
        return Instant.parse(iso).getEpochSecond();
    }

    private static Lease lease(LeaseTable table, String ip) {
        return table.lease(Ipv4Address.parse(ip)).orElseThrow();
    }

    /** An independent, line-based reading (as dhcpd-pools does it): the last binding state per address. */
    private static Map<Integer, BindingState> lastStatePerAddress(byte[] file) {
        Map<Integer, BindingState> states = new HashMap<>();
        int current = 0;
        for (String line : new String(file, StandardCharsets.UTF_8).split("\n")) {
            if (line.startsWith("lease ")) {
                current = Ipv4Address.parse(line.substring(6, line.indexOf(' ', 6))).bits();
            } else if (line.startsWith("  binding state ")) {
                states.put(current, BindingState.fromFileName(line.substring(16, line.length() - 1)).orElseThrow());
            }
        }
        return states;
    }

    @ParameterizedTest
    @FieldSource("ALL")
    void tableHoldsTheLastStateOfEveryAddress(String name) throws Exception {
        Map<Integer, BindingState> expected = lastStatePerAddress(LeaseResources.bytes(name));
        LeaseTable table = LeaseResources.table(name);
        Map<Integer, BindingState> actual = new HashMap<>();
        table.forEachLease(l -> actual.put(l.ipBits(), l.bindingState()));
        assertThat(actual).isEqualTo(expected);
        assertThat(table.leaseCount()).isEqualTo(expected.size());
    }

    @Test
    void activeLeaseFieldsFromThePlainOmapiLab() throws Exception {
        LeaseTable table = LeaseResources.table("omapi-plain");
        Lease lease = lease(table, "192.168.100.100");
        assertThat(lease.starts()).isEqualTo(utc("2026-11-24T23:10:27Z"));
        assertThat(lease.ends()).isEqualTo(utc("2026-11-25T00:10:27Z"));
        assertThat(lease.cltt()).isEqualTo(utc("2026-11-24T23:10:27Z"));
        assertThat(lease.tstp()).isEqualTo(LeaseTime.UNSET);
        assertThat(lease.bindingState()).isEqualTo(BindingState.ACTIVE);
        assertThat(lease.nextBindingState()).isEqualTo(BindingState.FREE);
        assertThat(lease.rewindBindingState()).isEqualTo(BindingState.FREE);
        assertThat(lease.hardware()).contains(HardwareAddress.parseEthernet("52:54:00:aa:00:01"));
        assertThat(lease.uid()).isEqualTo(HexFormat.of().parseHex("01525400aa0001"));
        assertThat(lease.clientHostname()).contains("lab-client-01");
        assertThat(table.serverDuid()).hasValueSatisfying(duid -> assertThat(duid)
                .isEqualTo(HexFormat.of().parseHex("000100013298d5e3525400000001")));
    }

    @Test
    void laterRecordsOverrideEarlierOnes() throws Exception {
        LeaseTable table = LeaseResources.table("omapi-plain");
        Lease released = lease(table, "192.168.100.105");
        assertThat(released.bindingState()).isEqualTo(BindingState.FREE);
        assertThat(released.tstp()).isEqualTo(utc("2026-11-24T23:10:28Z"));
        assertThat(released.clientHostname()).isEmpty();
        Lease abandoned = lease(table, "192.168.100.106");
        assertThat(abandoned.bindingState()).isEqualTo(BindingState.ABANDONED);
        assertThat(abandoned.hardware()).isEmpty();
        assertThat(abandoned.hasUid()).isFalse();
        // OMAPI updates leave remote-handle, written as set remote-handle = %N
        assertThat(lease(table, "192.168.100.102").variable("remote-handle"))
                .contains(new LeaseVariable.Numeric(10));
        Lease freed = lease(table, "192.168.100.104");
        assertThat(freed.ends()).isEqualTo(LeaseTime.UNSET);
        assertThat(freed.variables()).containsExactly(LeaseVariable.numeric("remote-handle", 18));
        assertThat(table.leaseCount()).isEqualTo(27);

        LeaseTable mini = LeaseResources.table("semantics-mini");
        assertThat(lease(mini, "10.1.0.10").bindingState()).isEqualTo(BindingState.ACTIVE);
        assertThat(lease(mini, "10.1.0.11").bindingState()).isEqualTo(BindingState.BACKUP);
    }

    @Test
    void omapiHostsAndGroupsIncludingRubouts() throws Exception {
        LeaseTable table = LeaseResources.table("omapi-plain");
        assertThat(table.hosts()).extracting(HostRecord::name)
                .containsExactlyInAnyOrder("omapi-host-2", "fixed-one", "grouped-host");
        HostRecord two = table.host("omapi-host-2").orElseThrow();
        assertThat(two.dynamic()).isTrue();
        assertThat(two.uid()).isEqualTo(HexFormat.of().parseHex("01525400cc0002"));
        assertThat(two.statements()).containsExactly("supersede host-name = \"omapi-host-2\";");
        HostRecord fixed = table.host("fixed-one").orElseThrow();
        assertThat(fixed.dynamic()).isFalse();
        assertThat(fixed.fixedAddresses()).containsExactly(Ipv4Address.parse("192.168.100.12"));
        assertThat(fixed.hardwareAddress()).contains(HardwareAddress.parseEthernet("52:54:00:00:01:01"));
        assertThat(table.host("grouped-host").flatMap(HostRecord::groupName)).contains("omapi-group");
        assertThat(table.hostRubouts()).containsExactly(HostRecord.rubout("fixed-two", false));
        GroupRecord group = table.group("omapi-group").orElseThrow();
        assertThat(group.dynamic()).isTrue();
        assertThat(group.statements()).containsExactly("supersede server.default-lease-time = 00:00:02:58;",
                "supersede domain-name = \"grp.example\";");
    }

    @Test
    void failoverStatesTheLastRecordPerPeer() throws Exception {
        FailoverStateRecord secondary = LeaseResources.table("lab-pair-secondary").failoverState("failover-dhcp")
                .orElseThrow();
        assertThat(secondary.myState()).isEqualTo(FailoverState.COMMUNICATIONS_INTERRUPTED);
        assertThat(secondary.myStateTime()).isEqualTo(utc("2026-11-24T23:23:41Z"));
        assertThat(secondary.partnerState()).isEqualTo(FailoverState.NORMAL);
        assertThat(secondary.partnerStateTime()).isEqualTo(utc("2026-11-24T23:22:04Z"));
        assertThat(secondary.mclt()).contains(Duration.ofSeconds(60));

        FailoverStateRecord omapi = LeaseResources.table("omapi-failover").failoverState("omlab-failover")
                .orElseThrow();
        assertThat(omapi.myState()).isEqualTo(FailoverState.PARTNER_DOWN);
        assertThat(omapi.partnerState()).isEqualTo(FailoverState.UNKNOWN);
        assertThat(omapi.mclt()).isEmpty();
        long records = LeaseResources.records("lab-pair-secondary").stream()
                .filter(FailoverStateRecord.class::isInstance).count();
        assertThat(records).isEqualTo(10);
    }

    @Test
    void backupLeasesOfTheSecondary() throws Exception {
        List<LeaseFileRecord> records = LeaseResources.records("lab-pair-secondary");
        Lease first = records.stream().filter(LeaseRecord.class::isInstance).map(r -> ((LeaseRecord) r).lease())
                .filter(l -> l.ip().equals(Ipv4Address.parse("192.168.100.33")))
                .filter(l -> l.bindingState() == BindingState.BACKUP).findFirst().orElseThrow();
        // backup leases carry only starts, tsfp, atsfp and the state (FAILOVER-NOTES section 7)
        assertThat(first.nextBindingState()).isEqualTo(BindingState.BACKUP);
        assertThat(first.starts()).isEqualTo(utc("2026-11-24T23:22:04Z"));
        assertThat(first.tsfp()).isEqualTo(utc("2026-11-24T23:22:04Z"));
        assertThat(first.atsfp()).isEqualTo(utc("2026-11-24T23:22:04Z"));
        assertThat(first.ends()).isEqualTo(LeaseTime.UNSET);
        assertThat(first.hardware()).isEqualTo(Optional.empty());
    }
}
