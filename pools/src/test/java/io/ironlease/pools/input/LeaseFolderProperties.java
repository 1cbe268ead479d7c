package io.ironlease.pools.input;

import static org.assertj.core.api.Assertions.assertThat;

import io.ironlease.pools.model.LeaseTable;
import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;

/** Reading a file in parts and merging gives what reading it in one piece gives. */
class LeaseFolderProperties {

    record Rec(int ip, String state, long mac) {
    }

    @Provide
    Arbitrary<List<Rec>> records() {
        Arbitrary<String> states = Arbitraries.of("active", "free", "backup", "expired", "released", "abandoned",
                "bootp", "reset", null);
        Arbitrary<Long> macs = Arbitraries.oneOf(Arbitraries.just(LeaseTable.NO_MAC),
                Arbitraries.longs().between(0, 0xffff_ffff_ffffL));
        return Combinators.combine(Arbitraries.integers().between(0, 40), states, macs).as(Rec::new).list()
                .ofMaxSize(300);
    }

    @Property(tries = 300)
    void partsMergeToTheWhole(@ForAll("records") List<Rec> records, @ForAll @IntRange(min = 1, max = 5) int parts) {
        LeaseFolder whole = new LeaseFolder(LeaseOptions.dhcpdPools(true));
        records.forEach(r -> whole.fold(r.ip(), r.state(), r.mac(), LeaseFolder.NO_END));
        List<LeaseFolder> folders = new ArrayList<>();
        for (int p = 0; p < parts; p++) {
            LeaseFolder part = new LeaseFolder(LeaseOptions.dhcpdPools(true));
            for (Rec r : records.subList(records.size() * p / parts, records.size() * (p + 1) / parts)) {
                part.fold(r.ip(), r.state(), r.mac(), LeaseFolder.NO_END);
            }
            folders.add(part);
        }
        LeaseTable.SortedLeases expected = whole.table().sorted();
        LeaseTable merged = LeaseFolder.merge(folders);
        LeaseTable.SortedLeases actual = merged.sorted();
        assertThat(actual.ips()).isEqualTo(expected.ips());
        assertThat(actual.kinds()).isEqualTo(expected.kinds());
        for (int i = 0; i < expected.size(); i++) {
            assertThat(actual.mac(i)).isEqualTo(expected.mac(i));
        }
        assertThat(merged.backupSeen()).isEqualTo(whole.table().backupSeen());
    }
}
