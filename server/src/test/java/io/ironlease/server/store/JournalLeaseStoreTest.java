package io.ironlease.server.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.ironlease.shared.leases.BindingState;
import io.ironlease.shared.leases.HostRecord;
import io.ironlease.shared.leases.Lease;
import io.ironlease.shared.leases.LeaseFileReader;
import io.ironlease.shared.leases.LeaseFileRecord;
import io.ironlease.shared.leases.LeaseRecord;
import io.ironlease.shared.leases.LeaseTable;
import io.ironlease.shared.net.HardwareAddress;
import io.ironlease.shared.net.Ipv4Address;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The dhcpd.leases journal: durability, group commit, failures, compaction and replay. */
class JournalLeaseStoreTest {

    @TempDir
    Path dir;

    private final FaultyChannel.Faults faults = new FaultyChannel.Faults();

    static Lease lease(int n, BindingState state) {
        return Lease.builder(Ipv4Address.parse("10.0.0.0").plus(n)).starts(1_700_000_000L + n)
                .ends(1_700_003_600L + n).cltt(1_700_000_000L + n).bindingState(state)
                .hardware(HardwareAddress.ethernet(new byte[] {2, 0, 0, 0, 0, (byte) n})).build();
    }

    private JournalLeaseStore open(Path file) throws Exception {
        return JournalLeaseStore.open(file, JournalLeaseStore.Options.defaults().withOpener(faults.opener()));
    }

    static LeaseTable read(Path file) throws Exception {
        LeaseTable table = new LeaseTable();
        try (LeaseFileReader reader = LeaseFileReader.open(file)) {
            reader.read(table);
        }
        return table;
    }

    static List<LeaseFileRecord> replay(JournalLeaseStore store) throws Exception {
        List<LeaseFileRecord> records = new ArrayList<>();
        store.replay(records::add);
        return records;
    }

    @Test
    void appendsAreInTheFileWhenTheirFutureCompletes() throws Exception {
        Path file = dir.resolve("dhcpd.leases");
        try (JournalLeaseStore store = open(file)) {
            replay(store);
            store.append(List.of(new LeaseRecord(lease(1, BindingState.ACTIVE)))).get(10, TimeUnit.SECONDS);

            assertThat(read(file).lease(Ipv4Address.parse("10.0.0.1"))).contains(lease(1, BindingState.ACTIVE));
            assertThat(Files.readString(file)).startsWith("# The format of this file is documented in the dhcpd.leases(5)");
        }
    }

    @Test
    void concurrentAppendsShareFsyncs() throws Exception {
        Path file = dir.resolve("dhcpd.leases");
        try (JournalLeaseStore store = open(file)) {
            replay(store);
            List<CompletableFuture<Void>> futures = new ArrayList<>();
            for (int i = 1; i <= 2000; i++) {
                futures.add(store.append(List.of(new LeaseRecord(lease(i, BindingState.ACTIVE)))));
            }
            CompletableFuture.allOf(futures.toArray(CompletableFuture[]::new)).get(60, TimeUnit.SECONDS);

            assertThat(read(file).leaseCount()).isEqualTo(2000);
            assertThat(faults.forces.get()).as("group commit: far fewer fsyncs than appends").isLessThan(1000);
        }
    }

    @Test
    void diskFullFailsTheGroupCutsTheTornRecordAndLaterAppendsSucceed() throws Exception {
        Path file = dir.resolve("dhcpd.leases");
        try (JournalLeaseStore store = open(file)) {
            replay(store);
            store.append(List.of(new LeaseRecord(lease(1, BindingState.ACTIVE)))).get(10, TimeUnit.SECONDS);
            long durable = Files.size(file);
            faults.writeBudget.set(40);

            CompletableFuture<Void> failed = store.append(List.of(new LeaseRecord(lease(2, BindingState.ACTIVE))));

            assertThatThrownBy(() -> failed.get(10, TimeUnit.SECONDS)).isInstanceOf(ExecutionException.class)
                    .hasCauseInstanceOf(LeaseWriteException.class);
            assertThat(Files.size(file)).as("the torn record is cut off").isEqualTo(durable);
            faults.writeBudget.set(-1);
            store.append(List.of(new LeaseRecord(lease(3, BindingState.ACTIVE)))).get(10, TimeUnit.SECONDS);
        }
        LeaseTable table = read(file);
        assertThat(table.lease(Ipv4Address.parse("10.0.0.1"))).isPresent();
        assertThat(table.lease(Ipv4Address.parse("10.0.0.2"))).isEmpty();
        assertThat(table.lease(Ipv4Address.parse("10.0.0.3"))).isPresent();
    }

    @Test
    void fsyncFailureFailsTheGroup() throws Exception {
        Path file = dir.resolve("dhcpd.leases");
        try (JournalLeaseStore store = open(file)) {
            replay(store);
            faults.failForce.set(true);
            CompletableFuture<Void> failed = store.append(List.of(new LeaseRecord(lease(1, BindingState.ACTIVE))));
            assertThatThrownBy(() -> failed.get(10, TimeUnit.SECONDS)).hasCauseInstanceOf(LeaseWriteException.class);
            faults.failForce.set(false);
            store.append(List.of(new LeaseRecord(lease(2, BindingState.ACTIVE)))).get(10, TimeUnit.SECONDS);
        }
        assertThat(read(file).lease(Ipv4Address.parse("10.0.0.2"))).isPresent();
    }

