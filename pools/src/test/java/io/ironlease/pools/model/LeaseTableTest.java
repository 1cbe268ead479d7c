package io.ironlease.pools.model;

import static org.assertj.core.api.Assertions.assertThat;

import io.ironlease.shared.net.Ipv4Address;
import org.junit.jupiter.api.Test;

class LeaseTableTest {

    private static int ip(String text) {
        return Ipv4Address.parse(text).bits();
    }

    @Test
    void laterRecordsReplaceEarlierOnesAndBackupIsRememberedOnceSeen() {
        LeaseTable table = new LeaseTable(false);
        table.record(ip("10.0.0.1"), LeaseKind.BACKUP, LeaseTable.NO_MAC);
        table.record(ip("10.0.0.1"), LeaseKind.ACTIVE, LeaseTable.NO_MAC);
        assertThat(table.kindOf(ip("10.0.0.1"))).isEqualTo(LeaseKind.ACTIVE);
        assertThat(table.backupSeen()).isTrue();
        assertThat(table.size()).isEqualTo(1);
        assertThat(table.kindOf(ip("10.0.0.2"))).isNull();
    }

    @Test
    void sortsUnsignedWithAddressesAboveTheSignBit() {
        LeaseTable table = new LeaseTable(true);
        for (String a : new String[] {"200.0.0.1", "10.0.0.9", "0.0.0.0", "255.255.255.255", "128.0.0.0", "10.0.0.10"}) {
            table.record(ip(a), LeaseKind.ACTIVE, 0x0200_0000_0001L);
        }
        LeaseTable.SortedLeases sorted = table.sorted();
        assertThat(java.util.Arrays.stream(sorted.ips()).mapToObj(b -> new Ipv4Address(b).toString()).toList())
                .containsExactly("0.0.0.0", "10.0.0.9", "10.0.0.10", "128.0.0.0", "200.0.0.1", "255.255.255.255");
        assertThat(sorted.mac(0)).isEqualTo("02:00:00:00:00:01");
    }

    @Test
    void hardwareBelongsToTheRecordThatSetTheState() {
        LeaseTable table = new LeaseTable(true);
        table.record(ip("10.0.0.1"), LeaseKind.ACTIVE, 0xaabb_ccdd_eeffL);
        table.record(ip("10.0.0.1"), LeaseKind.ACTIVE, LeaseTable.NO_MAC);
        table.record(ip("10.0.0.2"), LeaseKind.ACTIVE, LeaseTable.NO_MAC);
        table.attachMac(ip("10.0.0.2"), 0x0000_0000_0102L);
        table.attachMac(ip("10.0.0.3"), 0x0000_0000_0103L); // no entry: ignored
        table.record(ip("10.0.0.4"), LeaseKind.ACTIVE, LeaseTable.NO_MAC);
        table.attachOddMac(ip("10.0.0.4"), "01:02:03:04:05:06:07:08");
        LeaseTable.SortedLeases sorted = table.sorted();
        assertThat(java.util.stream.IntStream.range(0, sorted.size()).mapToObj(sorted::mac).toList())
                .containsExactly("", "00:00:00:00:01:02", "01:02:03:04:05:06");
    }

    @Test
    void growsPastItsInitialCapacity() {
        LeaseTable table = new LeaseTable(false);
        for (int i = 0; i < 100_000; i++) {
            table.record(0x0a00_0000 + i * 7, i % 3 == 0 ? LeaseKind.TOUCHED : LeaseKind.ACTIVE, LeaseTable.NO_MAC);
        }
        assertThat(table.size()).isEqualTo(100_000);
        assertThat(table.kindOf(0x0a00_0000 + 99_999 * 7)).isEqualTo(LeaseKind.TOUCHED);
        assertThat(table.sorted().size()).isEqualTo(100_000);
    }
}
