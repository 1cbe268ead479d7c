package io.ironlease.server.failover;

import static org.assertj.core.api.Assertions.assertThat;

import io.ironlease.server.failover.wire.BindingAck;
import io.ironlease.server.failover.wire.BindingUpdate;
import io.ironlease.server.failover.wire.FailoverCodec;
import io.ironlease.server.failover.wire.FailoverMessage;
import io.ironlease.server.failover.wire.PoolRequest;
import io.ironlease.server.failover.wire.PoolResponse;
import io.ironlease.server.failover.wire.UpdateDone;
import io.ironlease.server.failover.wire.UpdateRequestAll;
import io.ironlease.shared.leases.FailoverState;
import io.ironlease.shared.net.HardwareAddress;
import io.ironlease.shared.net.Ipv4Address;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;

/** Binding updates through the state machine: window, lazy updates, UPDREQ answers, acks, pools. */
class UpdateFlowTest {

    private static LeaseBinding active(int n, Instant now) {
        return LeaseOwnership.granted(Ipv4Address.parse("192.168.100.33").plus(n), Optional.empty(),
                HardwareAddress.ethernet(new byte[] {2, 0, 0, 0, 0, (byte) n}),
                LeaseOwnership.grantLeaseTime(Duration.ofSeconds(86400), Duration.ofSeconds(60), Instant.EPOCH,
                        Instant.EPOCH, now, true), now);
    }

    private static List<BindingUpdate> updates(List<FailoverMessage> sent) {
        return sent.stream().filter(m -> m instanceof BindingUpdate).map(BindingUpdate.class::cast).toList();
    }

    @Test
    void atMostMaxUnackedUpdatesAreInFlightAndEachAckReleasesOne() {
        MachineDriver d = MachineDriver.primary().normal();
        List<BindingUpdate> sent = new ArrayList<>();
        for (int i = 0; i < 15; i++) {
            d.on(new FailoverEvent.LeaseChanged(active(i, d.now), true));
            sent.addAll(updates(d.sent()));
        }
        assertThat(sent).hasSize(10);
        assertThat(sent).allSatisfy(u -> assertThat(u.xid()).isNotZero());
        assertThat(sent.get(0).leaseExpirationTime().getAsLong() - sent.get(0).time()).isEqualTo(60);
        assertThat(sent.get(0).potentialExpirationTime().getAsLong() - sent.get(0).time()).isEqualTo(86430);
        d.receive(BindingAck.accept(d.time(), sent.get(0).xid(), sent.get(0).assignedAddress().orElseThrow()));
        assertThat(d.actions(FailoverAction.UpdateAcknowledged.class)).singleElement()
                .satisfies(a -> assertThat(a.sent().address()).isEqualTo(sent.get(0).assignedAddress().orElseThrow()));
        assertThat(updates(d.sent())).singleElement()
                .satisfies(u -> assertThat(u.assignedAddress()).contains(Ipv4Address.parse("192.168.100.43")));
        assertThat(d.machine.updateQueue().inFlightCount()).isEqualTo(10);
        assertThat(d.machine.updateQueue().pendingCount()).isEqualTo(4);
    }

    @Test
    void lazyUpdatesWaitForAFlush() {
        MachineDriver d = MachineDriver.primary().normal();
        d.on(new FailoverEvent.LeaseChanged(active(1, d.now), false));
        assertThat(d.sent()).isEmpty();
        d.on(new FailoverEvent.SendPendingUpdates());
        assertThat(updates(d.sent())).hasSize(1);
    }

    @Test
    void updateRequestAllIsAnsweredWithEveryBindingThenUpdateDoneEchoingTheLatestRequest() {
        MachineDriver d = MachineDriver.secondary().normal();
        d.receive(new UpdateRequestAll(d.time(), 5));
        assertThat(d.last).contains(new FailoverAction.CollectUpdates(UpdateScope.ALL, OptionalLong.of(5)));
        d.receive(new UpdateRequestAll(d.time(), 6)); // ISC: "old update still flying", the newer one wins
        d.on(new FailoverEvent.UpdatesCollected(UpdateScope.ALL, OptionalLong.of(5), List.of(active(1, d.now))));
        d.on(new FailoverEvent.UpdatesCollected(UpdateScope.ALL, OptionalLong.of(6),
                List.of(active(1, d.now), active(2, d.now), active(3, d.now))));
        List<BindingUpdate> sent = new ArrayList<>();
        sent.addAll(updates(MachineDriver.sent(d.all)));
        assertThat(sent).hasSize(3);
        List<FailoverMessage> after = new ArrayList<>();
        for (BindingUpdate u : sent) {
            after.addAll(d.receive(BindingAck.accept(d.time(), u.xid(), u.assignedAddress().orElseThrow())).stream()
                    .filter(a -> a instanceof FailoverAction.Send).map(a -> ((FailoverAction.Send) a).message()).toList());
        }
        assertThat(after).singleElement().isInstanceOf(UpdateDone.class);
        assertThat(after.get(0).xid()).isEqualTo(6);
    }

