package io.ironlease.server.failover.engine;

import static org.assertj.core.api.Assertions.assertThat;

import io.ironlease.server.dhcp.MessageType;
import io.ironlease.server.testclient.AckRecord;
import io.ironlease.shared.leases.BindingState;
import io.ironlease.shared.leases.Lease;
import io.ironlease.shared.leases.LeaseTable;
import io.ironlease.shared.net.HardwareAddress;
import io.ironlease.shared.net.Ipv4Address;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.TreeSet;
import org.awaitility.Awaitility;
import org.awaitility.core.ConditionTimeoutException;

/**
 * The failover pair's safety invariant, checked from the outside: no address is bound to two different
 * clients at once. Evidence: every DHCPACK the test clients saw (a client holds its address from the
 * ACK for the lease time it was given) and both servers' lease files (an unexpired active lease binds
 * its address to its client). Test-only.
 */
final class PairChecker {

    private PairChecker() {
    }

    /** Violations among the ACKs: an address acknowledged to a client while another still held it. */
    static List<String> ackViolations(List<AckRecord> acks) {
        Map<Ipv4Address, List<AckRecord>> byAddress = new TreeMap<>();
        for (AckRecord ack : acks) {
            if (ack.requestType() == MessageType.DHCPREQUEST && !ack.yiaddr().isAny()) {
                byAddress.computeIfAbsent(ack.yiaddr(), a -> new ArrayList<>()).add(ack);
            }
        }
        List<String> violations = new ArrayList<>();
        byAddress.forEach((address, list) -> {
            list.sort(Comparator.comparing(AckRecord::receivedAt));
            HardwareAddress holder = null;
            Instant holdsUntil = Instant.MIN;
            for (AckRecord ack : list) {
                Instant ends = ack.receivedAt().plusSeconds(ack.leaseTime().orElse(0));
                if (ack.chaddr().equals(holder)) {
                    holdsUntil = ends.isAfter(holdsUntil) ? ends : holdsUntil;
                } else {
                    if (holder != null && ack.receivedAt().isBefore(holdsUntil)) {
                        violations.add(address + " acknowledged to " + ack.chaddr() + " at " + ack.receivedAt()
                                + " by " + ack.serverId().map(Object::toString).orElse("?") + " while " + holder
                                + " held it until " + holdsUntil);
                    }
                    holder = ack.chaddr();
                    holdsUntil = ends;
                }
            }
        });
        return violations;
    }

    /**
     * Violations between the ACKs and the lease files: an unexpired active lease in a file whose client
     * is not the one that last got the address acknowledged (for addresses the test clients saw), and
     * addresses active in both files for different clients.
     */
    static List<String> fileViolations(List<AckRecord> acks, Path first, Path second) throws Exception {
        LeaseTable a = PairConfig.read(first);
        LeaseTable b = PairConfig.read(second);
        long now = Instant.now().getEpochSecond();
        Map<Ipv4Address, AckRecord> lastAck = new HashMap<>();
        for (AckRecord ack : acks) {
            if (ack.requestType() == MessageType.DHCPREQUEST) {
                lastAck.merge(ack.yiaddr(), ack, (x, y) -> y.receivedAt().isAfter(x.receivedAt()) ? y : x);
            }
        }
        List<String> violations = new ArrayList<>();
        TreeSet<Ipv4Address> addresses = new TreeSet<>();
        a.forEachLease(l -> addresses.add(l.ip()));
        b.forEachLease(l -> addresses.add(l.ip()));
        for (Ipv4Address address : addresses) {
            Optional<Lease> la = live(a.lease(address), now);
            Optional<Lease> lb = live(b.lease(address), now);
            if (la.isPresent() && lb.isPresent() && !la.get().hardware().equals(lb.get().hardware())) {
                violations.add(address + " active for " + la.get().hardware().orElse(null) + " in " + first.getFileName()
                        + " and for " + lb.get().hardware().orElse(null) + " in " + second.getFileName());
            }
            AckRecord ack = lastAck.get(address);
            if (ack == null) {
                continue;
            }
            for (Optional<Lease> l : List.of(la, lb)) {
                if (l.isPresent() && !l.get().hardware().equals(Optional.of(ack.chaddr())) && overlaps(ack, l.get())) {
                    violations.add(address + " active for " + l.get().hardware().orElse(null) + " from "
                            + Instant.ofEpochSecond(l.get().starts()) + " to " + Instant.ofEpochSecond(l.get().ends())
                            + " in a lease file, but acknowledged to " + ack.chaddr() + " at " + ack.receivedAt()
                            + " for " + ack.leaseTime().orElse(0) + " s");
                }
            }
        }
        return violations;
    }

    /** Whether the ACK's lease and the file's lease overlap by more than the second files round to. */
    private static boolean overlaps(AckRecord ack, Lease lease) {
        long ackFrom = ack.receivedAt().getEpochSecond();
        long ackTo = ackFrom + ack.leaseTime().orElse(0);
        return Math.min(ackTo, lease.ends()) - Math.max(ackFrom, lease.starts()) > 1;
    }

    private static Optional<Lease> live(Optional<Lease> lease, long now) {
        return lease.filter(l -> l.bindingState() == BindingState.ACTIVE && l.ends() > now);
    }

    static void assertNoAddressTwice(List<AckRecord> acks, Path first, Path second) throws Exception {
        assertThat(ackViolations(acks)).as("addresses acknowledged to two clients at once").isEmpty();
        assertThat(fileViolations(acks, first, second)).as("lease files against the ACKs").isEmpty();
    }

    /** Waits until both files hold the same unexpired active leases (same address, same client). */
    static void assertFilesAgree(Path first, Path second, Duration atMost) throws Exception {
        try {
            Awaitility.await().atMost(atMost).pollInterval(Duration.ofMillis(200))
                    .until(() -> disagreements(first, second).isEmpty());
        } catch (ConditionTimeoutException e) {
            throw new AssertionError("the lease files still disagree: " + disagreements(first, second), e);
        }
    }

    static List<String> disagreements(Path first, Path second) throws Exception {
        LeaseTable a = PairConfig.read(first);
        LeaseTable b = PairConfig.read(second);
        long now = Instant.now().getEpochSecond();
        TreeSet<Ipv4Address> addresses = new TreeSet<>();
        a.forEachLease(l -> addresses.add(l.ip()));
        b.forEachLease(l -> addresses.add(l.ip()));
        List<String> out = new ArrayList<>();
        for (Ipv4Address address : addresses) {
            Optional<HardwareAddress> ha = live(a.lease(address), now).flatMap(Lease::hardware);
            Optional<HardwareAddress> hb = live(b.lease(address), now).flatMap(Lease::hardware);
            if (!ha.equals(hb)) {
                out.add(address + ": " + ha.map(Object::toString).orElse("not active") + " / "
                        + hb.map(Object::toString).orElse("not active"));
            }
        }
        return out;
    }
}
