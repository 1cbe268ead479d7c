package io.ironlease.server.failover;

import static org.assertj.core.api.Assertions.assertThat;

import io.ironlease.shared.leases.FailoverState;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Replays the lab's captured scenarios (reference/failover: capture, takeover, disconnect, conflict)
 * against two state machines and checks the same state sequences and control messages.
 */
class ScenarioReplayTest {

    private static final List<String> COLD_START = List.of("recover>startup", "startup>recover",
            "recover>recover-done", "recover-done>normal");

    @Test
    void coldStartReachesNormalThroughRecoverAndBalancesThePool() {
        PairSimulation sim = PairSimulation.lab(222, Duration.ofSeconds(60), Duration.ofSeconds(60));
        sim.start(sim.primary);
        sim.runFor(Duration.ofMillis(5033)); // the secondary connected 5.033 s after the primary started
        assertThat(sim.primary.machine.myState()).isEqualTo(FailoverState.STARTUP);
        sim.start(sim.secondary);
        sim.runFor(Duration.ofSeconds(2));

        assertThat(sim.primary.states).isEqualTo(COLD_START);
        assertThat(sim.secondary.states).isEqualTo(COLD_START);
        // The control messages each ISC server sent in the capture's first 10 s: the handshake in the
        // same order; UPDDONE and STATE(recover-done) race between the two directions.
        assertSameFlow(sim.primary.sent, CapturedControlFlow.sentBy("capture.txt", "192.168.100.31", 0, 10), 5);
        assertSameFlow(sim.secondary.sent, CapturedControlFlow.sentBy("capture.txt", "192.168.100.32", 0, 10), 5);
        assertThat(sim.primary.engine.count(BindingStatus.FREE)).isEqualTo(111);
        assertThat(sim.primary.engine.count(BindingStatus.BACKUP)).isEqualTo(111);
        assertThat(sim.secondary.engine.count(BindingStatus.BACKUP)).isEqualTo(111);
        assertThat(sim.secondary.engine.count(BindingStatus.FREE)).isEqualTo(111);
        assertThat(sim.primary.machine.updateQueue().isEmpty()).isTrue();
        assertThat(sim.secondary.machine.updateQueue().isEmpty()).isTrue();
    }

    /** The first {@code ordered} messages in order, the rest as a multiset ending with the same message. */
    static void assertSameFlow(List<String> sent, List<String> captured, int ordered) {
        List<String> actual = CapturedControlFlow.control(sent);
        assertThat(actual.subList(0, Math.min(ordered, actual.size()))).isEqualTo(captured.subList(0, ordered));
        assertThat(actual).containsExactlyInAnyOrderElementsOf(captured);
        assertThat(actual.get(actual.size() - 1)).isEqualTo(captured.get(captured.size() - 1));
    }

    private static List<String> concat(List<String> first, String... more) {
        List<String> all = new ArrayList<>(first);
        all.addAll(List.of(more));
        return all;
    }

