package io.ironlease.server.failover;

import io.ironlease.server.failover.wire.Connect;
import io.ironlease.server.failover.wire.ConnectAck;
import io.ironlease.server.failover.wire.FailoverMessage;
import io.ironlease.server.failover.wire.FailoverOptions;
import io.ironlease.server.failover.wire.StateChange;
import io.ironlease.shared.leases.FailoverState;
import io.ironlease.shared.net.Ipv4Address;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.OptionalLong;

/** Drives one state machine by hand, playing the partner, and keeps the actions it produced. */
final class MachineDriver {

    static final Instant T0 = Instant.parse("2026-11-24T23:43:32Z");
    static final LinkId LINK = new LinkId(1);
    static final Ipv4Address P = Ipv4Address.parse("192.168.100.31");
    static final Ipv4Address S = Ipv4Address.parse("192.168.100.32");

    final FailoverStateMachine machine;
    final FailoverSettings settings;
    Instant now = T0;
    List<FailoverAction> last = List.of();
    final List<FailoverAction> all = new ArrayList<>();

    MachineDriver(FailoverSettings settings) {
        this.settings = settings;
        this.machine = new FailoverStateMachine(settings);
    }

    static MachineDriver primary() {
        return new MachineDriver(FailoverSettings.primary("failover-dhcp", P, S, Duration.ofSeconds(60),
                HashBucketAssignment.split(128)).withMaxResponseDelay(Duration.ofSeconds(60), 10));
    }

    static MachineDriver secondary() {
        return new MachineDriver(FailoverSettings.secondary("failover-dhcp", S, P)
                .withMaxResponseDelay(Duration.ofSeconds(60), 10));
    }

    List<FailoverAction> on(FailoverEvent event) {
        last = machine.on(event, now);
        all.addAll(last);
        return last;
    }

    MachineDriver advance(Duration d) {
        now = now.plus(d);
        return this;
    }

    MachineDriver start(Optional<PersistedFailoverState> persisted) {
        on(new FailoverEvent.Started(persisted));
        return this;
    }

    MachineDriver start() {
        return start(Optional.empty());
    }

    static PersistedFailoverState persisted(FailoverState state, Instant stos) {
        return new PersistedFailoverState(state, stos, FailoverState.NORMAL, stos, Optional.of(Duration.ofSeconds(60)));
    }

    long time() {
        return now.getEpochSecond();
    }

    /** Opens LINK and completes the handshake from this side's role. */
    MachineDriver connect() {
        on(new FailoverEvent.ConnectionUp(LINK));
        if (settings.role() == Role.PRIMARY) {
            receive(connectAck("failover-dhcp", time()));
        } else {
            receive(connect("failover-dhcp", time(), true, true));
        }
        return this;
    }

    /** Restarted from a NORMAL lease file, connected, and the partner says NORMAL too. */
    MachineDriver normal() {
        start(Optional.of(persisted(FailoverState.NORMAL, now.minusSeconds(3600))));
        connect();
        peerState(FailoverState.NORMAL, false);
        if (machine.myState() != FailoverState.NORMAL) {
            throw new AssertionError("not normal: " + machine.myState());
        }
        return this;
    }

    List<FailoverAction> receive(FailoverMessage message) {
        return on(new FailoverEvent.MessageReceived(LINK, message));
    }

    List<FailoverAction> peerState(FailoverState state, boolean startup) {
        return receive(new StateChange(time(), 0, state.code(), startup ? 1 : 0, time()));
    }

    List<FailoverAction> fire(TimerKind kind) {
        return on(new FailoverEvent.TimerFired(kind));
    }

    static Connect connect(String name, long time, boolean withHba, boolean withMclt) {
        return new Connect(time, 0, Optional.of(name), OptionalLong.of(10), OptionalLong.of(60),
                Optional.of("isc-4.4.3-P1"), OptionalInt.of(1), OptionalInt.of(0),
                withMclt ? OptionalLong.of(60) : OptionalLong.empty(),
                withHba ? Optional.of(HashBucketAssignment.split(128).bytes()) : Optional.empty(), FailoverOptions.NONE);
    }

    static ConnectAck connectAck(String name, long time) {
        return new ConnectAck(time, 0, Optional.of(name), OptionalLong.of(10), OptionalLong.of(60),
                Optional.of("isc-4.4.3-P1"), OptionalInt.of(1), OptionalInt.of(0), OptionalInt.empty(), Optional.empty(),
                FailoverOptions.NONE);
    }

    /** Messages sent in the last step, in order. */
    List<FailoverMessage> sent() {
        return sent(last);
    }

    static List<FailoverMessage> sent(List<FailoverAction> actions) {
        return actions.stream().filter(a -> a instanceof FailoverAction.Send).map(a -> ((FailoverAction.Send) a).message())
                .toList();
    }

    <T extends FailoverAction> List<T> actions(Class<T> type) {
        return last.stream().filter(type::isInstance).map(type::cast).toList();
    }

    Optional<Instant> timer(TimerKind kind) {
        Optional<Instant> at = Optional.empty();
        for (FailoverAction a : all) {
            if (a instanceof FailoverAction.StartTimer t && t.kind() == kind) {
                at = Optional.of(t.at());
            } else if (a instanceof FailoverAction.CancelTimer t && t.kind() == kind) {
                at = Optional.empty();
            }
        }
        return at;
    }
}
