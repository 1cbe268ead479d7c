package io.ironlease.server.failover;

import static io.ironlease.server.failover.MachineContext.LOG;

import io.ironlease.server.failover.wire.BindingAck;
import io.ironlease.server.failover.wire.BindingUpdate;
import io.ironlease.server.failover.wire.Connect;
import io.ironlease.server.failover.wire.ConnectAck;
import io.ironlease.server.failover.wire.Disconnect;
import io.ironlease.server.failover.wire.FailoverMessage;
import io.ironlease.server.failover.wire.PoolRequest;
import io.ironlease.server.failover.wire.PoolResponse;
import io.ironlease.server.failover.wire.RejectReason;
import io.ironlease.server.failover.wire.StateChange;
import io.ironlease.server.failover.wire.UpdateDone;
import io.ironlease.server.failover.wire.UpdateRequest;
import io.ironlease.server.failover.wire.UpdateRequestAll;
import io.ironlease.shared.leases.FailoverState;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * One failover relationship's protocol logic (draft-ietf-dhc-failover-12 §8-9 as ISC dhcpd 4.4.3
 * behaves on the wire): the handshake, my state and the partner's, the timers, and the flow of
 * binding updates. Pure and single-threaded: time comes in with every event, effects go out as
 * {@link FailoverAction}s, nothing touches a socket, a file or a clock. Drive it from the lease
 * engine's thread.
 */
public final class FailoverStateMachine {

    private final MachineContext c;
    private final UpdateFlow updates;
    private final Transitions transitions;
    private final Handshake handshake;

    public FailoverStateMachine(FailoverSettings settings) {
        this.c = new MachineContext(Objects.requireNonNull(settings, "settings"));
        this.updates = new UpdateFlow(c);
        this.transitions = new Transitions(c, updates);
        this.handshake = new Handshake(c, transitions);
    }

    /** Applies one event at {@code now} and returns the actions to carry out, in order. */
    public List<FailoverAction> on(FailoverEvent event, Instant now) {
        Objects.requireNonNull(event, "event");
        c.now = Objects.requireNonNull(now, "now");
        if (event instanceof FailoverEvent.Started started) {
            start(started);
        } else if (!c.started) {
            throw new IllegalStateException("failover peer " + c.name() + ": " + event + " before Started");
        } else if (event instanceof FailoverEvent.ConnectionUp up) {
            handshake.connectionUp(up.link());
        } else if (event instanceof FailoverEvent.ConnectAttemptFailed) {
            transitions.reconnectLater();
        } else if (event instanceof FailoverEvent.ConnectionLost lost) {
            connectionGone(lost.link(), "connection closed");
        } else if (event instanceof FailoverEvent.ProtocolError error) {
            LOG.warn("FAILOVER_PROTOCOL_ERROR peer={} link={} problem={}", c.name(), error.link(), error.problem());
            c.close(error.link(), "protocol error: " + error.problem());
            connectionGone(error.link(), "protocol error: " + error.problem());
        } else if (event instanceof FailoverEvent.MessageReceived received) {
            message(received.link(), received.message());
        } else if (event instanceof FailoverEvent.TimerFired fired) {
            timer(fired);
        } else if (event instanceof FailoverEvent.AdminSetState admin) {
            adminSetState(admin.state());
        } else if (event instanceof FailoverEvent.LeaseChanged changed) {
            updates.leaseChanged(changed.binding(), changed.immediate());
        } else if (event instanceof FailoverEvent.SendPendingUpdates) {
            updates.drain();
        } else if (event instanceof FailoverEvent.RequestPool) {
            updates.requestPool();
        } else if (event instanceof FailoverEvent.BindingUpdateProcessed processed) {
            updates.bindingUpdateProcessed(processed);
        } else if (event instanceof FailoverEvent.UpdatesCollected collected) {
            updates.updatesCollected(collected);
        } else if (event instanceof FailoverEvent.PoolBalanced balanced) {
            updates.poolBalanced(balanced);
        }
        return c.finish();
    }

    /** The relationship as the engine and OMAPI see it now. */
    public FailoverStatus status() {
        return c.status();
    }

    /** My state as it really is (STARTUP included); {@link #status()} reports the state STARTUP returns to. */
    public FailoverState myState() {
        return c.me;
    }

    public FailoverState partnerState() {
        return c.partner;
    }

    public Optional<LinkId> establishedLink() {
        return Optional.ofNullable(c.established);
    }

    /** Binding updates queued and unacknowledged, for OMAPI {@code cur-unacked-updates} and tests. */
    public UpdateQueue updateQueue() {
        return c.queue;
    }

    private void start(FailoverEvent.Started started) {
        if (c.started) {
            throw new IllegalStateException("failover peer " + c.name() + " already started");
        }
        c.started = true;
        Optional<PersistedFailoverState> persisted = started.persisted();
        FailoverState mine = persisted.map(PersistedFailoverState::myState).orElse(FailoverState.RECOVER);
        if (mine == FailoverState.STARTUP || mine == FailoverState.UNKNOWN) {
            mine = FailoverState.RECOVER; // a server that never got past startup knows nothing
        }
        c.me = mine;
        c.myStos = persisted.map(PersistedFailoverState::myStos).orElse(c.now);
        c.partner = persisted.map(PersistedFailoverState::partnerState).orElse(FailoverState.UNKNOWN);
        // ISC starts both times at the start (the failover-state object it shows before any contact)
        c.partnerStos = persisted.map(PersistedFailoverState::partnerStos).orElse(c.now);
        if (c.role == Role.SECONDARY && c.settings.mclt().isEmpty()) {
            c.mclt = persisted.flatMap(PersistedFailoverState::mclt);
        }
        transitions.setState(FailoverState.STARTUP, "server start");
        c.out.add(new FailoverAction.OpenConnection());
    }

