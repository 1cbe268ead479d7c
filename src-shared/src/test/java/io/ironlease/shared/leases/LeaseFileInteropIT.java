package io.ironlease.shared.leases;

import static org.assertj.core.api.Assertions.assertThat;

import io.ironlease.shared.net.HardwareAddress;
import io.ironlease.shared.net.Ipv4Address;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The real ISC programs read what we write: {@code dhcpd -T} (lease file test mode) loads it without a
 * complaint and keeps the leases we count, and dhcpd-pools counts the same active, touched and backup
 * leases as our table. A missing binary fails the test.
 */
class LeaseFileInteropIT {

    private static final String DHCPD = "/usr/sbin/dhcpd";
    private static final String STRACE = "/usr/bin/strace";
    private static final Ipv4Address FIRST = Ipv4Address.parse("10.30.0.10");
    private static final Ipv4Address LAST = Ipv4Address.parse("10.30.0.250");
    private static final long FUTURE = 2_051_222_400L; // 2035, so dhcpd expires nothing while loading

    @TempDir
    Path dir;

    private static final String CONF = """
            failover peer "it" {
              primary;
              address 127.0.0.1;
              port 30647;
              peer address 127.0.0.2;
              peer port 30648;
              max-response-delay 60;
              max-unacked-updates 10;
              mclt 3600;
              split 128;
            }
            ddns-update-style none;
            subnet 10.30.0.0 netmask 255.255.0.0 {
              pool {
                failover peer "it";
                range 10.30.0.10 10.30.0.250;
              }
            }
            host conf-host { hardware ethernet 52:54:00:00:00:99; fixed-address 10.30.9.9; }
            """;

    /** A journal as the server would write it: state records, OMAPI hosts and 400 lease updates. */
    private LeaseTable writeJournal(Path leases) throws IOException, LeaseFileException {
        Random random = new Random(7);
        List<LeaseFileRecord> records = new ArrayList<>();
        records.add(AuthoringByteOrderRecord.LITTLE_ENDIAN);
        records.add(new FailoverStateRecord("it", FailoverState.NORMAL, 1_795_000_000L, FailoverState.NORMAL,
                1_795_000_100L, Optional.empty()));
        records.add(new ServerDuidRecord(new byte[] {0, 1, 0, 1, 0x32, (byte) 0x98, 9, 9, 0x52, 0x54, 0, 0, 0, 1}));
        records.add(new GroupRecord("it-group", true, false, false, List.of("default-lease-time 600;")));
        records.add(new HostRecord("omapi-a", true, false, HardwareAddress.parseEthernet("52:54:00:cc:00:01"),
                null, List.of(Ipv4Address.parse("10.30.9.1")), "it-group", List.of()));
        records.add(new HostRecord("omapi-b", true, false, null, new byte[] {1, 2, 3}, List.of(), null,
                List.of("supersede host-name = \"omapi-b\";")));
        records.add(HostRecord.rubout("omapi-b", true));
        records.add(HostRecord.rubout("conf-host", false));
        BindingState[] states = {BindingState.ACTIVE, BindingState.FREE, BindingState.BACKUP, BindingState.EXPIRED,
            BindingState.RELEASED, BindingState.ABANDONED};
        int span = (int) (LAST.toLong() - FIRST.toLong() + 1);
        for (int i = 0; i < 400; i++) {
            Ipv4Address ip = FIRST.plus(random.nextInt(span - 40));
            BindingState state = states[random.nextInt(states.length)];
            Lease.Builder b = Lease.builder(ip).bindingState(state).starts(1_795_000_000L + i)
                    .tstp(FUTURE).tsfp(FUTURE).atsfp(FUTURE).cltt(1_795_000_000L + i);
            if (state != BindingState.BACKUP) {
                b.ends(FUTURE).rewindBindingState(BindingState.FREE);
            }
            if (state == BindingState.FREE && i % 2 == 0) {
                b.tstp(LeaseTime.UNSET).tsfp(LeaseTime.UNSET).atsfp(LeaseTime.UNSET);
            }
            if (state == BindingState.ACTIVE) {
                b.nextBindingState(BindingState.EXPIRED);
            }
            if (random.nextInt(4) != 0 && state != BindingState.BACKUP) {
                byte[] mac = {0x52, 0x54, 0, 0x30, (byte) i, (byte) (i >> 8)};
                b.hardware(HardwareAddress.ethernet(mac)).uid(new byte[] {1, 0x52, 0x54, 0, '"', '\\', (byte) i});
                b.clientHostname(i % 5 == 0 ? "odd \"name\" \\ " + i : "host-" + i);
                b.variable(LeaseVariable.text("vendor-class-identifier", "MSFT 5.0"));
                b.variable(LeaseVariable.numeric("remote-handle", i));
                b.extraStatement("option agent.circuit-id \"port-" + i + "\";");
            }
            records.add(new LeaseRecord(b.build()));
        }
        try (FileChannel out = FileChannel.open(leases, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE)) {
            out.write(java.nio.ByteBuffer.wrap(LeaseFileWriter.header("ironlease-it")));
            new LeaseFileWriter().append(out, records);
        }
        LeaseTable table = new LeaseTable();
        try (LeaseFileReader reader = LeaseFileReader.open(leases)) {
            assertThat(reader.read(table).problems()).isEmpty();
        }
        return table;
    }

