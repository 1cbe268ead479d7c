package io.ironlease.server.failover;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
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
}
