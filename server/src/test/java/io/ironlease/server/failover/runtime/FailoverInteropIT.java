package io.ironlease.server.failover.runtime;

import static io.ironlease.shared.leases.FailoverState.COMMUNICATIONS_INTERRUPTED;
import static io.ironlease.shared.leases.FailoverState.NORMAL;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.ironlease.server.failover.BindingStatus;
import io.ironlease.server.failover.FailoverSettings;
import io.ironlease.server.failover.HashBucketAssignment;
import io.ironlease.server.failover.LeaseBinding;
import io.ironlease.server.testclient.Netns;
import io.ironlease.shared.leases.BindingState;
import io.ironlease.shared.leases.FailoverStateRecord;
import io.ironlease.shared.leases.Lease;
import io.ironlease.shared.net.HardwareAddress;
import io.ironlease.shared.net.Ipv4Address;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.awaitility.core.ConditionTimeoutException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Our failover runtime paired with the real ISC dhcpd 4.4.3 (see {@link IscFailoverPeer}), both
 * ways round, from empty lease files: both reach NORMAL (ours by {@link FailoverRuntime#status()},
 * ISC's by the {@code failover peer ... state} record in its lease file and its log), and binding
 * updates flow both ways: ISC's BNDUPDs reach our engine and are answered, ours are stored by ISC
 * (its lease file shows the pool balancing and the lease we grant).
 */
@Tag("netns")
class FailoverInteropIT {

    private static final String PEER = "failover-dhcp";
    private static final Ipv4Address LOOPBACK = Ipv4Address.parse(IscFailoverPeer.PARTNER_ADDRESS);
    private static final int POOL = 16;
    private static final Duration MCLT = Duration.ofSeconds(60);
    private static final Duration MRD = Duration.ofSeconds(10);
    private static final Duration WAIT = Duration.ofSeconds(60);

    @TempDir
    Path dir;
    private RuntimeNode ours;
    private IscFailoverPeer isc;

    @AfterEach
    void stop() throws Exception {
        if (ours != null) {
            ours.close();
        }
        if (isc != null) {
            isc.close();
        }
    }

    @Test
    void ourPrimaryAndIscSecondaryReachNormalAndExchangeBindingUpdates() throws Exception {
        startPair(true);
        awaitBothNormal();
        // ISC answered our UPDREQALL with a BNDUPD per address; our engine judged each and answered it
        assertThat(ours.hooks.updatesStored.get() + ours.hooks.updatesRejected.get()).isGreaterThanOrEqualTo(POOL);
        // our pool balancing: half the free addresses go to ISC as BACKUP, and ISC stores them
        awaitOrDump("ISC stores our BACKUP updates", () -> ours.hooks.count(BindingStatus.BACKUP) == POOL / 2
                && ours.hooks.withStatus(BindingStatus.BACKUP).stream().allMatch(a -> iscState(a) == BindingState.BACKUP));
        LeaseBinding granted = grantAndWaitForIsc();
        assertThat(granted.status()).isEqualTo(BindingStatus.ACTIVE);
    }

    @Test
    void iscPrimaryAndOurSecondaryReachNormalAndExchangeBindingUpdates() throws Exception {
        startPair(false);
        awaitBothNormal();
        assertThat(ours.status().mclt()).as("MCLT learned from ISC's CONNECT").contains(MCLT);
        // ISC's pool balancing BNDUPDs (binding-status BACKUP) reach us, are stored and acknowledged
        awaitOrDump("ISC's BACKUP updates stored here", () -> ours.hooks.count(BindingStatus.BACKUP) == POOL / 2);
        List<Ipv4Address> backup = ours.hooks.withStatus(BindingStatus.BACKUP);
        awaitOrDump("ISC's lease file agrees", () -> backup.stream().allMatch(a -> iscState(a) == BindingState.BACKUP));
        LeaseBinding granted = grantAndWaitForIsc();
        assertThat(backup).contains(granted.address()); // the secondary allocates from its BACKUP addresses

        // ISC stops (SIGTERM, as the takeover lab did): we notice at once; it restarts from its lease file
        long t0 = System.nanoTime();
        isc.stopDhcpd();
        awaitOrDump("communications-interrupted", () -> ours.runtime.myState() == COMMUNICATIONS_INTERRUPTED);
        System.out.println("FAILOVER_TIMING interop: ISC dhcpd stopped -> ours communications-interrupted: "
                + Duration.ofNanos(System.nanoTime() - t0).toMillis() + " ms");
        isc.startDhcpd();
        awaitBothNormal("startup"); // ISC restarts from its lease file: startup, then straight back to normal
        assertThat(ours.hooks.binding(granted.address()).status()).isEqualTo(BindingStatus.ACTIVE);
    }

    private void startPair(boolean oursIsPrimary) throws Exception {
        ours = new RuntimeNode("ours", dir.resolve("ours.leases"), new OffsetClock(), POOL);
        int listen = ours.bind();
        Files.createDirectories(dir.resolve("isc"));
        isc = new IscFailoverPeer(dir.resolve("isc"), new InetSocketAddress(IscFailoverPeer.PARTNER_ADDRESS, listen),
                IscFailoverPeer.config(!oursIsPrimary, MCLT, MRD));
        int iscPort = isc.connectAddress().getPort();
        FailoverSettings settings = oursIsPrimary
                ? FailoverSettings.primary(PEER, LOOPBACK, LOOPBACK, MCLT, HashBucketAssignment.split(128))
                : FailoverSettings.secondary(PEER, LOOPBACK, LOOPBACK);
        isc.startDhcpd();
        ours.start(settings.withPorts(listen, iscPort).withMaxResponseDelay(MRD, 10));
    }

    private void awaitBothNormal() throws Exception {
        awaitBothNormal("recover-done");
    }

    /** Both normal; ISC's log says it came to normal from {@code iscFrom}. */
    private void awaitBothNormal(String iscFrom) throws Exception {
        long t0 = System.nanoTime();
        awaitOrDump("both servers normal", () -> ours.is(NORMAL, NORMAL) && iscNormal());
        System.out.println("FAILOVER_TIMING interop (" + ours.settings.role() + " is ours): both normal after "
                + Duration.ofNanos(System.nanoTime() - t0).toMillis() + " ms; our states " + ours.hooks.states());
        assertThat(isc.log()).contains("failover peer failover-dhcp: I move from " + iscFrom + " to normal");
        assertThat(isc.running()).isTrue();
    }

    /** A client gets an address from us; ISC's lease file must show it active for that client. */
    private LeaseBinding grantAndWaitForIsc() throws Exception {
        HardwareAddress client = HardwareAddress.parseEthernet("02:00:00:00:00:42");
        Optional<LeaseBinding> granted = ours.hooks.grant(client, Duration.ofSeconds(3600));
        assertThat(granted).as("our server has an address to give").isPresent();
        int acked = ours.hooks.acksAccepted.get();
        ours.runtime.leaseChanged(granted.get());
        Ipv4Address address = granted.get().address();
        awaitOrDump("ISC stores our ACTIVE update for " + address, () -> {
            Optional<Lease> lease = isc.lease(address);
            return lease.isPresent() && lease.get().bindingState() == BindingState.ACTIVE
                    && lease.get().hardware().equals(Optional.of(client));
        });
        awaitOrDump("ISC acknowledged it", () -> ours.status().unackedUpdates() == 0
                && ours.hooks.acksAccepted.get() > acked);
        return granted.get();
    }

    private boolean iscNormal() throws Exception {
        Optional<FailoverStateRecord> state = isc.stateRecord();
        return state.isPresent() && state.get().myState() == NORMAL && state.get().partnerState() == NORMAL;
    }

    private BindingState iscState(Ipv4Address address) {
        try {
            return isc.lease(address).map(Lease::bindingState).orElse(null);
        } catch (Exception e) {
            return null; // ISC is writing the file; the next poll reads it whole
        }
    }

    private void awaitOrDump(String what, Callable<Boolean> condition) throws Exception {
        assertThat(Netns.isRoot()).as("the interop test runs ISC dhcpd in a network namespace: needs root").isTrue();
        try {
            await().atMost(WAIT).pollInterval(Duration.ofMillis(50)).until(condition);
        } catch (ConditionTimeoutException e) {
            throw new AssertionError(what + " within " + WAIT.toSeconds() + " s; ours: " + ours.status()
                    + " states " + ours.hooks.states() + "\n--- ISC dhcpd log ---\n" + isc.log(), e);
        }
    }
}