    @Test
    void updateRequestWithNothingToSendIsAnsweredAtOnce() {
        MachineDriver d = MachineDriver.primary().normal();
        d.receive(new io.ironlease.server.failover.wire.UpdateRequest(d.time(), 9));
        d.on(new FailoverEvent.UpdatesCollected(UpdateScope.UNACKED, OptionalLong.of(9), List.of()));
        assertThat(d.sent()).singleElement().isEqualTo(new UpdateDone(d.time(), 9));
    }

    @Test
    void receivedUpdatesGoToTheEngineAndAreAckedWithTheirXid() {
        MachineDriver d = MachineDriver.secondary().normal();
        BindingUpdate in = active(4, d.now).toMessage(d.time(), 77);
        d.receive(in);
        assertThat(d.last).contains(new FailoverAction.ProcessBindingUpdate(MachineDriver.LINK, in, FailoverState.NORMAL,
                Optional.empty()));
        d.on(FailoverEvent.BindingUpdateProcessed.accepted(MachineDriver.LINK, in));
        BindingAck ack = (BindingAck) d.sent().get(0);
        assertThat(ack.xid()).isEqualTo(77);
        assertThat(FailoverCodec.encode(ack)).hasSize(20);
        d.on(FailoverEvent.BindingUpdateProcessed.rejected(MachineDriver.LINK, in, 16,
                "incoming update is less critical than outgoing update"));
        assertThat(FailoverCodec.encode(d.sent().get(0))).hasSize(82);
    }

    @Test
    void acceptingThePartnersUpdateSupersedesOursInFlight() {
        MachineDriver d = MachineDriver.secondary().normal();
        LeaseBinding mine = active(5, d.now);
        d.on(new FailoverEvent.LeaseChanged(mine, true));
        BindingUpdate ours = updates(d.sent()).get(0);
        BindingUpdate theirs = active(5, d.now).toMessage(d.time(), 40);
        d.receive(theirs);
        assertThat(d.actions(FailoverAction.ProcessBindingUpdate.class).get(0).ownUpdateInFlight()).contains(mine);
        d.on(FailoverEvent.BindingUpdateProcessed.accepted(MachineDriver.LINK, theirs));
        assertThat(d.machine.updateQueue().inFlightCount()).isZero();
        d.receive(BindingAck.reject(d.time(), ours.xid(), mine.address(), 16, "less critical"));
        assertThat(d.actions(FailoverAction.UpdateAcknowledged.class)).isEmpty();
    }

    @Test
    void poolRequestIsAnsweredWithTheNumberOfAddressesHandedOver() {
        MachineDriver d = MachineDriver.primary().normal();
        d.receive(new PoolRequest(d.time(), 12));
        assertThat(d.last).contains(new FailoverAction.BalancePool(OptionalLong.of(12)));
        d.on(new FailoverEvent.PoolBalanced(OptionalLong.of(12), 5));
        PoolResponse response = (PoolResponse) d.sent().get(0);
        assertThat(response.xid()).isEqualTo(12);
        assertThat(response.addressesTransferred()).hasValue(5);
        d.on(new FailoverEvent.RequestPool());
        assertThat(d.sent()).singleElement().isInstanceOf(PoolRequest.class);
    }

    @Test
    void enteringNormalRebalancesAndQueuesWhatThePartnerHasNotAcknowledged() {
        MachineDriver d = MachineDriver.primary().start(Optional.of(MachineDriver.persisted(FailoverState.NORMAL,
                MachineDriver.T0.minusSeconds(100)))).connect();
        d.peerState(FailoverState.NORMAL, false);
        assertThat(d.last).contains(new FailoverAction.BalancePool(OptionalLong.empty()),
                new FailoverAction.CollectUpdates(UpdateScope.UNACKED, OptionalLong.empty()));
    }

    @Test
    void updatesInFlightWhenTheLinkDropsAreSentAgainAfterReconnecting() {
        MachineDriver d = MachineDriver.primary().normal();
        for (int i = 0; i < 3; i++) {
            d.on(new FailoverEvent.LeaseChanged(active(i, d.now), true));
        }
        d.on(new FailoverEvent.ConnectionLost(MachineDriver.LINK));
        assertThat(d.machine.updateQueue().pendingCount()).isEqualTo(3);
        d.advance(Duration.ofSeconds(5)).connect();
        d.peerState(FailoverState.COMMUNICATIONS_INTERRUPTED, false);
        assertThat(d.machine.myState()).isEqualTo(FailoverState.NORMAL);
        assertThat(updates(d.sent())).hasSize(3);
    }
}
