package io.ironlease.server.failover;

import static org.assertj.core.api.Assertions.assertThat;

import io.ironlease.server.failover.wire.BindingAck;
import io.ironlease.server.failover.wire.Contact;
import io.ironlease.server.failover.wire.Disconnect;
import io.ironlease.server.failover.wire.FailoverMessage;
import io.ironlease.server.failover.wire.FailoverOptions;
import io.ironlease.server.failover.wire.PoolRequest;
import io.ironlease.server.failover.wire.PoolResponse;
import io.ironlease.server.failover.wire.StateChange;
import io.ironlease.server.failover.wire.UpdateDone;
import io.ironlease.server.failover.wire.UpdateRequest;
import io.ironlease.server.failover.wire.UpdateRequestAll;
import io.ironlease.shared.leases.FailoverState;
import io.ironlease.shared.net.HardwareAddress;
import io.ironlease.shared.net.Ipv4Address;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.OptionalLong;
import java.util.Random;
import java.util.Set;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;

/**
 * One machine under a random storm of events (peer messages of every type, valid and not, on several
 * connections; timers; admin moves; engine answers): it never throws, never writes on a connection it
 * does not have, and its status always follows from its states.
 */
class FailoverStateMachineProperties {

    @Property(tries = 300)
    void randomEventsKeepTheMachineConsistent(@ForAll long seed, @ForAll boolean primary,
            @ForAll @IntRange(min = 20, max = 200) int steps) {
        Random random = new Random(seed);
        MachineDriver d = primary ? MachineDriver.primary() : MachineDriver.secondary();
        Optional<PersistedFailoverState> persisted = random.nextBoolean() ? Optional.empty()
                : Optional.of(MachineDriver.persisted(pick(random, FailoverState.values()), d.now.minusSeconds(random.nextInt(500))));
        Set<LinkId> open = new HashSet<>();
        Map<TimerKind, Instant> timers = new HashMap<>();
        List<FailoverEvent> engineAnswers = new ArrayList<>();
        check(d, d.start(persisted).last, open, timers, engineAnswers, random);
        for (int i = 0; i < steps; i++) {
            d.advance(Duration.ofMillis(random.nextInt(3000)));
            FailoverEvent event = nextEvent(random, d, open, timers, engineAnswers);
            if (event instanceof FailoverEvent.ConnectionUp up) {
                open.add(up.link());
            } else if (event instanceof FailoverEvent.ConnectionLost lost) {
                open.remove(lost.link());
            } else if (event instanceof FailoverEvent.ProtocolError error) {
                open.remove(error.link());
            }
            check(d, d.on(event), open, timers, engineAnswers, random);
        }
    }

    private static FailoverEvent nextEvent(Random r, MachineDriver d, Set<LinkId> open, Map<TimerKind, Instant> timers,
            List<FailoverEvent> engineAnswers) {
        int choice = r.nextInt(100);
        LinkId link = new LinkId(1 + r.nextInt(3));
        if (choice < 10) {
            return new FailoverEvent.ConnectionUp(new LinkId(1 + r.nextInt(3)));
        } else if (choice < 15) {
            return new FailoverEvent.ConnectionLost(link);
        } else if (choice < 20 && !timers.isEmpty()) {
            TimerKind kind = pick(r, timers.keySet().toArray(new TimerKind[0]));
            d.now = timers.get(kind).isAfter(d.now) ? timers.get(kind) : d.now;
            return new FailoverEvent.TimerFired(kind);
        } else if (choice < 25 && !engineAnswers.isEmpty()) {
            return engineAnswers.remove(r.nextInt(engineAnswers.size()));
        } else if (choice < 28) {
            return new FailoverEvent.AdminSetState(pick(r, FailoverState.values()));
        } else if (choice < 33) {
            return new FailoverEvent.LeaseChanged(binding(r, d.now), r.nextBoolean());
        } else if (choice < 35) {
            return new FailoverEvent.ProtocolError(link, "fuzz");
        }
        return new FailoverEvent.MessageReceived(open.isEmpty() || r.nextInt(4) == 0 ? link
                : pick(r, open.toArray(new LinkId[0])), message(r, d));
    }

