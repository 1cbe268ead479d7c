package io.ironlease.pools.input;

import static org.assertj.core.api.Assertions.assertThat;

import io.ironlease.pools.model.LeaseKind;
import io.ironlease.pools.model.LeaseTable;
import io.ironlease.shared.net.Ipv4Address;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class LeaseFolderTest {

    private static final int A = Ipv4Address.parse("10.0.0.1").bits();
    private static final Instant NOW = Instant.parse("2026-11-25T00:00:00Z");

    @Test
    void countedStatesReplaceAndOthersLeaveTheAddressAlone() {
        LeaseFolder folder = new LeaseFolder(LeaseOptions.dhcpdPools(false));
        folder.fold(A, "active", LeaseTable.NO_MAC, LeaseFolder.NO_END);
        folder.fold(A, "bootp", LeaseTable.NO_MAC, LeaseFolder.NO_END);
        folder.fold(A, "reset", LeaseTable.NO_MAC, LeaseFolder.NO_END);
        folder.fold(A, null, LeaseTable.NO_MAC, LeaseFolder.NO_END);
        assertThat(folder.table().kindOf(A)).isEqualTo(LeaseKind.ACTIVE);
        for (String touched : new String[] {"free", "expired", "released", "abandoned"}) {
            folder.fold(A, touched, LeaseTable.NO_MAC, LeaseFolder.NO_END);
            assertThat(folder.table().kindOf(A)).isEqualTo(LeaseKind.TOUCHED);
        }
        folder.fold(A, "backup", LeaseTable.NO_MAC, LeaseFolder.NO_END);
        assertThat(folder.table().kindOf(A)).isEqualTo(LeaseKind.BACKUP);
    }

    @Test
    void byDefaultAnActiveLeasePastItsEndIsStillActive() {
        LeaseFolder folder = new LeaseFolder(LeaseOptions.dhcpdPools(false));
        folder.fold(A, "active", LeaseTable.NO_MAC, NOW.minusSeconds(3600).getEpochSecond());
        assertThat(folder.table().kindOf(A)).isEqualTo(LeaseKind.ACTIVE);
    }

    @Test
    void expiryAwareCountsAnEndedActiveLeaseAsExpired() {
        LeaseFolder folder = new LeaseFolder(new LeaseOptions(false, true, NOW));
        int ended = A;
        int endsNow = A + 1;
        int running = A + 2;
        int never = A + 3;
        int noEnd = A + 4;
        folder.fold(ended, "active", LeaseTable.NO_MAC, NOW.minusSeconds(1).getEpochSecond());
        folder.fold(endsNow, "active", LeaseTable.NO_MAC, NOW.getEpochSecond());
        folder.fold(running, "active", LeaseTable.NO_MAC, NOW.plusSeconds(1).getEpochSecond());
        folder.fold(never, "active", LeaseTable.NO_MAC, LeaseFolder.NEVER);
        folder.fold(noEnd, "active", LeaseTable.NO_MAC, LeaseFolder.NO_END);
        assertThat(folder.table().kindOf(ended)).isEqualTo(LeaseKind.TOUCHED);
        assertThat(folder.table().kindOf(endsNow)).isEqualTo(LeaseKind.TOUCHED);
        assertThat(folder.table().kindOf(running)).isEqualTo(LeaseKind.ACTIVE);
        assertThat(folder.table().kindOf(never)).isEqualTo(LeaseKind.ACTIVE);
        assertThat(folder.table().kindOf(noEnd)).isEqualTo(LeaseKind.ACTIVE);
    }

    @Test
    void aHardwareLineWithoutACountedStateGoesToTheCurrentEntry() {
        LeaseFolder folder = new LeaseFolder(LeaseOptions.dhcpdPools(true));
        folder.fold(A, "active", LeaseTable.NO_MAC, LeaseFolder.NO_END);
        folder.fold(A, "bootp", 0x0000_0000_00ffL, LeaseFolder.NO_END);
        assertThat(folder.table().sorted().mac(0)).isEqualTo("00:00:00:00:00:ff");
    }
}