    private static String run(List<String> command) throws IOException, InterruptedException {
        Path binary = Path.of(command.get(0));
        if (binary.isAbsolute()) {
            assertThat(binary).as("ISC binary (install the Debian packages, see README)").isExecutable();
        }
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        byte[] output = process.getInputStream().readAllBytes();
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).as("%s finished", command).isTrue();
        String text = new String(output, StandardCharsets.UTF_8);
        assertThat(process.exitValue()).as("exit code of %s:%n%s", command, text).isZero();
        return text;
    }

    private static int wrote(String output, String what) {
        Matcher m = Pattern.compile("Wrote (\\d+) " + Pattern.quote(what) + " to leases file").matcher(output);
        assertThat(m.find()).as("'%s' in:%n%s", what, output).isTrue();
        return Integer.parseInt(m.group(1));
    }

    @Test
    void dhcpdLoadsOurFileWithoutComplaintAndKeepsEveryLease() throws Exception {
        Path conf = Files.writeString(dir.resolve("dhcpd.conf"), CONF);
        Path leases = dir.resolve("dhcpd.leases");
        LeaseTable table = writeJournal(leases);
        String output = run(List.of(DHCPD, "-4", "-T", "-cf", conf.toString(), "-lf", leases.toString(), "-pf",
                dir.resolve("dhcpd.pid").toString()));
        // dhcpd -T exits 0 even after parse errors; they show as "FILE line N: ..." messages
        assertThat(output).as(output).doesNotContain(" line ").doesNotContain("orrupt");
        // dhcpd keeps (and writes back) every lease but never-used free ones: our snapshot rule
        long kept = table.leases().stream().filter(LeaseFileWriter::snapshotKeeps).count();
        assertThat(wrote(output, "leases")).isEqualTo(kept);
        // "new dynamic host decls" is no check: dhcpd 4.4.3 counts only the hosts it failed to write
        assertThat(table.hosts()).extracting(HostRecord::name).containsExactly("omapi-a");
        assertThat(wrote(output, "deleted host decls")).isEqualTo(table.hostRubouts().size());
        assertThat(wrote(output, "group decls")).isEqualTo(table.groups().size());
    }

    @Test
    void dhcpdPoolsCountsWhatOurTableHolds() throws Exception {
        Path conf = Files.writeString(dir.resolve("dhcpd.conf"), CONF);
        Path leases = dir.resolve("dhcpd.leases");
        LeaseTable table = writeJournal(leases);
        Map<BindingState, Integer> ours = new EnumMap<>(BindingState.class);
        table.forEachLease(l -> {
            if (FIRST.compareTo(l.ip()) <= 0 && l.ip().compareTo(LAST) <= 0) {
                ours.merge(l.bindingState(), 1, Integer::sum);
            }
        });
        String csv = run(List.of("dhcpd-pools", "-c", conf.toString(), "-l", leases.toString(), "-f", "c"));
        String[] lines = csv.split("\n");
        int header = Arrays.asList(lines).indexOf("\"Ranges:\"") + 1;
        List<String> columns = fields(lines[header]);
        List<String> values = fields(lines[header + 1]);
        int touched = ours.getOrDefault(BindingState.FREE, 0) + ours.getOrDefault(BindingState.EXPIRED, 0)
                + ours.getOrDefault(BindingState.RELEASED, 0) + ours.getOrDefault(BindingState.ABANDONED, 0);
        assertThat(values.get(columns.indexOf("cur"))).as(csv).isEqualTo(
                String.valueOf(ours.getOrDefault(BindingState.ACTIVE, 0)));
        assertThat(values.get(columns.indexOf("touch"))).as(csv).isEqualTo(String.valueOf(touched));
        assertThat(values.get(columns.indexOf("bu"))).as(csv).isEqualTo(
                String.valueOf(ours.getOrDefault(BindingState.BACKUP, 0)));
        assertThat(ours.get(BindingState.BACKUP)).isPositive();
    }

    /**
     * Field by field: dhcpd's own rewrite of our file (kept by failing its unlink under strace) holds each
     * lease as we wrote it, but for what dhcpd itself changes on load: tstp defaults to ends, a hostname
     * with '"', '\\' or non-ASCII is not written back, and the set variables come out in reverse order.
     */
    @Test
    void dhcpdRewritesEveryLeaseAsWeMeantIt() throws Exception {
        Path conf = Files.writeString(dir.resolve("dhcpd.conf"), CONF);
        Path leases = dir.resolve("dhcpd.leases");
        LeaseTable ours = writeJournal(leases);
        assertThat(Path.of(STRACE)).as("strace (keeps dhcpd -T's rewrite)").isExecutable();
        run(List.of(STRACE, "-f", "-qq", "-o", "/dev/null", "-e", "inject=unlink,unlinkat:retval=0", DHCPD, "-4",
                "-T", "-cf", conf.toString(), "-lf", leases.toString(), "-pf", dir.resolve("dhcpd.pid").toString()));
        Path rewrite;
        try (var files = Files.list(dir)) {
            rewrite = files.filter(p -> p.getFileName().toString().matches("dhcpd\\.leases\\.\\d+")).findFirst()
                    .orElseThrow(() -> new AssertionError("dhcpd -T left no rewrite in " + dir));
        }
        LeaseTable theirs = new LeaseTable();
        try (LeaseFileReader reader = LeaseFileReader.open(rewrite)) {
            assertThat(reader.read(theirs).problems()).isEmpty();
        }
        List<Lease> expected = ours.leases().stream().filter(LeaseFileWriter::snapshotKeeps)
                .map(LeaseFileInteropIT::asDhcpdKeepsIt).toList();
        assertThat(theirs.leases().stream().map(LeaseFileInteropIT::inWrittenOrder).toList()).isEqualTo(expected);
        assertThat(theirs.hosts()).containsExactlyElementsOf(ours.hosts());
        assertThat(theirs.hostRubouts()).containsExactlyElementsOf(ours.hostRubouts());
        assertThat(theirs.failoverStates()).containsExactlyElementsOf(ours.failoverStates());
        // dhcpd stores group statements parsed and writes them in its canonical form
        assertThat(theirs.groups()).singleElement().satisfies(g -> assertThat(g.statements())
                .containsExactly("supersede server.default-lease-time = 00:00:02:58;"));
    }

    private static Lease asDhcpdKeepsIt(Lease lease) {
        String name = lease.clientHostname().orElse(null);
        boolean printable = name != null && name.chars().allMatch(c -> c >= 0x20 && c < 0x7f && c != '"' && c != '\\');
        return lease.toBuilder().tstp(lease.tstp() == LeaseTime.UNSET ? lease.ends() : lease.tstp())
                .clientHostname(printable ? name : null).build();
    }

    private static Lease inWrittenOrder(Lease lease) {
        List<LeaseVariable> reversed = new ArrayList<>(lease.variables());
        java.util.Collections.reverse(reversed);
        Lease.Builder b = lease.toBuilder();
        reversed.forEach(v -> b.removeVariable(v.name()));
        reversed.forEach(b::variable);
        return b.build();
    }

    private static List<String> fields(String csvLine) {
        List<String> out = new ArrayList<>();
        for (String field : csvLine.split(",")) {
            out.add(field.replace("\"", "").trim());
        }
        return out;
    }
}