    /**
     * takeover/timeline.txt and the "I move from" lines of takeover/dhcpd{1,2}*.log: SIGTERM the
     * primary, the secondary serves only its BACKUP addresses, partner-down by OMAPI, the primary's
     * FREE addresses only after MCLT, restart the primary, SIGKILL the secondary, the mirror image.
     */
    @Test
    void takeoverAndRestartsFollowIscsStatesAndWaitMclt() {
        PairSimulation sim = PairSimulation.lab(16, Duration.ofSeconds(60), Duration.ofSeconds(60));
        sim.start(sim.primary);
        sim.start(sim.secondary);
        sim.runFor(Duration.ofSeconds(2));
        assertThat(sim.secondary.engine.count(BindingStatus.BACKUP)).isEqualTo(8);
        // setup: three clients of the secondary's hash half, one of the primary's
        for (int i = 0; i < 3; i++) {
            assertThat(sim.client(sim.secondary, PairSimulation.macServedBy(Role.SECONDARY, 100 + 10 * i), 0)).isPresent();
            sim.runFor(Duration.ofMillis(1200));
        }
        assertThat(sim.client(sim.primary, PairSimulation.macServedBy(Role.PRIMARY, 200), 0)).isPresent();
        sim.runFor(Duration.ofSeconds(1));

        // (a) SIGTERM the primary: communications-interrupted at once (TCP close)
        Instant killed = sim.now;
        sim.kill(sim.primary);
        sim.runFor(Duration.ofMillis(5));
        assertThat(sim.secondary.machine.myState()).isEqualTo(FailoverState.COMMUNICATIONS_INTERRUPTED);
        assertThat(sim.lastEntered(sim.secondary, FailoverState.COMMUNICATIONS_INTERRUPTED)).isBefore(killed.plusMillis(5));
        // it answers every client (any hash bucket) but only from its own BACKUP addresses: 8 - 3 = 5
        int served = 0;
        for (int i = 0; i < 8; i++) {
            if (sim.client(sim.secondary, PairSimulation.macServedBy(Role.PRIMARY, 400 + 10 * i), 0).isPresent()) {
                served++;
            }
            sim.runFor(Duration.ofSeconds(1));
        }
        assertThat(served).isEqualTo(5);
        // partner-down by OMAPI: the primary's FREE addresses stay closed for MCLT
        sim.adminSetState(sim.secondary, FailoverState.PARTNER_DOWN);
        sim.runFor(Duration.ofSeconds(59));
        assertThat(sim.client(sim.secondary, PairSimulation.macServedBy(Role.PRIMARY, 600), 0)).isEmpty();
        sim.runFor(Duration.ofSeconds(2));
        assertThat(sim.client(sim.secondary, PairSimulation.macServedBy(Role.PRIMARY, 610), 0)).isPresent();

        // (b) restart the primary while the secondary is in partner-down for more than MCLT
        sim.start(sim.primary);
        sim.runFor(Duration.ofSeconds(3));
        assertThat(sim.primary.machine.myState()).isEqualTo(FailoverState.NORMAL);
        assertThat(sim.secondary.machine.myState()).isEqualTo(FailoverState.NORMAL);

        // (c) SIGKILL the secondary, partner-down on the primary, restart the secondary after MCLT
        sim.runFor(Duration.ofSeconds(1));
        sim.kill(sim.secondary);
        sim.runFor(Duration.ofSeconds(4));
        sim.adminSetState(sim.primary, FailoverState.PARTNER_DOWN);
        sim.runFor(Duration.ofSeconds(67));
        sim.start(sim.secondary);
        sim.runFor(Duration.ofSeconds(3));

        assertThat(sim.primary.states).isEqualTo(concat(COLD_START, "normal>startup", "startup>recover",
                "recover>recover-done", "recover-done>normal", "normal>communications-interrupted",
                "communications-interrupted>partner-down", "partner-down>normal"));
        assertThat(sim.secondary.states).isEqualTo(concat(COLD_START, "normal>communications-interrupted",
                "communications-interrupted>partner-down", "partner-down>normal", "normal>startup", "startup>recover",
                "recover>recover-done", "recover-done>normal"));
    }

    /**
     * takeover-run1: the secondary is SIGKILLed, the primary put in partner-down 4 s later, the
     * secondary restarted 2 s after that goes recover, recover-wait, and reaches normal only when MCLT
     * has passed since it last entered normal (52 s after the restart in the capture).
     */
    @Test
    void secondaryRestartedSoonAfterPartnerDownWaitsMcltInRecoverWait() {
        PairSimulation sim = PairSimulation.lab(16, Duration.ofSeconds(60), Duration.ofSeconds(60));
        sim.start(sim.primary);
        sim.start(sim.secondary);
        sim.runFor(Duration.ofSeconds(2));
        Instant normalSince = sim.lastEntered(sim.secondary, FailoverState.NORMAL);
        sim.runFor(Duration.ofSeconds(1));
        sim.kill(sim.secondary);
        sim.runFor(Duration.ofSeconds(4));
        sim.adminSetState(sim.primary, FailoverState.PARTNER_DOWN);
        sim.runFor(Duration.ofSeconds(2));
        sim.start(sim.secondary);
        sim.runFor(Duration.ofSeconds(3));
        assertThat(sim.secondary.machine.myState()).isEqualTo(FailoverState.RECOVER_WAIT);
        sim.runFor(Duration.ofSeconds(60));
        assertThat(sim.secondary.states).isEqualTo(concat(COLD_START, "normal>startup", "startup>recover",
                "recover>recover-wait", "recover-wait>recover-done", "recover-done>normal"));
        assertThat(Duration.between(normalSince, sim.lastEntered(sim.secondary, FailoverState.RECOVER_DONE)).toMillis())
                .isBetween(59_000L, 61_000L);
        assertThat(sim.primary.machine.myState()).isEqualTo(FailoverState.NORMAL);
    }

