package io.ironlease.pools.synthetic;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Random;

/**
 * Writes a dhcpd.leases as ISC dhcpd 4.4 does (dhcpd.leases(5)): the header, a failover state record,
 * then lease blocks with starts/ends/tstp/tsfp/atsfp/cltt, binding states, hardware, uid and
 * client-hostname. Some addresses appear several times, as in an append-only file.
 */
public final class LeaseWriter {

    /** Binding states with their share of records; every state dhcpd writes is there. */
    private static final String[] STATES = {"active", "free", "backup", "expired", "released", "abandoned", "reset",
        "bootp"};
    private static final double[] WEIGHTS = {0.55, 0.15, 0.12, 0.09, 0.05, 0.02, 0.01, 0.01};

    private final Random rnd;
    private final long now;

    public LeaseWriter(Random rnd, Instant now) {
        this.rnd = rnd;
        this.now = now.getEpochSecond();
    }

    /**
     * Writes {@code records} lease records over the ranges' addresses (plus {@code outside} share of
     * addresses in no range), {@code duplicates} of them repeating an earlier address.
     */
    public void write(Path file, List<Scenario.Range> ranges, long records, double duplicates, double outside)
            throws IOException {
        long[] firsts = new long[ranges.size()];
        long[] sizes = new long[ranges.size()];
        long capacity = 0;
        for (int i = 0; i < ranges.size(); i++) {
            firsts[i] = ranges.get(i).low();
            sizes[i] = ranges.get(i).high() - ranges.get(i).low() + 1;
            capacity += sizes[i];
        }
        try (Writer w = new BufferedWriter(Files.newBufferedWriter(file, StandardCharsets.US_ASCII), 1 << 20)) {
            w.write("# The format of this file is documented in the dhcpd.leases(5) manual page.\n"
                    + "# This lease file was written by isc-dhcp-4.4.3-P1\n\n"
                    + "# authoring-byte-order entry is generated, DO NOT DELETE\nauthoring-byte-order little-endian;\n\n"
                    + "failover peer \"fo\" state {\n  my state normal at " + time(now - 86400 * 3) + ";\n"
                    + "  partner state normal at " + time(now - 86400 * 3 + 2) + ";\n}\n"
                    + "server-duid \"\\000\\001\\000\\001/\\223\\270\\005\\002\\000\\000\\000\\000\\001\";\n\n");
            long unique = Math.min(capacity, Math.max(1, (long) (records / (1 + duplicates))));
            // a stride coprime with the capacity visits every address once, in an order that looks random,
            // as a lease file's order (by time) does
            long stride = 2_654_435_761L % Math.max(1, capacity);
            while (capacity > 1 && gcd(stride, capacity) != 1) {
                stride++;
            }
            StringBuilder record = new StringBuilder(512);
            for (long n = 0; n < records; n++) {
                long ip;
                if (capacity == 0 || rnd.nextDouble() < outside) {
                    ip = 0xac10_0000L + rnd.nextInt(4096); // 172.16/20, in no generated range
                } else {
                    // a spread of addresses in proportion to range size; later records revisit earlier ones
                    long slot = n < unique ? Math.floorMod(n * stride, capacity) : (long) (rnd.nextDouble() * capacity);
                    int r = 0;
                    while (slot >= sizes[r]) {
                        slot -= sizes[r];
                        r++;
                    }
                    ip = firsts[r] + slot;
                }
                record.setLength(0);
                lease(record, ip, pick());
                w.write(record.toString());
            }
        }
    }

    private static long gcd(long a, long b) {
        return b == 0 ? a : gcd(b, a % b);
    }

    private String pick() {
        double x = rnd.nextDouble();
        for (int i = 0; i < STATES.length; i++) {
            x -= WEIGHTS[i];
            if (x < 0) {
                return STATES[i];
            }
        }
        return STATES[0];
    }

    private void lease(StringBuilder b, long ip, String state) {
        long starts;
        long ends;
        if (state.equals("active") && rnd.nextInt(10) > 0) {
            starts = now - rnd.nextInt(86400);
            ends = starts + 86400;
        } else {
            ends = now - 1 - rnd.nextInt(86400);
            starts = ends - 3600 - rnd.nextInt(82800);
        }
        b.append("lease ").append(Scenario.ip(ip)).append(" {\n  starts ").append(time(starts)).append(";\n  ends ")
                .append(time(ends)).append(";\n  tstp ").append(time(ends + 1800)).append(";\n  tsfp ")
                .append(time(ends + 1800)).append(";\n  atsfp ").append(time(ends + 1800)).append(";\n  cltt ")
                .append(time(starts)).append(";\n  binding state ").append(state).append(";\n");
        switch (state) {
            case "active" -> b.append("  next binding state expired;\n  rewind binding state free;\n");
            case "expired", "released" -> b.append("  next binding state free;\n  rewind binding state free;\n");
            default -> { }
        }
        if (!state.equals("free") && !state.equals("backup") && rnd.nextInt(20) > 0) {
            b.append("  hardware ethernet 02:").append(hex(ip >>> 24)).append(':').append(hex(ip >>> 16)).append(':')
                    .append(hex(ip >>> 8)).append(':').append(hex(ip)).append(':').append(hex(rnd.nextInt(256)))
                    .append(";\n");
        }
        if (state.equals("active") && ip % 3 == 0) {
            b.append("  uid \"\\001\\002").append(octal(ip >>> 24)).append(octal(ip >>> 16)).append(octal(ip >>> 8))
                    .append(octal(ip)).append("\";\n  client-hostname \"host-").append(ip & 0xffffff).append("\";\n");
        }
        b.append("}\n");
    }

    private static String hex(long value) {
        int v = (int) (value & 255);
        return (v < 16 ? "0" : "") + Integer.toHexString(v);
    }

    private static String octal(long value) {
        String o = Integer.toOctalString((int) (value & 255));
        return "\\" + "000".substring(o.length()) + o;
    }

    /** dhcpd's lease time: weekday (0 = Sunday), date and time in UTC. */
    static String time(long epochSecond) {
        ZonedDateTime t = Instant.ofEpochSecond(epochSecond).atZone(ZoneOffset.UTC);
        return String.format("%d %04d/%02d/%02d %02d:%02d:%02d", t.getDayOfWeek().getValue() % 7, t.getYear(),
                t.getMonthValue(), t.getDayOfMonth(), t.getHour(), t.getMinute(), t.getSecond());
    }
}
