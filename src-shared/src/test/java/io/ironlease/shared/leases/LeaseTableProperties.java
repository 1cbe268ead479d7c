package io.ironlease.shared.leases;

import static org.assertj.core.api.Assertions.assertThat;

import io.ironlease.shared.net.Ipv4Address;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;

class LeaseTableProperties {

    /** The open-addressing table behaves as a map under any mix of puts and removes (keys collide often). */
    @Property
    void behavesLikeAMap(@ForAll @Size(max = 3000) List<@IntRange(min = -40, max = 4000) Integer> operations) {
        LeaseTable table = new LeaseTable();
        Map<Integer, Lease> model = new HashMap<>();
        int step = 0;
        for (int op : operations) {
            int ip = Math.abs(op) * 65_537;
            if (op < 0) {
                assertThat(table.remove(new Ipv4Address(ip))).isEqualTo(java.util.Optional.ofNullable(model.remove(ip)));
            } else {
                Lease lease = Lease.builder(new Ipv4Address(ip)).starts(++step).build();
                table.put(lease);
                model.put(ip, lease);
            }
        }
        assertThat(table.leaseCount()).isEqualTo(model.size());
        for (Map.Entry<Integer, Lease> e : model.entrySet()) {
            assertThat(table.lease(new Ipv4Address(e.getKey()))).contains(e.getValue());
        }
        Map<Integer, Lease> seen = new HashMap<>();
        table.forEachLease(l -> seen.put(l.ipBits(), l));
        assertThat(seen).isEqualTo(model);
    }
}