    private static FailoverMessage message(Random r, MachineDriver d) {
        long t = d.time() + r.nextInt(130) - 65;
        long xid = r.nextInt(20);
        switch (r.nextInt(12)) {
            case 0: return MachineDriver.connect(r.nextInt(5) == 0 ? "other" : "failover-dhcp", t, r.nextInt(5) > 0,
                    r.nextInt(5) > 0);
            case 1: return MachineDriver.connectAck(r.nextInt(5) == 0 ? "other" : "failover-dhcp", t);
            case 2: case 3: return new StateChange(t, xid, r.nextInt(15) == 0 ? 99 : pick(r, FailoverState.values()).code(),
                    r.nextInt(2), t - r.nextInt(1000));
            case 4: return binding(r, d.now).toMessage(t, xid);
            case 5: return BindingAck.accept(t, xid, Ipv4Address.parse("10.0.0.1").plus(r.nextInt(8)));
            case 6: return new UpdateRequest(t, xid);
            case 7: return new UpdateRequestAll(t, xid);
            case 8: return new UpdateDone(t, xid);
            case 9: return new PoolRequest(t, xid);
            case 10: return r.nextBoolean() ? new Contact(t, xid)
                    : new PoolResponse(t, xid, OptionalLong.of(r.nextInt(9)), FailoverOptions.NONE);
            default: return new Disconnect(t, xid, OptionalInt.of(r.nextInt(22)), Optional.empty(), FailoverOptions.NONE);
        }
    }

    private static LeaseBinding binding(Random r, Instant now) {
        BindingStatus status = pick(r, BindingStatus.values());
        return new LeaseBinding(Ipv4Address.parse("10.0.0.1").plus(r.nextInt(8)), status, Optional.empty(),
                status == BindingStatus.ABANDONED ? Optional.empty()
                        : Optional.of(HardwareAddress.ethernet(new byte[] {2, 0, 0, 0, 0, (byte) r.nextInt(4)})),
                now.plusSeconds(r.nextInt(200) - 100), now.plusSeconds(r.nextInt(200)), now, Optional.of(now), 0);
    }

    private static void check(MachineDriver d, List<FailoverAction> actions, Set<LinkId> open,
            Map<TimerKind, Instant> timers, List<FailoverEvent> engineAnswers, Random r) {
        for (FailoverAction a : actions) {
            if (a instanceof FailoverAction.Send send) {
                assertThat(open).as("sent %s on a connection that is not open", send.message().type())
                        .contains(send.link());
            } else if (a instanceof FailoverAction.CloseConnection close) {
                open.remove(close.link());
            } else if (a instanceof FailoverAction.StartTimer t && t.link().isEmpty()) {
                timers.put(t.kind(), t.at());
            } else if (a instanceof FailoverAction.CancelTimer t && t.link().isEmpty()) {
                timers.remove(t.kind());
            } else if (a instanceof FailoverAction.ProcessBindingUpdate p && r.nextBoolean()) {
                engineAnswers.add(r.nextBoolean() ? FailoverEvent.BindingUpdateProcessed.accepted(p.link(), p.update())
                        : FailoverEvent.BindingUpdateProcessed.rejected(p.link(), p.update(), 16, "less critical"));
            } else if (a instanceof FailoverAction.CollectUpdates c) {
                engineAnswers.add(new FailoverEvent.UpdatesCollected(c.scope(), c.answerXid(),
                        List.of(binding(r, d.now), binding(r, d.now))));
            } else if (a instanceof FailoverAction.BalancePool b) {
                engineAnswers.add(new FailoverEvent.PoolBalanced(b.poolRequestXid(), r.nextInt(3)));
            }
        }
        d.machine.establishedLink().ifPresent(l -> assertThat(open).contains(l));
        FailoverStatus status = d.machine.status();
        assertThat(status.service()).isEqualTo(ServiceState.of(d.machine.myState(), d.machine.partnerState()));
        if (status.service() == ServiceState.COOPERATING) {
            assertThat(d.machine.myState()).isEqualTo(FailoverState.NORMAL);
        }
        if (status.service() == ServiceState.PARTNER_DOWN) {
            assertThat(d.machine.myState()).isEqualTo(FailoverState.PARTNER_DOWN);
        }
        assertThat(d.machine.updateQueue().inFlightCount()).isLessThanOrEqualTo(10);
    }

    private static <T> T pick(Random r, T[] values) {
        return values[r.nextInt(values.length)];
    }
}
