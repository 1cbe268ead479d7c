package io.ironlease.server.failover.runtime;

import static io.ironlease.shared.leases.FailoverState.COMMUNICATIONS_INTERRUPTED;
import static io.ironlease.shared.leases.FailoverState.NORMAL;
import static io.ironlease.shared.leases.FailoverState.PARTNER_DOWN;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.ironlease.server.failover.BindingStatus;
import io.ironlease.server.failover.FailoverSettings;
import io.ironlease.server.failover.HashBucketAssignment;
import io.ironlease.server.failover.LeaseBinding;
import io.ironlease.server.failover.PersistedFailoverState;
import io.ironlease.shared.net.HardwareAddress;
import io.ironlease.shared.net.Ipv4Address;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Two of our failover runtimes (primary and secondary, fake lease engines, real lease files) over
 * loopback TCP: handshake to NORMAL, pool balancing, the loss of the link, a silent partner, an
 * administrator's partner-down, takeover after MCLT and recovery. Detection and recovery times are
 * printed (FAILOVER_TIMING lines) and bounded by the targets.
 */
class FailoverRuntimeIT {

    private static final String PEER = "failover-dhcp";
    private static final Ipv4Address LOOPBACK = Ipv4Address.parse("127.0.0.1");
    private static final int POOL = 20;
    private static final Duration MCLT = Duration.ofSeconds(30);
    private static final Duration MRD = Duration.ofSeconds(3);
    private static final Duration DESIRED_LEASE = Duration.ofSeconds(3600);

    @TempDir
    Path dir;
    private final OffsetClock clock = new OffsetClock();
    private RuntimeNode primary;
    private RuntimeNode secondary;

    @AfterEach
    void stop() throws Exception {
        for (RuntimeNode node : new RuntimeNode[] {primary, secondary}) {
            if (node != null) {
                node.close();
            }
        }
    }

    @Test
    void pairReachesNormalBalancesThePoolAndExchangesLeases() throws Exception {
        startPair();
        awaitBothNormal(Duration.ofSeconds(20));
        // the primary hands half of the free addresses to the secondary with BNDUPD binding-status=BACKUP
        await().atMost(Duration.ofSeconds(10)).until(() -> secondary.hooks.count(BindingStatus.BACKUP) == POOL / 2
                && primary.hooks.count(BindingStatus.BACKUP) == POOL / 2);
        assertThat(secondary.hooks.withStatus(BindingStatus.BACKUP))
                .isEqualTo(primary.hooks.withStatus(BindingStatus.BACKUP));

        LeaseBinding fromPrimary = grant(primary, "02:00:00:00:00:01");
        LeaseBinding fromSecondary = grant(secondary, "02:00:00:00:00:02");
        assertThat(fromPrimary.address()).isNotEqualTo(fromSecondary.address());
        await().atMost(Duration.ofSeconds(5)).until(() ->
                secondary.hooks.binding(fromPrimary.address()).status() == BindingStatus.ACTIVE
                        && primary.hooks.binding(fromSecondary.address()).status() == BindingStatus.ACTIVE);
        assertThat(secondary.hooks.binding(fromPrimary.address()).hardwareAddress())
                .isEqualTo(fromPrimary.hardwareAddress());
        await().atMost(Duration.ofSeconds(5)).until(() -> primary.status().unackedUpdates() == 0
                && secondary.status().unackedUpdates() == 0);
    }

    @Test
    void cuttingTheLinkInterruptsBothAtOnceAndTheyReconnect() throws Exception {
        startPair();
        awaitBothNormal(Duration.ofSeconds(20));
        long t0 = System.nanoTime();
        primary.runtime.link().closeAll("test: cut the link");
        await().atMost(Duration.ofSeconds(5)).pollInterval(Duration.ofMillis(5)).until(() ->
                primary.runtime.myState() == COMMUNICATIONS_INTERRUPTED
                        && secondary.runtime.myState() == COMMUNICATIONS_INTERRUPTED);
        Duration detected = Duration.ofNanos(System.nanoTime() - t0);
        System.out.println("FAILOVER_TIMING link closed -> both communications-interrupted: " + detected.toMillis() + " ms");
        assertThat(detected).isLessThan(Duration.ofSeconds(1));
        // both retry every 5 s; whoever connects, the handshake keeps one connection
        awaitBothNormal(Duration.ofSeconds(20));
        await().atMost(Duration.ofSeconds(5)).until(() -> primary.runtime.link().openLinks().size() == 1
                && secondary.runtime.link().openLinks().size() == 1);
    }

    @Test
    void aSilentPartnerIsDetectedAfterMaxResponseDelay() throws Exception {
        startPair();
        awaitBothNormal(Duration.ofSeconds(20));
        secondary.freeze(); // SIGSTOP: its kernel still accepts bytes, it answers nothing
        long t0 = System.nanoTime();
        await().atMost(MRD.plusSeconds(10)).pollInterval(Duration.ofMillis(20))
                .until(() -> primary.runtime.myState() == COMMUNICATIONS_INTERRUPTED);
        Duration detected = Duration.ofNanos(System.nanoTime() - t0);
        System.out.println("FAILOVER_TIMING silent partner -> communications-interrupted: " + detected.toMillis()
                + " ms (max-response-delay " + MRD.toSeconds() + " s, CONTACT every 1 s)");
        // the last CONTACT came at most 1 s before the freeze; the timeout is MRD after the last message
        assertThat(detected).isBetween(MRD.minusMillis(1500), MRD.plusSeconds(2));
        secondary.thaw();
        awaitBothNormal(Duration.ofSeconds(30));
    }

