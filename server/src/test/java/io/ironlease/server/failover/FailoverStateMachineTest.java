package io.ironlease.server.failover;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.ironlease.server.failover.wire.Connect;
import io.ironlease.server.failover.wire.ConnectAck;
import io.ironlease.server.failover.wire.Contact;
import io.ironlease.server.failover.wire.Disconnect;
import io.ironlease.server.failover.wire.FailoverMessage;
import io.ironlease.server.failover.wire.FailoverOptions;
import io.ironlease.server.failover.wire.StateChange;
import io.ironlease.server.failover.wire.UpdateDone;
import io.ironlease.server.failover.wire.UpdateRequest;
import io.ironlease.shared.leases.FailoverState;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The state machine transition by transition: startup, handshake, link loss, timers, admin moves. */
class FailoverStateMachineTest {

    @Test
    void freshStartGoesFromRecoverToStartupAndTriesToConnect() {
        MachineDriver d = MachineDriver.primary();
        List<FailoverAction> actions = d.start().last;
        assertThat(actions).contains(new FailoverAction.StateChanged(FailoverState.RECOVER, FailoverState.STARTUP,
                        "server start"),
                // as dhcpd writes it: "partner state unknown-state at" the start time (reference/failover/seed)
                new FailoverAction.PersistState(new PersistedFailoverState(FailoverState.RECOVER, MachineDriver.T0,
                        FailoverState.UNKNOWN, MachineDriver.T0, Optional.of(Duration.ofSeconds(60)))),
                new FailoverAction.StartTimer(TimerKind.STARTUP, Optional.empty(), MachineDriver.T0.plusSeconds(15)),
                new FailoverAction.OpenConnection());
        assertThat(d.machine.status().service()).isEqualTo(ServiceState.STARTUP);
        assertThat(d.machine.status().myState()).isEqualTo(FailoverState.RECOVER);
        assertThatThrownBy(() -> d.start()).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void eventsBeforeStartedAreRefused() {
        MachineDriver d = MachineDriver.secondary();
        assertThatThrownBy(() -> d.on(new FailoverEvent.ConnectionUp(MachineDriver.LINK)))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("before Started");
    }

    @ParameterizedTest(name = "persisted {0}, no partner within 15 s: {1}")
    @CsvSource({"NORMAL,COMMUNICATIONS_INTERRUPTED", "RECOVER,RECOVER", "PARTNER_DOWN,PARTNER_DOWN",
        "POTENTIAL_CONFLICT,RESOLUTION_INTERRUPTED", "COMMUNICATIONS_INTERRUPTED,COMMUNICATIONS_INTERRUPTED",
        "RECOVER_WAIT,RECOVER_DONE", "SHUTDOWN,SHUTDOWN", "CONFLICT_DONE,CONFLICT_DONE"})
    void startupGivesUpAfterFifteenSeconds(FailoverState persisted, FailoverState expected) {
        MachineDriver d = MachineDriver.primary().start(Optional.of(MachineDriver.persisted(persisted,
                MachineDriver.T0.minusSeconds(3600))));
        d.advance(Duration.ofSeconds(14)).fire(TimerKind.STARTUP);
        assertThat(d.machine.myState()).isEqualTo(FailoverState.STARTUP); // not due yet: ignored
        d.advance(Duration.ofSeconds(1)).fire(TimerKind.STARTUP);
        assertThat(d.machine.myState()).isEqualTo(expected);
    }

    @Test
    void primaryHandshakeSendsConnectThenStateAndArmsKeepaliveAndTimeout() {
        MachineDriver d = MachineDriver.primary().start();
        d.on(new FailoverEvent.ConnectionUp(MachineDriver.LINK));
        Connect connect = (Connect) d.sent().get(0);
        assertThat(connect.xid()).isZero();
        assertThat(connect.relationshipName()).contains("failover-dhcp");
        assertThat(connect.mclt()).hasValue(60);
        assertThat(connect.maxUnacked()).hasValue(10);
        assertThat(connect.receiveTimer()).hasValue(60);
        assertThat(connect.hashBucketAssignment()).contains(HashBucketAssignment.split(128).bytes());
        d.receive(MachineDriver.connectAck("failover-dhcp", d.time()));
        StateChange state = (StateChange) d.sent().get(0);
        assertThat(state.xid()).isEqualTo(1);
        assertThat(state.serverState()).hasValue(FailoverState.RECOVER.code());
        assertThat(state.startupFlag()).isTrue();
        assertThat(d.timer(TimerKind.CONTACT)).contains(d.now.plusSeconds(20));
        assertThat(d.timer(TimerKind.RECEIVE_TIMEOUT)).contains(d.now.plusSeconds(60));
        assertThat(d.timer(TimerKind.LINK_STARTUP)).isEmpty();
        assertThat(d.machine.establishedLink()).contains(MachineDriver.LINK);
    }

    @Test
    void secondaryAnswersConnectWithSameXidAndLearnsMcltAndHba() {
        MachineDriver d = MachineDriver.secondary().start();
        assertThat(d.machine.status().hba()).isEmpty();
        d.on(new FailoverEvent.ConnectionUp(MachineDriver.LINK));
        assertThat(d.sent()).isEmpty();
        d.receive(MachineDriver.connect("failover-dhcp", d.time(), true, true));
        List<FailoverMessage> out = d.sent();
        ConnectAck ack = (ConnectAck) out.get(0);
        assertThat(ack.xid()).isZero();
        assertThat(ack.rejected()).isFalse();
        assertThat(ack.tlsReply()).hasValue(0);
        assertThat(out.get(1)).isInstanceOf(StateChange.class);
        assertThat(out.get(1).xid()).isZero();
        assertThat(d.machine.status().mclt()).contains(Duration.ofSeconds(60));
        assertThat(d.machine.status().hba()).contains(HashBucketAssignment.split(128));
    }

    @ParameterizedTest(name = "{0}: reject-reason {1}")
    @CsvSource({
        "name, 8, unknown failover relationship name",
        "hba, 18, invalid HBA",
        "skew, 4, time offset too large",
        "mclt, 5, no MCLT provided",
        "duplicate, 7, already connected"})
    void secondaryRefusesBadConnects(String problem, int reason, String message) {
        MachineDriver d = MachineDriver.secondary().start();
        if (problem.equals("duplicate")) {
            d.connect();
        }
        LinkId second = new LinkId(2);
        d.on(new FailoverEvent.ConnectionUp(second));
        Connect bad = MachineDriver.connect(problem.equals("name") ? "other-name" : "failover-dhcp",
                problem.equals("skew") ? d.time() - 61 : d.time(), !problem.equals("hba"), !problem.equals("mclt"));
        List<FailoverAction> out = d.on(new FailoverEvent.MessageReceived(second, bad));
        ConnectAck ack = (ConnectAck) MachineDriver.sent(out).get(0);
        assertThat(ack.rejectReason()).hasValue(reason);
        assertThat(ack.message()).contains(message);
        assertThat(ack.maxUnacked()).isEmpty();
        assertThat(out).contains(new FailoverAction.CloseConnection(second, "CONNECT rejected: " + message));
        assertThat(d.machine.establishedLink()).isEqualTo(problem.equals("duplicate")
                ? Optional.of(MachineDriver.LINK) : Optional.empty());
    }

    @Test
    void twoPrimariesRefuseEachOthersConnect() {
        MachineDriver d = MachineDriver.primary().start();
        d.on(new FailoverEvent.ConnectionUp(MachineDriver.LINK));
        d.receive(MachineDriver.connect("failover-dhcp", d.time(), true, true));
        ConnectAck ack = (ConnectAck) d.sent().get(0);
        assertThat(ack.rejectReason()).hasValue(8);
        assertThat(ack.message()).contains("both servers are configured as primary");
    }

    @Test
    void primaryAnswersABadConnectAckWithDisconnectAndARefusalByClosing() {
        MachineDriver d = MachineDriver.primary().start();
        d.on(new FailoverEvent.ConnectionUp(MachineDriver.LINK));
        d.receive(MachineDriver.connectAck("other-name", d.time()));
        Disconnect disconnect = (Disconnect) d.sent().get(0);
        assertThat(disconnect.rejectReason()).hasValue(8);
        assertThat(disconnect.message().orElseThrow()).contains("other-name does not match");
        assertThat(d.actions(FailoverAction.CloseConnection.class)).hasSize(1);

        LinkId second = new LinkId(2);
        d.on(new FailoverEvent.ConnectionUp(second));
        ConnectAck refusal = new ConnectAck(d.time(), 0, Optional.of("failover-dhcp"), OptionalLong.empty(),
                OptionalLong.empty(), Optional.empty(), OptionalInt.of(1), OptionalInt.of(0), OptionalInt.of(8),
                Optional.of("unknown failover relationship name"), FailoverOptions.NONE);
        List<FailoverAction> out = d.on(new FailoverEvent.MessageReceived(second, refusal));
        assertThat(MachineDriver.sent(out)).isEmpty();
        assertThat(out).anyMatch(a -> a instanceof FailoverAction.CloseConnection c && c.link().equals(second));
        assertThat(d.timer(TimerKind.RECONNECT)).contains(d.now.plusSeconds(5));
        assertThat(d.machine.myState()).isEqualTo(FailoverState.STARTUP);
    }

    @ParameterizedTest(name = "connection lost in {0}: {1}")
    @CsvSource({"NORMAL,COMMUNICATIONS_INTERRUPTED", "POTENTIAL_CONFLICT,RESOLUTION_INTERRUPTED",
        "PARTNER_DOWN,PARTNER_DOWN", "RECOVER,RECOVER", "RECOVER_DONE,RECOVER_DONE", "RECOVER_WAIT,RECOVER_WAIT",
        "COMMUNICATIONS_INTERRUPTED,COMMUNICATIONS_INTERRUPTED", "CONFLICT_DONE,CONFLICT_DONE",
        "RESOLUTION_INTERRUPTED,RESOLUTION_INTERRUPTED", "SHUTDOWN,SHUTDOWN", "PAUSED,PAUSED"})
    void losingTheConnection(FailoverState before, FailoverState after) {
        MachineDriver d = MachineDriver.primary().start().connect();
        d.on(new FailoverEvent.AdminSetState(before));
        assertThat(d.machine.myState()).isEqualTo(before);
        d.on(new FailoverEvent.ConnectionLost(MachineDriver.LINK));
        assertThat(d.machine.myState()).isEqualTo(after);
        assertThat(d.machine.establishedLink()).isEmpty();
        assertThat(d.timer(TimerKind.RECONNECT)).contains(d.now.plusSeconds(5));
        assertThat(d.timer(TimerKind.CONTACT)).isEmpty();
        assertThat(d.timer(TimerKind.RECEIVE_TIMEOUT)).isEmpty();
        d.advance(Duration.ofSeconds(5)).fire(TimerKind.RECONNECT);
        assertThat(d.last).contains(new FailoverAction.OpenConnection());
    }

    @Test
    void startupLinkLossReturnsToTheSavedState() {
        MachineDriver d = MachineDriver.secondary().start(Optional.of(MachineDriver.persisted(FailoverState.NORMAL,
                MachineDriver.T0.minusSeconds(10))));
        d.connect();
        assertThat(d.machine.myState()).isEqualTo(FailoverState.STARTUP);
        d.on(new FailoverEvent.ConnectionLost(MachineDriver.LINK));
        assertThat(d.machine.myState()).isEqualTo(FailoverState.COMMUNICATIONS_INTERRUPTED);
    }

    @Test
    void silentPartnerTimesOutAfterMaxResponseDelayButEveryMessageRestartsTheClock() {
        MachineDriver d = MachineDriver.primary().normal();
        d.advance(Duration.ofSeconds(50)).receive(new Contact(d.time(), 9));
        d.advance(Duration.ofSeconds(10)).fire(TimerKind.RECEIVE_TIMEOUT);
        assertThat(d.machine.myState()).isNotEqualTo(FailoverState.COMMUNICATIONS_INTERRUPTED);
        d.advance(Duration.ofSeconds(50)).fire(TimerKind.RECEIVE_TIMEOUT);
        assertThat(d.last).contains(new FailoverAction.CloseConnection(MachineDriver.LINK,
                "timeout waiting for failover peer"));
        assertThat(d.last).contains(new FailoverAction.StateChanged(FailoverState.NORMAL,
                FailoverState.COMMUNICATIONS_INTERRUPTED, "timeout waiting for failover peer"));
        d.on(new FailoverEvent.ConnectionLost(MachineDriver.LINK)); // the FIN of our own close: ignored
        assertThat(d.last).noneMatch(a -> a instanceof FailoverAction.StateChanged);
    }

    @Test
    void contactGoesOutWhenNothingElseWasSentForAThirdOfThePartnersReceiveTimer() {
        MachineDriver d = MachineDriver.primary().normal();
        java.time.Instant due = d.timer(TimerKind.CONTACT).orElseThrow();
        d.now = due;
        d.fire(TimerKind.CONTACT);
        assertThat(d.sent()).singleElement().isInstanceOf(Contact.class);
        assertThat(d.timer(TimerKind.CONTACT)).contains(due.plusSeconds(20));
    }

    @Test
    void autoPartnerDownFollowsCommunicationsInterruptedAfterItsDelayUnlessTheStateChanges() {
        FailoverSettings s = MachineDriver.primary().settings.withAutoPartnerDown(Duration.ofSeconds(30));
        MachineDriver d = new MachineDriver(s).normal();
        d.on(new FailoverEvent.ConnectionLost(MachineDriver.LINK));
        assertThat(d.timer(TimerKind.AUTO_PARTNER_DOWN)).contains(d.now.plusSeconds(30));
        d.advance(Duration.ofSeconds(30)).fire(TimerKind.AUTO_PARTNER_DOWN);
        assertThat(d.machine.myState()).isEqualTo(FailoverState.PARTNER_DOWN);
        assertThat(d.machine.status().service()).isEqualTo(ServiceState.PARTNER_DOWN);

        MachineDriver e = new MachineDriver(s).normal();
        e.on(new FailoverEvent.ConnectionLost(MachineDriver.LINK));
        e.advance(Duration.ofSeconds(10)).on(new FailoverEvent.AdminSetState(FailoverState.PARTNER_DOWN));
        assertThat(e.timer(TimerKind.AUTO_PARTNER_DOWN)).isEmpty();
    }

    @Test
    void recoverWaitsMcltWhenThePartnerIsNotRecoveringToo() {
        MachineDriver d = MachineDriver.secondary().start(Optional.of(MachineDriver.persisted(FailoverState.NORMAL,
                MachineDriver.T0.minusSeconds(10))));
        d.connect();
        d.peerState(FailoverState.PARTNER_DOWN, false);
        assertThat(d.machine.myState()).isEqualTo(FailoverState.RECOVER);
        assertThat(d.sent()).anyMatch(m -> m instanceof io.ironlease.server.failover.wire.UpdateRequestAll);
        d.advance(Duration.ofSeconds(2)).receive(new UpdateDone(d.time(), 3));
        assertThat(d.machine.myState()).isEqualTo(FailoverState.RECOVER_WAIT);
        assertThat(d.timer(TimerKind.RECOVER_WAIT)).contains(MachineDriver.T0.plusSeconds(50));
        d.now = MachineDriver.T0.plusSeconds(50);
        d.fire(TimerKind.RECOVER_WAIT);
        assertThat(d.machine.myState()).isEqualTo(FailoverState.RECOVER_DONE);
        assertThat(d.sent()).anyMatch(m -> m instanceof StateChange s2
                && s2.serverState().getAsInt() == FailoverState.RECOVER_DONE.code());
        d.peerState(FailoverState.NORMAL, false);
        assertThat(d.machine.myState()).isEqualTo(FailoverState.NORMAL);
    }

    @Test
    void primaryResolvesPotentialConflictWithUpdateRequestThenConflictDone() {
        MachineDriver d = MachineDriver.primary().start(Optional.of(MachineDriver.persisted(FailoverState.PARTNER_DOWN,
                MachineDriver.T0.minusSeconds(5)))).connect();
        d.peerState(FailoverState.PARTNER_DOWN, false);
        assertThat(d.machine.myState()).isEqualTo(FailoverState.POTENTIAL_CONFLICT);
        assertThat(d.sent()).anyMatch(m -> m instanceof UpdateRequest);
        assertThat(d.machine.status().service()).isEqualTo(ServiceState.NOT_RESPONDING);
        d.peerState(FailoverState.POTENTIAL_CONFLICT, false);
        d.receive(new UpdateDone(d.time(), 3));
        assertThat(d.machine.myState()).isEqualTo(FailoverState.CONFLICT_DONE);
        d.peerState(FailoverState.NORMAL, false);
        assertThat(d.machine.myState()).isEqualTo(FailoverState.NORMAL);
    }

    @Test
    void secondaryInPotentialConflictAsksBackWhenThePrimaryIsDoneAndEndsNormal() {
        MachineDriver d = MachineDriver.secondary().start(Optional.of(MachineDriver.persisted(FailoverState.PARTNER_DOWN,
                MachineDriver.T0.minusSeconds(5)))).connect();
        d.peerState(FailoverState.PARTNER_DOWN, false);
        assertThat(d.machine.myState()).isEqualTo(FailoverState.POTENTIAL_CONFLICT);
        assertThat(d.sent()).noneMatch(m -> m instanceof UpdateRequest);
        d.peerState(FailoverState.POTENTIAL_CONFLICT, false);
        d.peerState(FailoverState.CONFLICT_DONE, false);
        assertThat(d.sent()).singleElement().isInstanceOf(UpdateRequest.class);
        d.receive(new UpdateDone(d.time(), 2));
        assertThat(d.machine.myState()).isEqualTo(FailoverState.NORMAL);
    }

    @Test
    void administrativeShutdownTellsThePartnerWhichTakesOverAtOnce() {
        MachineDriver p = MachineDriver.primary().normal();
        p.on(new FailoverEvent.AdminSetState(FailoverState.SHUTDOWN));
        assertThat(p.sent()).anyMatch(m -> m instanceof StateChange st && st.serverState().getAsInt() == 8);
        assertThat(p.machine.status().service()).isEqualTo(ServiceState.NOT_RESPONDING);
        MachineDriver s = MachineDriver.secondary().start(Optional.of(MachineDriver.persisted(FailoverState.NORMAL,
                MachineDriver.T0.minusSeconds(100)))).connect();
        s.peerState(FailoverState.NORMAL, false);
        s.peerState(FailoverState.SHUTDOWN, false);
        assertThat(s.machine.myState()).isEqualTo(FailoverState.PARTNER_DOWN);
        p.on(new FailoverEvent.AdminSetState(FailoverState.STARTUP));
        assertThat(p.last).noneMatch(a -> a instanceof FailoverAction.StateChanged);
    }

    @Test
    void disconnectMessageClosesTheLinkAndMessagesOutsideTheHandshakeAreIgnored() {
        MachineDriver d = MachineDriver.primary().start(Optional.of(MachineDriver.persisted(FailoverState.NORMAL,
                MachineDriver.T0.minusSeconds(100))));
        d.on(new FailoverEvent.ConnectionUp(MachineDriver.LINK));
        d.peerState(FailoverState.NORMAL, false); // before CONNECTACK: ignored
        assertThat(d.machine.myState()).isEqualTo(FailoverState.STARTUP);
        d.receive(MachineDriver.connectAck("failover-dhcp", d.time()));
        d.peerState(FailoverState.NORMAL, false);
        assertThat(d.machine.myState()).isEqualTo(FailoverState.NORMAL);
        d.receive(new Disconnect(d.time(), 5, OptionalInt.of(6), Optional.empty(), FailoverOptions.NONE));
        assertThat(d.machine.myState()).isEqualTo(FailoverState.COMMUNICATIONS_INTERRUPTED);
        d.receive(new Contact(d.time(), 6)); // on the closed link: ignored
        assertThat(d.last).isEmpty();
    }

    @Test
    void persistedStateInStartupIsTheStateItWillReturnTo() {
        MachineDriver d = MachineDriver.primary().start(Optional.of(MachineDriver.persisted(FailoverState.PARTNER_DOWN,
                MachineDriver.T0.minusSeconds(500))));
        assertThat(d.actions(FailoverAction.PersistState.class)).singleElement()
                .satisfies(p -> assertThat(p.state().myState()).isEqualTo(FailoverState.PARTNER_DOWN))
                .satisfies(p -> assertThat(p.state().myStos()).isEqualTo(MachineDriver.T0.minusSeconds(500)));
        d.connect();
        StateChange sent = (StateChange) d.sent().get(0);
        assertThat(sent.serverState()).hasValue(FailoverState.PARTNER_DOWN.code());
        assertThat(sent.startupFlag()).isTrue();
        assertThat(sent.startTimeOfState()).hasValue(MachineDriver.T0.minusSeconds(500).getEpochSecond());
    }

    @Test
    void protocolErrorsDropOnlyThatConnection() {
        MachineDriver d = MachineDriver.secondary().start().connect();
        d.peerState(FailoverState.RECOVER, false);
        d.on(new FailoverEvent.ProtocolError(MachineDriver.LINK, "option overruns the message"));
        assertThat(d.last).anyMatch(a -> a instanceof FailoverAction.CloseConnection);
        assertThat(d.machine.establishedLink()).isEmpty();
    }
}
