package io.ironlease.server.store;

import static org.assertj.core.api.Assertions.assertThat;

import io.ironlease.shared.leases.BindingState;
import io.ironlease.shared.leases.Lease;
import io.ironlease.shared.leases.LeaseFileRecord;
import io.ironlease.shared.leases.LeaseRecord;
import io.ironlease.shared.leases.LeaseTable;
import io.ironlease.shared.leases.LeaseTime;
import io.ironlease.shared.net.HardwareAddress;
import io.ironlease.shared.net.Ipv4Address;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/** Whatever the journal is given, in whatever batches, replaying it gives back the last record per address. */
class JournalProperties {

    @Provide
    Arbitrary<Lease> leases() {
        Arbitrary<Integer> host = Arbitraries.integers().between(1, 40);
        Arbitrary<Long> start = Arbitraries.longs().between(1_600_000_000L, 1_900_000_000L);
        Arbitrary<Integer> length = Arbitraries.integers().between(0, 100_000);
        Arbitrary<BindingState> state = Arbitraries.of(BindingState.ACTIVE, BindingState.FREE, BindingState.ABANDONED,
                BindingState.EXPIRED, BindingState.RELEASED, BindingState.BACKUP);
        Arbitrary<byte[]> uid = Arbitraries.bytes().array(byte[].class).ofMinSize(0).ofMaxSize(12);
        Arbitrary<String> name = Arbitraries.strings().withCharRange('a', 'z').ofMinLength(0).ofMaxLength(12);
        return Combinators.combine(host, start, length, state, uid, name).as((h, s, len, st, id, n) -> {
            Lease.Builder b = Lease.builder(Ipv4Address.parse("10.9.0.0").plus(h)).starts(s).cltt(s)
                    .ends(len == 0 ? LeaseTime.NEVER : s + len).bindingState(st)
                    .hardware(HardwareAddress.ethernet(new byte[] {2, 0, 0, 0, 0, (byte) h.intValue()})).uid(id);
            if (!n.isEmpty()) {
                b.clientHostname(n);
            }
            return b.build();
        });
    }

    @Property(tries = 40)
    void replayReturnsTheLastRecordOfEveryAddress(@ForAll("leaseBatches") List<List<Lease>> batches) throws Exception {
        Path dir = Files.createTempDirectory("journal-prop");
        try {
            Path file = dir.resolve("dhcpd.leases");
            LeaseTable expected = new LeaseTable();
            try (JournalLeaseStore store = JournalLeaseStore.open(file)) {
                store.replay(r -> { });
                List<CompletableFuture<Void>> futures = new ArrayList<>();
                for (List<Lease> batch : batches) {
                    List<LeaseFileRecord> records = new ArrayList<>();
                    batch.forEach(l -> {
                        records.add(new LeaseRecord(l));
                        expected.put(l);
                    });
                    futures.add(store.append(records));
                }
                CompletableFuture.allOf(futures.toArray(CompletableFuture[]::new)).get(30, TimeUnit.SECONDS);
            }
            LeaseTable replayed = new LeaseTable();
            try (JournalLeaseStore store = JournalLeaseStore.open(file)) {
                store.replay(replayed);
            }
            assertThat(replayed.leases()).isEqualTo(expected.leases());
        } finally {
            try (Stream<Path> files = Files.walk(dir)) {
                files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }

    @Provide
    Arbitrary<List<List<Lease>>> leaseBatches() {
        return leases().list().ofMinSize(1).ofMaxSize(20).list().ofMinSize(1).ofMaxSize(15);
    }
}