    @Test
    void partnerDownTakesOverAfterMcltAndTheRestartedPrimaryRecoversToNormal() throws Exception {
        startPair();
        awaitBothNormal(Duration.ofSeconds(20));
        await().atMost(Duration.ofSeconds(10)).until(() -> secondary.hooks.count(BindingStatus.BACKUP) == POOL / 2);
        LeaseBinding client = grant(primary, "02:00:00:00:00:07");
        await().atMost(Duration.ofSeconds(5)).until(() ->
                secondary.hooks.binding(client.address()).status() == BindingStatus.ACTIVE);
        PersistedFailoverState beforeKill = primary.hooks.lastPersisted().orElseThrow();

        long t0 = System.nanoTime();
        primary.kill();
        await().atMost(Duration.ofSeconds(5)).pollInterval(Duration.ofMillis(5))
                .until(() -> secondary.runtime.myState() == COMMUNICATIONS_INTERRUPTED);
        System.out.println("FAILOVER_TIMING primary killed -> secondary communications-interrupted: "
                + Duration.ofNanos(System.nanoTime() - t0).toMillis() + " ms");
        Ipv4Address primarysFree = secondary.hooks.withStatus(BindingStatus.FREE).get(0);
        Ipv4Address secondarysOwn = secondary.hooks.withStatus(BindingStatus.BACKUP).get(0);
        assertThat(secondary.hooks.mayAllocate(secondarysOwn)).isTrue();
        assertThat(secondary.hooks.mayAllocate(primarysFree)).as("communications-interrupted: own addresses only")
                .isFalse();

        assertThat(secondary.runtime.adminSetState(PARTNER_DOWN).get().myState()).isEqualTo(PARTNER_DOWN);
        assertThat(secondary.hooks.mayAllocate(primarysFree)).as("partner-down, MCLT not yet passed").isFalse();
        clock.advance(MCLT.plusSeconds(1));
        secondary.runtime.tick();
        await().atMost(Duration.ofSeconds(5)).until(() -> secondary.hooks.mayAllocate(primarysFree));
        assertThat(secondary.hooks.mayAllocate(client.address())).as("an active lease stays its client's").isFalse();

        // what the primary persisted is what its restart reads back from its dhcpd.leases
        Optional<PersistedFailoverState> readBack = FakeEngineHooks.readPersisted(primary.leaseFile, PEER);
        assertThat(readBack).isPresent();
        assertThat(readBack.get().myState()).isEqualTo(beforeKill.myState()).isEqualTo(NORMAL);
        assertThat(readBack.get().myStos().getEpochSecond()).isEqualTo(beforeKill.myStos().getEpochSecond());
        assertThat(readBack.get().partnerState()).isEqualTo(beforeKill.partnerState());
        assertThat(readBack.get().mclt()).isEqualTo(Optional.of(MCLT));

        long restart = System.nanoTime();
        primary.restart();
        awaitBothNormal(Duration.ofSeconds(10));
        Duration recovered = Duration.ofNanos(System.nanoTime() - restart);
        System.out.println("FAILOVER_TIMING primary restart -> both normal (recover, recover-done): "
                + recovered.toMillis() + " ms; primary states " + primary.hooks.states());
        assertThat(recovered).isLessThan(Duration.ofSeconds(3));
        assertThat(primary.hooks.states()).containsSubsequence("startup", "recover", "recover-done", "normal");
        // the primary learned the client's lease from the secondary during recovery (UPDREQALL)
        await().atMost(Duration.ofSeconds(5)).until(() ->
                primary.hooks.binding(client.address()).status() == BindingStatus.ACTIVE);
    }

    private void startPair() throws Exception {
        primary = new RuntimeNode("primary", dir.resolve("primary.leases"), clock, POOL);
        secondary = new RuntimeNode("secondary", dir.resolve("secondary.leases"), clock, POOL);
        int p = primary.bind();
        int s = secondary.bind();
        primary.start(FailoverSettings.primary(PEER, LOOPBACK, LOOPBACK, MCLT, HashBucketAssignment.split(128))
                .withPorts(p, s).withMaxResponseDelay(MRD, 10));
        secondary.start(FailoverSettings.secondary(PEER, LOOPBACK, LOOPBACK).withPorts(s, p)
                .withMaxResponseDelay(MRD, 10));
    }

    private void awaitBothNormal(Duration atMost) {
        await().atMost(atMost).pollInterval(Duration.ofMillis(10)).until(() ->
                primary.is(NORMAL, NORMAL) && secondary.is(NORMAL, NORMAL));
    }

    private static LeaseBinding grant(RuntimeNode node, String mac) {
        List<LeaseBinding> got = node.hooks.grant(HardwareAddress.parseEthernet(mac), DESIRED_LEASE).stream().toList();
        assertThat(got).as(node.name + " has an address to give").hasSize(1);
        node.runtime.leaseChanged(got.get(0));
        return got.get(0);
    }
}
