package io.ironlease.server.failover.engine;

import static org.assertj.core.api.Assertions.assertThat;

import io.ironlease.server.dhcp.MessageType;
import io.ironlease.server.testclient.AckRecord;
import io.ironlease.shared.leases.BindingState;
import io.ironlease.shared.leases.Lease;
import io.ironlease.shared.leases.LeaseFileWriter;
import io.ironlease.shared.leases.LeaseRecord;
import io.ironlease.shared.net.HardwareAddress;
import io.ironlease.shared.net.Ipv4Address;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The partition checker itself: it must see an address bound to two clients, and only then. */
class PairCheckerTest {

    private static final Ipv4Address A = Ipv4Address.parse("10.20.1.7");
    private static final HardwareAddress X = HardwareAddress.parseEthernet("02:00:00:00:00:01");
    private static final HardwareAddress Y = HardwareAddress.parseEthernet("02:00:00:00:00:02");
    private static final Instant T = Instant.now().minusSeconds(100);

    @TempDir
    Path dir;

    private static AckRecord ack(HardwareAddress client, Instant at, long seconds) {
        return new AckRecord(1, client, A, OptionalLong.of(seconds), Optional.of(Ipv4Address.parse("127.0.0.3")),
                MessageType.DHCPREQUEST, at);
    }

    @Test
    void anAddressAcknowledgedToAnotherClientBeforeTheFirstLeaseEndsIsAViolation() {
        assertThat(PairChecker.ackViolations(List.of(ack(X, T, 60), ack(Y, T.plusSeconds(30), 60)))).hasSize(1);
        assertThat(PairChecker.ackViolations(List.of(ack(X, T, 60), ack(Y, T.plusSeconds(61), 60)))).isEmpty();
        // renewals extend the holder's lease
        assertThat(PairChecker.ackViolations(List.of(ack(X, T, 60), ack(X, T.plusSeconds(50), 60),
                ack(Y, T.plusSeconds(100), 60)))).hasSize(1);
    }

    @Test
    void leaseFilesMustAgreeWithEachOtherAndWithTheAcks() throws Exception {
        Path first = file("a.leases", X, 3600);
        Path second = file("b.leases", Y, 3600);
        assertThat(PairChecker.fileViolations(List.of(), first, second)).singleElement().asString()
                .contains("active for");
        assertThat(PairChecker.disagreements(first, second)).hasSize(1);
        Path same = file("c.leases", X, 3600);
        assertThat(PairChecker.fileViolations(List.of(ack(X, Instant.now().minusSeconds(10), 3600)), first, same))
                .isEmpty();
        assertThat(PairChecker.fileViolations(List.of(ack(Y, Instant.now().minusSeconds(10), 3600)), first, same))
                .hasSize(2);
    }

    private Path file(String name, HardwareAddress client, long seconds) throws Exception {
        long now = Instant.now().getEpochSecond();
        Lease lease = Lease.builder(A).starts(now - 20).ends(now + seconds).cltt(now - 20)
                .bindingState(BindingState.ACTIVE).hardware(client).build();
        Path path = dir.resolve(name);
        try (FileChannel out = FileChannel.open(path, StandardOpenOption.CREATE, StandardOpenOption.WRITE)) {
            new LeaseFileWriter().append(out, new LeaseRecord(lease));
        }
        return path;
    }
}
