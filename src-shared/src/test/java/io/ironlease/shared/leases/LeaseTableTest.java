package io.ironlease.shared.leases;

import static org.assertj.core.api.Assertions.assertThat;

import io.ironlease.shared.net.Ipv4Address;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LeaseTableTest {

    @TempDir
    Path dir;

    private static LeaseTable reread(Path file) throws Exception {
        LeaseTable table = new LeaseTable();
        try (LeaseFileReader reader = LeaseFileReader.open(file)) {
            assertThat(reader.read(table).problems()).isEmpty();
        }
        return table;
    }

    private static void assertSameState(LeaseTable actual, LeaseTable expected) {
        assertThat(actual.leases()).isEqualTo(expected.leases().stream().filter(LeaseFileWriter::snapshotKeeps)
                .toList());
        assertThat(actual.hosts()).containsExactlyInAnyOrderElementsOf(expected.hosts());
        assertThat(actual.hostRubouts()).containsExactlyInAnyOrderElementsOf(expected.hostRubouts());
        assertThat(actual.groups()).containsExactlyInAnyOrderElementsOf(expected.groups());
        assertThat(actual.failoverStates()).containsExactlyInAnyOrderElementsOf(expected.failoverStates());
        assertThat(actual.serverDuid().map(HexFormat.of()::formatHex))
                .isEqualTo(expected.serverDuid().map(HexFormat.of()::formatHex));
        assertThat(actual.authoringByteOrder()).isEqualTo(expected.authoringByteOrder());
    }

    @Test
    void aSnapshotHoldsExactlyTheLiveState() throws Exception {
        for (String name : LeaseResources.ALL) {
            LeaseTable table = LeaseResources.table(name);
            Path file = dir.resolve(name + ".leases");
            new LeaseFileWriter().writeSnapshot(file, "ironlease-test", table);
            LeaseTable back = reread(file);
            assertSameState(back, table);
            assertThat(Files.readString(file)).startsWith("# The format of this file is documented in the "
                    + "dhcpd.leases(5) manual page.\n# This lease file was written by ironlease-test\n\n"
                    + "# authoring-byte-order entry is generated, DO NOT DELETE\nauthoring-byte-order little-endian;\n");
        }
    }

    @Test
    void snapshotKeepsTheOldFileAsBackupAndReplacesAtomically() throws Exception {
        Path file = dir.resolve("dhcpd.leases");
        Files.write(file, LeaseResources.bytes("omapi-plain"));
        LeaseTable table = reread(file);
        table.remove(Ipv4Address.parse("192.168.100.100"));
        new LeaseFileWriter().writeSnapshot(file, "ironlease-test", table);
        assertThat(Files.readAllBytes(dir.resolve("dhcpd.leases~"))).isEqualTo(LeaseResources.bytes("omapi-plain"));
        assertThat(reread(file).leaseCount()).isEqualTo(26);
        try (var listing = Files.list(dir)) {
            assertThat(listing.map(p -> p.getFileName().toString())).containsExactlyInAnyOrder("dhcpd.leases",
                    "dhcpd.leases~");
        }
    }

    @Test
    void hostRuboutsOfConfigHostsSurviveDynamicOnesVanish() {
        LeaseTable table = new LeaseTable();
        HostRecord dynamic = new HostRecord("d", true, false, null, null, List.of(), null, List.of());
        HostRecord fixed = new HostRecord("f", false, false, null, null, List.of(Ipv4Address.parse("10.0.0.9")), null,
                List.of());
        List.of(dynamic, fixed, HostRecord.rubout("d", true), HostRecord.rubout("f", false)).forEach(table);
        assertThat(table.hosts()).isEmpty();
        assertThat(table.hostRubouts()).containsExactly(HostRecord.rubout("f", false));
        table.accept(fixed);
        assertThat(table.hosts()).containsExactly(fixed);
        assertThat(table.hostRubouts()).isEmpty();
        table.accept(new GroupRecord("g", true, false, false, List.of("default-lease-time 600;")));
        table.accept(GroupRecord.rubout("g", true));
        assertThat(table.groups()).isEmpty();
    }

    @Test
    void appendedJournalReadsBackInOrder() throws Exception {
        Path file = dir.resolve("journal.leases");
        LeaseFileWriter writer = new LeaseFileWriter();
        List<LeaseFileRecord> records = new ArrayList<>();
        Lease base = Lease.builder(Ipv4Address.parse("10.1.0.1")).bindingState(BindingState.FREE).build();
        try (var channel = java.nio.channels.FileChannel.open(file, java.nio.file.StandardOpenOption.CREATE,
                java.nio.file.StandardOpenOption.WRITE, java.nio.file.StandardOpenOption.APPEND)) {
            channel.write(java.nio.ByteBuffer.wrap(LeaseFileWriter.header("ironlease-test")));
            for (int i = 0; i < 5000; i++) {
                Lease lease = base.toBuilder().starts(1_800_000_000L + i).bindingState(
                        i % 3 == 0 ? BindingState.ACTIVE : BindingState.FREE).build();
                records.add(new LeaseRecord(lease));
                if (i % 100 == 99) {
                    writer.append(channel, records.subList(i - 99, i + 1));
                    channel.force(false);
                }
            }
        }
        LeaseTable table = reread(file);
        assertThat(table.leaseCount()).isEqualTo(1);
        assertThat(table.leases().get(0)).isEqualTo(((LeaseRecord) records.get(4999)).lease());
    }
}
