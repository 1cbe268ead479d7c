package io.ironlease.pools.golden;

import io.ironlease.pools.input.LeaseFolder;
import io.ironlease.pools.input.LeaseOptions;
import io.ironlease.pools.input.PoolsInput;
import io.ironlease.pools.model.LeaseTable;
import io.ironlease.pools.model.PoolLayout;
import io.ironlease.shared.net.Ipv4Address;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The content of a small reference dataset written down by hand (ranges, and per lease record its
 * address, binding state and hardware address, in file order), so the whole pipeline below the
 * parsers can be checked against dhcpd-pools' outputs. Not a parser: the records are transcribed.
 */
public final class TranscribedInput implements PoolsInput {

    private record Rec(String ip, String state, String mac, String ends) {
    }

    private final PoolLayout plain;
    private final PoolLayout allAsShared;
    private final List<Rec> records = new ArrayList<>();
    private boolean firstLineIsLease = true;

    private TranscribedInput(PoolLayout plain, PoolLayout allAsShared) {
        this.plain = plain;
        this.allAsShared = allAsShared;
    }

    /** One stand-alone subnet with one range, as in the seed and semantics-mini configs. */
    public static TranscribedInput oneRange(String cidr, String first, String last) {
        PoolLayout.Builder plain = PoolLayout.builder();
        plain.range(Ipv4Address.parse(first), Ipv4Address.parse(last), 0);
        PoolLayout.Builder shared = PoolLayout.builder();
        shared.range(Ipv4Address.parse(first), Ipv4Address.parse(last), shared.subnetNetwork(cidr));
        return new TranscribedInput(plain.build(), shared.build());
    }

    public TranscribedInput lease(String ip, String state, String mac) {
        return lease(ip, state, mac, null);
    }

    /** A record with an {@code ends} time (ISO-8601), for --expiry-aware. */
    public TranscribedInput lease(String ip, String state, String mac, String ends) {
        records.add(new Rec(ip, state, mac, ends));
        return this;
    }

    public TranscribedInput lease(String ip, String state) {
        return lease(ip, state, null);
    }

    @Override
    public PoolLayout layout(Path config, boolean allAsSharedWanted) {
        return allAsSharedWanted ? allAsShared : plain;
    }

    @Override
    public LeaseTable leases(Path leases, LeaseOptions options) {
        LeaseFolder folder = new LeaseFolder(options);
        folder.table().firstLineIsLease(firstLineIsLease);
        for (Rec r : records) {
            folder.fold(Ipv4Address.parse(r.ip()).bits(), r.state(), r.mac() == null ? LeaseTable.NO_MAC
                    : Long.parseLong(r.mac().replace(":", ""), 16),
                    r.ends() == null ? LeaseFolder.NO_END : java.time.Instant.parse(r.ends()).getEpochSecond());
        }
        return folder.table();
    }

    /** reference/failover/leases/semantics-mini. */
    public static TranscribedInput semanticsMini() {
        return oneRange("10.1.0.0/24", "10.1.0.10", "10.1.0.29")
                .lease("10.1.0.10", "backup", "02:00:00:00:00:01").lease("10.1.0.10", "active", "02:00:00:00:00:01")
                .lease("10.1.0.11", "active", "02:00:00:00:00:02").lease("10.1.0.11", "backup", "02:00:00:00:00:02")
                .lease("10.1.0.12", "free", "02:00:00:00:00:03").lease("10.1.0.13", "expired", "02:00:00:00:00:04")
                .lease("10.1.0.14", "released", "02:00:00:00:00:05")
                .lease("10.1.0.15", "abandoned", "02:00:00:00:00:06")
                .lease("10.1.0.16", "backup", "02:00:00:00:00:07").lease("10.1.0.17", "active", "02:00:00:00:00:08")
                .lease("10.1.0.17", "active", "02:00:00:00:00:08").lease("10.1.0.40", "active", "02:00:00:00:00:09");
    }

    /** reference/failover/leases/seed-primary. */
    public static TranscribedInput seedPrimary() {
        return oneRange("192.168.100.0/24", "192.168.100.33", "192.168.100.34")
                .lease("192.168.100.33", "backup").lease("192.168.100.33", "backup").lease("192.168.100.34", "free")
                .lease("192.168.100.33", "backup").lease("192.168.100.33", "active", "02:00:00:00:00:01")
                .lease("192.168.100.34", "active", "02:00:00:00:00:02")
                .lease("192.168.100.34", "active", "02:00:00:00:00:02")
                .lease("192.168.100.34", "active", "02:00:00:00:00:02");
    }

    /** reference/failover/leases/seed-secondary. */
    public static TranscribedInput seedSecondary() {
        return oneRange("192.168.100.0/24", "192.168.100.33", "192.168.100.34")
                .lease("192.168.100.33", "free").lease("192.168.100.34", "free").lease("192.168.100.33", "backup")
                .lease("192.168.100.33", "active", "02:00:00:00:00:01")
                .lease("192.168.100.33", "active", "02:00:00:00:00:01")
                .lease("192.168.100.33", "active", "02:00:00:00:00:01")
                .lease("192.168.100.34", "active", "02:00:00:00:00:02");
    }

    /** probes/edge. */
    public static TranscribedInput edge() {
        PoolLayout.Builder plain = PoolLayout.builder();
        plain.network("empty");
        int big = plain.network("big");
        int longName = plain.network("a-very-long-shared-network-name");
        PoolLayout.Builder shared = PoolLayout.builder();
        shared.network("empty");
        int bigA = shared.network("big");
        int subnetA = shared.subnetNetwork("192.168.1.0/24");
        int longNameA = shared.network("a-very-long-shared-network-name");
        for (Object[] r : new Object[][] {{"10.0.0.1", "10.20.0.0", big, bigA},
            {"192.168.1.50", "192.168.1.10", 0, subnetA}, {"192.168.1.5", "192.168.1.5", 0, subnetA},
            {"10.6.0.1", "10.6.0.3", longName, longNameA}}) {
            plain.range(Ipv4Address.parse((String) r[0]), Ipv4Address.parse((String) r[1]), (Integer) r[2]);
            shared.range(Ipv4Address.parse((String) r[0]), Ipv4Address.parse((String) r[1]), (Integer) r[3]);
        }
        return edgeLeases(new TranscribedInput(plain.build(), shared.build()));
    }

    /** probes/norange. */
    public static TranscribedInput norange() {
        PoolLayout.Builder shared = PoolLayout.builder();
        shared.subnetNetwork("10.0.0.0/8");
        return edgeLeases(new TranscribedInput(PoolLayout.builder().build(), shared.build()));
    }

    /** probes/headed: norange's config, edge's leases after a comment line. */
    public static TranscribedInput headed() {
        TranscribedInput input = norange();
        input.firstLineIsLease = false;
        return input;
    }

    private static TranscribedInput edgeLeases(TranscribedInput input) {
        return input.lease("10.0.0.5", "backup").lease("10.0.0.8", "active", "00:11:22:33:44:55")
                .lease("10.6.0.2", "active", "00:11:22:33:44:66").lease("10.6.0.2", "bootp", "00:11:22:33:44:77")
                .lease("192.168.1.5", "released").lease("172.16.0.1", "active", "00:11:22:33:44:88");
    }
}