    @Test
    void compactionRewritesAtomicallyKeepsABackupAndKeepsConcurrentAppends() throws Exception {
        Path file = dir.resolve("dhcpd.leases");
        try (JournalLeaseStore store = open(file)) {
            replay(store);
            for (int round = 0; round < 3; round++) {
                store.append(List.of(new LeaseRecord(lease(1, BindingState.ACTIVE)),
                        new LeaseRecord(lease(2, BindingState.ACTIVE)))).get(10, TimeUnit.SECONDS);
            }
            LeaseTable state = new LeaseTable();
            state.put(lease(1, BindingState.ACTIVE));
            state.put(lease(2, BindingState.ACTIVE));
            state.accept(new HostRecord("h1", true, false, null, null, List.of(Ipv4Address.parse("10.0.0.50")), null,
                    List.of()));
            CompletableFuture<Void> compaction = store.compact(state);
            CompletableFuture<Void> during = store.append(List.of(new LeaseRecord(lease(3, BindingState.ACTIVE))));
            compaction.get(30, TimeUnit.SECONDS);
            during.get(30, TimeUnit.SECONDS);
            store.append(List.of(new LeaseRecord(lease(4, BindingState.FREE)))).get(10, TimeUnit.SECONDS);
            assertThat(store.bytesSinceCompaction()).isLessThan(400);
        }
        String text = Files.readString(file, StandardCharsets.UTF_8);
        assertThat(text.split("lease 10\\.0\\.0\\.1 \\{", -1)).as("one record per lease after compaction").hasSize(2);
        LeaseTable table = read(file);
        assertThat(table.leaseCount()).isEqualTo(4);
        assertThat(table.host("h1")).isPresent();
        assertThat(Files.exists(dir.resolve("dhcpd.leases~"))).isTrue();
        assertThat(read(dir.resolve("dhcpd.leases~")).lease(Ipv4Address.parse("10.0.0.2"))).isPresent();
        assertThat(Files.exists(dir.resolve("dhcpd.leases.new"))).isFalse();
    }

    @Test
    void aFailedCompactionLeavesTheJournalAsItWas() throws Exception {
        Path file = dir.resolve("dhcpd.leases");
        try (JournalLeaseStore store = open(file)) {
            replay(store);
            store.append(List.of(new LeaseRecord(lease(1, BindingState.ACTIVE)))).get(10, TimeUnit.SECONDS);
            faults.writeBudget.set(10);
            LeaseTable state = new LeaseTable();
            state.put(lease(1, BindingState.ACTIVE));
            assertThatThrownBy(() -> store.compact(state).get(30, TimeUnit.SECONDS))
                    .isInstanceOf(ExecutionException.class);
            faults.writeBudget.set(-1);
            store.append(List.of(new LeaseRecord(lease(2, BindingState.ACTIVE)))).get(10, TimeUnit.SECONDS);
        }
        assertThat(read(file).leaseCount()).isEqualTo(2);
        assertThat(Files.exists(dir.resolve("dhcpd.leases.new"))).isFalse();
    }

    @Test
    void replayCutsARecordTornByACrashBeforeAppendingAgain() throws Exception {
        Path file = dir.resolve("dhcpd.leases");
        try (JournalLeaseStore store = open(file)) {
            replay(store);
            store.append(List.of(new LeaseRecord(lease(1, BindingState.ACTIVE)))).get(10, TimeUnit.SECONDS);
        }
        Files.writeString(file, "lease 10.0.0.9 {\n  starts 3 2026/11/25 01:18:25;\n  binding st",
                java.nio.file.StandardOpenOption.APPEND);
        try (JournalLeaseStore store = open(file)) {
            assertThat(replay(store)).hasSize(1);
            store.append(List.of(new LeaseRecord(lease(2, BindingState.ACTIVE)))).get(10, TimeUnit.SECONDS);
        }
        LeaseTable table = read(file);
        assertThat(table.leaseCount()).isEqualTo(2);
        assertThat(table.lease(Ipv4Address.parse("10.0.0.9"))).isEmpty();
    }

    @Test
    void closeWritesWhatIsPendingAndLaterAppendsFail() throws Exception {
        Path file = dir.resolve("dhcpd.leases");
        CompletableFuture<Void> pending;
        JournalLeaseStore store = open(file);
        replay(store);
        pending = store.append(List.of(new LeaseRecord(lease(1, BindingState.ACTIVE))));
        store.close();

        assertThat(pending).isCompleted();
        assertThat(read(file).leaseCount()).isEqualTo(1);
        assertThatThrownBy(() -> store.append(List.of(new LeaseRecord(lease(2, BindingState.ACTIVE))))
                .get(5, TimeUnit.SECONDS)).hasCauseInstanceOf(LeaseWriteException.class);
    }
}
