package io.ironlease.pools.model;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/** The table agrees with a plain map under any sequence of records. */
class LeaseTableProperties {

    record Op(int ip, LeaseKind kind) {
    }

    @Provide
    Arbitrary<List<Op>> ops() {
        // a narrow address space so the same addresses come back, plus a few anywhere
        Arbitrary<Integer> ips = Arbitraries.oneOf(Arbitraries.integers().between(0, 300),
                Arbitraries.integers());
        return Combinators.combine(ips, Arbitraries.of(LeaseKind.class)).as(Op::new).list().ofMaxSize(2000);
    }

    @Property(tries = 200)
    void agreesWithAMap(@ForAll("ops") List<Op> ops) {
        LeaseTable table = new LeaseTable(false);
        Map<Long, LeaseKind> model = new TreeMap<>();
        for (Op op : ops) {
            table.record(op.ip(), op.kind(), LeaseTable.NO_MAC);
            model.put(op.ip() & 0xffff_ffffL, op.kind());
        }
        LeaseTable.SortedLeases sorted = table.sorted();
        assertThat(sorted.size()).isEqualTo(model.size());
        int i = 0;
        for (Map.Entry<Long, LeaseKind> e : model.entrySet()) {
            assertThat(sorted.ips()[i] & 0xffff_ffffL).isEqualTo(e.getKey());
            assertThat(sorted.kind(i)).isEqualTo(e.getValue());
            i++;
        }
        assertThat(table.backupSeen()).isEqualTo(ops.stream().anyMatch(o -> o.kind() == LeaseKind.BACKUP));
    }
}