    /**
     * disconnect (iii): SIGSTOP the secondary for 75 s. The primary keeps sending CONTACT every
     * 20 s (max-response-delay / 3), gives up 60 s after the secondary's last message, and both are
     * back in normal after SIGCONT without any UPDREQ.
     */
    @Test
    void silentPartnerTimesOutAfterMaxResponseDelayAndBothReturnToNormal() {
        PairSimulation sim = PairSimulation.lab(222, Duration.ofSeconds(60), Duration.ofSeconds(60));
        sim.start(sim.primary);
        sim.start(sim.secondary);
        sim.runFor(Duration.ofMillis(300));
        assertThat(sim.secondary.machine.myState()).isEqualTo(FailoverState.NORMAL);
        Instant lastFromSecondary = sim.secondary.sentTimes.get(sim.secondary.sentTimes.size() - 1);
        Instant lastFromPrimary = sim.primary.sentTimes.get(sim.primary.sentTimes.size() - 1);
        sim.freeze(sim.secondary);
        sim.runFor(Duration.ofSeconds(75));
        // CONTACT at +20 s and +40 s after the primary's last message, nothing else
        List<Instant> contacts = new ArrayList<>();
        for (int i = 0; i < sim.primary.sent.size(); i++) {
            if (sim.primary.sent.get(i).equals("CONTACT")) {
                contacts.add(sim.primary.sentTimes.get(i));
            }
        }
        assertThat(contacts).startsWith(lastFromPrimary.plusSeconds(20), lastFromPrimary.plusSeconds(40));
        assertThat(sim.lastEntered(sim.primary, FailoverState.COMMUNICATIONS_INTERRUPTED))
                .isEqualTo(lastFromSecondary.plus(PairSimulation.LATENCY).plusSeconds(60));
        sim.thaw(sim.secondary);
        sim.runFor(Duration.ofSeconds(10));
        List<String> expected = concat(COLD_START, "normal>communications-interrupted",
                "communications-interrupted>normal");
        assertThat(sim.primary.states).isEqualTo(expected);
        assertThat(sim.secondary.states).isEqualTo(expected);
        assertThat(sim.primary.sent).doesNotContain("UPDREQ");
    }

    /**
     * disconnect (i): the secondary's relationship is named differently. It refuses every CONNECT
     * with reject-reason 8; the primary stays in startup and keeps reconnecting every 5 s.
     */
    @Test
    void relationshipNameMismatchIsRefusedWithReason8() {
        PairSimulation base = PairSimulation.lab(16, Duration.ofSeconds(60), Duration.ofSeconds(60));
        FailoverSettings other = FailoverSettings.secondary("other-name", base.secondary.settings.localAddress(),
                base.secondary.settings.peerAddress()).withMaxResponseDelay(Duration.ofSeconds(60), 10);
        PairSimulation sim = new PairSimulation(base.primary.settings, other, 16, Duration.ofSeconds(86400));
        sim.start(sim.primary);
        sim.start(sim.secondary);
        sim.runFor(Duration.ofSeconds(8));
        assertThat(sim.primary.machine.myState()).isEqualTo(FailoverState.STARTUP);
        List<io.ironlease.server.failover.wire.ConnectAck> refusals = sim.secondary.sentMessages.stream()
                .filter(m -> m instanceof io.ironlease.server.failover.wire.ConnectAck)
                .map(io.ironlease.server.failover.wire.ConnectAck.class::cast).toList();
        assertThat(refusals).hasSizeGreaterThanOrEqualTo(2);
        assertThat(refusals).allSatisfy(a -> {
            assertThat(a.rejectReason()).hasValue(8);
            assertThat(a.message()).contains("unknown failover relationship name");
            assertThat(a.relationshipName()).contains("failover-dhcp");
        });
    }

    /**
     * conflict: the link is cut, both servers are put in partner-down, the link comes back. The
     * primary resolves with UPDREQ, goes conflict-done; the secondary asks back and both reach normal,
     * with the same control messages as the capture.
     */
    @Test
    void bothInPartnerDownResolveThroughPotentialConflict() {
        PairSimulation sim = PairSimulation.lab(222, Duration.ofSeconds(60), Duration.ofSeconds(60));
        sim.start(sim.primary);
        sim.start(sim.secondary);
        sim.runFor(Duration.ofMillis(2300));
        assertThat(sim.client(sim.primary, PairSimulation.macServedBy(Role.PRIMARY, 700), 0)).isPresent();
        sim.runFor(Duration.ZERO); // the BNDUPD is on the wire; the secondary's BNDACK will be lost in the cut
        sim.networkUp = false;
        sim.runUntilState(sim.primary, FailoverState.COMMUNICATIONS_INTERRUPTED, Duration.ofSeconds(61));
        sim.adminSetState(sim.primary, FailoverState.PARTNER_DOWN);
        sim.adminSetState(sim.secondary, FailoverState.PARTNER_DOWN);
        sim.runFor(Duration.ofSeconds(2));
        int primaryMark = sim.primary.sent.size();
        int secondaryMark = sim.secondary.sent.size();
        sim.restoreNetwork();
        sim.runFor(Duration.ofSeconds(10));

        assertThat(sim.primary.states).isEqualTo(concat(COLD_START, "normal>communications-interrupted",
                "communications-interrupted>partner-down", "partner-down>potential-conflict",
                "potential-conflict>conflict-done", "conflict-done>normal"));
        assertThat(sim.secondary.states).isEqualTo(concat(COLD_START, "normal>partner-down",
                "partner-down>potential-conflict", "potential-conflict>normal"));
        assertSameFlow(sim.primary.sent.subList(primaryMark, sim.primary.sent.size()),
                CapturedControlFlow.sentBy("conflict.txt", "192.168.100.31", 60, 80), 4);
        assertSameFlow(sim.secondary.sent.subList(secondaryMark, sim.secondary.sent.size()),
                CapturedControlFlow.sentBy("conflict.txt", "192.168.100.32", 60, 80), 3);
    }
}
