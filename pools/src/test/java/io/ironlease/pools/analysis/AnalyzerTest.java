package io.ironlease.pools.analysis;

import static org.assertj.core.api.Assertions.assertThat;

import io.ironlease.pools.model.LeaseKind;
import io.ironlease.pools.model.LeaseTable;
import io.ironlease.pools.model.PoolLayout;
import io.ironlease.shared.net.Ipv4Address;
import org.junit.jupiter.api.Test;

class AnalyzerTest {

    static Ipv4Address a(String text) {
        return Ipv4Address.parse(text);
    }

    static void lease(LeaseTable table, String ip, LeaseKind kind) {
        table.record(a(ip).bits(), kind, LeaseTable.NO_MAC);
    }

    @Test
    void overlappingDuplicateAndReversedRangesEachCountTheirAddresses() {
        PoolLayout.Builder layout = PoolLayout.builder();
        layout.range(a("10.7.0.1"), a("10.7.0.3"), 0).range(a("10.7.0.5"), a("10.7.0.2"), 0)
                .range(a("10.7.0.2"), a("10.7.0.3"), 0);
        LeaseTable table = new LeaseTable(false);
        lease(table, "10.7.0.2", LeaseKind.ACTIVE);
        lease(table, "10.7.0.3", LeaseKind.ACTIVE);
        lease(table, "10.9.9.9", LeaseKind.ACTIVE); // outside every range: counted nowhere
        Analysis analysis = new Analyzer(false).analyze(layout.build(), table, true);
        assertThat(analysis.ranges()).extracting(r -> r.first() + "-" + r.last() + ":" + r.used())
                .containsExactly("10.7.0.1-10.7.0.3:2", "10.7.0.2-10.7.0.5:2", "10.7.0.2-10.7.0.3:2");
        assertThat(analysis.all()).isEqualTo(new NetworkUsage("All networks", 9, 6, 0, 0));
    }

    @Test
    void sharedNetworksSumTheirRangesInDeclarationOrder() {
        PoolLayout.Builder layout = PoolLayout.builder();
        int empty = layout.network("empty");
        int net = layout.network("net");
        layout.range(a("10.0.0.10"), a("10.0.0.19"), net).range(a("10.0.1.10"), a("10.0.1.14"), net)
                .range(a("10.0.2.1"), a("10.0.2.4"), 0);
        LeaseTable table = new LeaseTable(false);
        lease(table, "10.0.0.10", LeaseKind.ACTIVE);
        lease(table, "10.0.1.10", LeaseKind.TOUCHED);
        lease(table, "10.0.1.11", LeaseKind.BACKUP);
        lease(table, "10.0.2.1", LeaseKind.BACKUP);
        Analysis analysis = new Analyzer(false).analyze(layout.build(), table, true);
        assertThat(empty).isEqualTo(1);
        assertThat(analysis.sharedNetworks()).containsExactly(new NetworkUsage("empty", 0, 0, 0, 0),
                new NetworkUsage("net", 15, 1, 1, 1));
        assertThat(analysis.all()).isEqualTo(new NetworkUsage("All networks", 19, 1, 1, 2));
        assertThat(analysis.backupsFound()).isTrue();
    }

    @Test
    void bugCompatibleTotalCountsStandaloneBackupsTwice() {
        PoolLayout.Builder layout = PoolLayout.builder();
        int net = layout.network("net");
        layout.range(a("10.0.0.1"), a("10.0.0.9"), net).range(a("10.0.2.1"), a("10.0.2.4"), 0);
        LeaseTable table = new LeaseTable(false);
        lease(table, "10.0.0.1", LeaseKind.BACKUP);
        lease(table, "10.0.2.1", LeaseKind.BACKUP);
        lease(table, "10.0.2.2", LeaseKind.BACKUP);
        assertThat(new Analyzer(true).analyze(layout.build(), table, true).all().backup()).isEqualTo(5);
        assertThat(new Analyzer(false).analyze(layout.build(), table, true).all().backup()).isEqualTo(3);
    }

    @Test
    void rangesComeOutInAddressOrderKeepingConfigOrderForEqualStarts() {
        PoolLayout.Builder layout = PoolLayout.builder();
        int x = layout.network("x");
        layout.range(a("192.168.1.1"), a("192.168.1.9"), 0).range(a("10.0.0.1"), a("10.0.0.5"), 0)
                .range(a("10.0.0.1"), a("10.0.0.2"), x).range(a("129.0.0.1"), a("129.0.0.1"), 0);
        Analysis analysis = new Analyzer(false).analyze(layout.build(), new LeaseTable(false), true);
        assertThat(analysis.ranges()).extracting(r -> r.first() + "-" + r.last())
                .containsExactly("10.0.0.1-10.0.0.5", "10.0.0.1-10.0.0.2", "129.0.0.1-129.0.0.1",
                        "192.168.1.1-192.168.1.9");
    }
}