    private void connectionGone(LinkId link, String reason) {
        boolean known = c.links.remove(link) != null;
        c.cancelTimer(TimerKind.LINK_STARTUP, Optional.of(link));
        if (link.equals(c.established)) {
            transitions.partnerLost(reason);
        } else if (known) {
            transitions.reconnectLater();
        }
    }

    private void message(LinkId link, FailoverMessage message) {
        if (!c.links.containsKey(link)) {
            return; // a connection we already closed
        }
        c.lastTimestampReceived = Instant.ofEpochSecond(message.time());
        if (message instanceof Connect connect) {
            handshake.connect(link, connect);
            return;
        }
        if (message instanceof ConnectAck ack) {
            handshake.connectAck(link, ack);
            return;
        }
        if (!link.equals(c.established)) {
            LOG.warn("FAILOVER_UNEXPECTED_MESSAGE peer={} link={} type={} before the handshake", c.name(), link,
                    message.type());
            return;
        }
        c.receivedOnEstablished = true;
        if (message instanceof StateChange state) {
            transitions.peerState(state);
        } else if (message instanceof BindingUpdate update) {
            updates.bindingUpdate(link, update);
        } else if (message instanceof BindingAck ack) {
            updates.bindingAck(ack);
        } else if (message instanceof UpdateRequestAll request) {
            updates.updateRequest(UpdateScope.ALL, request.xid());
        } else if (message instanceof UpdateRequest request) {
            updates.updateRequest(UpdateScope.UNACKED, request.xid());
        } else if (message instanceof UpdateDone) {
            transitions.updateDone();
        } else if (message instanceof PoolRequest request) {
            updates.poolRequest(request.xid());
        } else if (message instanceof PoolResponse response) {
            LOG.info("FAILOVER_POOLRESP peer={} leases={}", c.name(), response.addressesTransferred().orElse(0));
        } else if (message instanceof Disconnect disconnect) {
            LOG.warn("FAILOVER_DISCONNECT_RECEIVED peer={} reason={} message={}", c.name(),
                    disconnect.rejectReason().orElse(0), disconnect.message()
                            .orElse(RejectReason.describe(disconnect.rejectReason().orElse(0))));
            c.close(link, "partner sent DISCONNECT");
            connectionGone(link, "partner sent DISCONNECT");
        }
        // CONTACT only proves the partner is alive, which receivedOnEstablished records.
    }

    private void timer(FailoverEvent.TimerFired fired) {
        if (!c.takeDueTimer(fired.kind(), fired.link())) {
            return;
        }
        switch (fired.kind()) {
            case STARTUP -> {
                if (c.me == FailoverState.STARTUP) {
                    transitions.partnerLost("no state from the partner within "
                            + Transitions.STARTUP_WAIT.getSeconds() + " s of startup");
                }
            }
            case LINK_STARTUP -> fired.link().filter(l -> !l.equals(c.established)).ifPresent(l -> {
                c.close(l, "link startup timeout");
                connectionGone(l, "link startup timeout");
            });
            case CONTACT -> {
                if (c.established != null) {
                    c.sendNew(c.established, xid -> new io.ironlease.server.failover.wire.Contact(c.time(), xid));
                }
            }
            case RECEIVE_TIMEOUT -> {
                if (c.established != null) {
                    LOG.warn("FAILOVER_TIMEOUT peer={} silent for {} s", c.name(),
                            c.settings.maxResponseDelay().getSeconds());
                    transitions.partnerLost("timeout waiting for failover peer");
                }
            }
            case RECONNECT -> {
                if (c.established == null) {
                    c.out.add(new FailoverAction.OpenConnection());
                }
            }
            case AUTO_PARTNER_DOWN -> {
                if (c.me == FailoverState.COMMUNICATIONS_INTERRUPTED) {
                    transitions.setState(FailoverState.PARTNER_DOWN, "auto-partner-down after "
                            + c.settings.autoPartnerDown().getSeconds() + " s");
                }
            }
            case RECOVER_WAIT -> {
                if (c.me == FailoverState.RECOVER_WAIT) {
                    transitions.setState(FailoverState.RECOVER_DONE, "MCLT has passed since "
                            + c.myStos + " (" + c.mclt.orElse(Duration.ZERO).getSeconds() + " s)");
                }
            }
        }
    }

    private void adminSetState(FailoverState state) {
        if (state == FailoverState.UNKNOWN || state == FailoverState.STARTUP) {
            LOG.warn("FAILOVER_ADMIN_STATE_REFUSED peer={} state={}", c.name(), state);
            return;
        }
        transitions.setState(state, "set by administrator");
    }
}
