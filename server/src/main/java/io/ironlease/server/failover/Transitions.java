package io.ironlease.server.failover;

import static io.ironlease.server.failover.MachineContext.LOG;
import static io.ironlease.shared.leases.FailoverState.COMMUNICATIONS_INTERRUPTED;
import static io.ironlease.shared.leases.FailoverState.CONFLICT_DONE;
import static io.ironlease.shared.leases.FailoverState.NORMAL;
import static io.ironlease.shared.leases.FailoverState.PARTNER_DOWN;
import static io.ironlease.shared.leases.FailoverState.POTENTIAL_CONFLICT;
import static io.ironlease.shared.leases.FailoverState.RECOVER;
import static io.ironlease.shared.leases.FailoverState.RECOVER_DONE;
import static io.ironlease.shared.leases.FailoverState.RECOVER_WAIT;
import static io.ironlease.shared.leases.FailoverState.RESOLUTION_INTERRUPTED;
import static io.ironlease.shared.leases.FailoverState.SHUTDOWN;
import static io.ironlease.shared.leases.FailoverState.STARTUP;

import io.ironlease.server.failover.wire.StateChange;
import io.ironlease.shared.leases.FailoverState;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * My state transitions (draft §9, ISC dhcp_failover_set_state, _state_transition and
 * _peer_state_changed): entering a state, losing the partner, the partner's STATE and UPDDONE.
 */
final class Transitions {

    /** How long STARTUP waits for the partner's state before deciding alone (ISC: 15 s). */
    static final Duration STARTUP_WAIT = Duration.ofSeconds(15);

    private final MachineContext c;
    private final UpdateFlow updates;

    Transitions(MachineContext context, UpdateFlow updates) {
        this.c = context;
        this.updates = updates;
    }

    void setState(FailoverState next, String reason) {
        FailoverState prev = c.me;
        if (prev == NORMAL || prev == POTENTIAL_CONFLICT || prev == PARTNER_DOWN) {
            c.queue.requeueInFlight(); // ISC retransmits unacked updates after any move out of these states
        }
        if ((next != RECOVER_WAIT && next != STARTUP && prev != STARTUP) || next == PARTNER_DOWN) {
            // stos survives STARTUP (it dates the last operation, §9.6) and the move into RECOVER-WAIT;
            // but PARTNER-DOWN always starts its MCLT clock now (§9.4.2), even when set during STARTUP,
            // where ISC would keep the old stos and hand out the partner's addresses at once.
            c.myStos = c.now;
        }
        if (next == RECOVER && prev == SHUTDOWN && c.partner == PARTNER_DOWN && c.queue.isEmpty()) {
            c.myStos = c.now.minus(c.mclt.orElse(Duration.ZERO)); // an orderly shutdown need not wait MCLT
        }
        c.me = next;
        if (next == STARTUP && prev != STARTUP) {
            c.saved = prev;
        }
        LOG.info("FAILOVER_STATE_CHANGE peer={} from={} to={} reason={}", c.name(), prev, next, reason);
        c.out.add(new FailoverAction.StateChanged(prev, next, reason));
        c.persist();
        c.statusMaybeChanged();
        if (prev == STARTUP && next != STARTUP) {
            c.cancelTimer(TimerKind.STARTUP);
        }
        c.cancelTimer(TimerKind.AUTO_PARTNER_DOWN);
        if (next != RECOVER_WAIT) {
            c.cancelTimer(TimerKind.RECOVER_WAIT);
        }
        if (c.established != null) {
            sendState();
        }
        switch (next) {
            case COMMUNICATIONS_INTERRUPTED -> {
                if (!c.settings.autoPartnerDown().isZero()) {
                    c.startTimer(TimerKind.AUTO_PARTNER_DOWN, c.now.plus(c.settings.autoPartnerDown()));
                }
            }
            case NORMAL -> updates.enterNormal();
            case POTENTIAL_CONFLICT -> {
                if (c.role == Role.PRIMARY) {
                    updates.sendUpdateRequest(false);
                }
            }
            case STARTUP -> c.startTimer(TimerKind.STARTUP, c.now.plus(STARTUP_WAIT));
            case RECOVER_WAIT -> {
                Instant end = c.myStos.plus(c.mclt.orElse(Duration.ZERO));
                if (end.isAfter(c.now)) {
                    c.startTimer(TimerKind.RECOVER_WAIT, end);
                } else {
                    setState(RECOVER_DONE, "MCLT has passed since " + c.myStos);
                }
            }
            case RECOVER -> {
                if (c.established != null) {
                    updates.sendUpdateRequest(true);
                }
            }
            default -> {
            }
        }
    }

    void sendState() {
        int flags = c.me == STARTUP ? StateChange.FLAG_STARTUP : 0;
        long stos = LeaseBinding.seconds(c.myStos);
        c.sendNew(c.established, xid -> new StateChange(c.time(), xid, c.effectiveState().code(), flags, stos));
    }

    /** The established connection is gone (closed, reset, timed out) or STARTUP gave up waiting. */
    void partnerLost(String reason) {
        if (c.established != null) {
            LOG.info("FAILOVER_DISCONNECTED peer={} reason={}", c.name(), reason);
            c.close(c.established, reason);
            c.established = null;
            c.queue.requeueInFlight();
            c.queue.clearUpdateRequestEnd();
            c.answering = false;
            c.requestOutstanding = false;
        }
        c.cancelTimer(TimerKind.CONTACT);
        c.cancelTimer(TimerKind.RECEIVE_TIMEOUT);
        c.cancelTimer(TimerKind.STARTUP);
        switch (c.effectiveState()) {
            case NORMAL -> setState(COMMUNICATIONS_INTERRUPTED, reason);
            case POTENTIAL_CONFLICT, UNKNOWN -> setState(RESOLUTION_INTERRUPTED, reason);
            default -> {
                if (c.me == STARTUP) {
                    setState(c.saved, reason);
                }
            }
        }
        reconnectLater();
    }

    void reconnectLater() {
        if (c.established == null && c.links.isEmpty() && !c.isArmed(TimerKind.RECONNECT)) {
            c.startTimer(TimerKind.RECONNECT, c.now.plus(Duration.ofSeconds(5)));
        }
    }

    void peerState(StateChange message) {
        int code = message.serverState().orElse(0);
        Optional<FailoverState> known = FailoverState.find(code);
        FailoverState next = known.orElse(FailoverState.UNKNOWN);
        if (c.partner == next && c.me != FailoverState.UNKNOWN && known.isPresent()) {
            switch (c.me) {
                case STARTUP -> {
                    setState(c.saved, "peer state known");
                    return;
                }
                case NORMAL, POTENTIAL_CONFLICT, RECOVER_DONE, SHUTDOWN, PAUSED, RECOVER_WAIT -> {
                    return;
                }
                default -> {
                    // in the other states a repeated peer state is processed again
                }
            }
        }
        FailoverState previous = c.partner;
        c.partner = next;
        c.partnerStos = Instant.ofEpochSecond(message.startTimeOfState().orElse(0));
        LOG.info("FAILOVER_PEER_STATE peer={} from={} to={}", c.name(), previous, next);
        c.persist();
        c.statusMaybeChanged();
        if (known.isEmpty()) {
            LOG.error("FAILOVER_PEER_STATE_INVALID peer={} state={}", c.name(), code);
            setState(SHUTDOWN, "peer sent invalid state " + code);
            return;
        }
        PeerStateTable.Reaction reaction = PeerStateTable.react(c.effectiveState(), c.me == STARTUP, previous, next,
                message.startupFlag());
        switch (reaction.kind()) {
            case MOVE -> setState(reaction.target(), reaction.note());
            case BOTH_NORMAL -> LOG.info("FAILOVER_BOTH_NORMAL peer={}", c.name());
            case REQUEST_ALL_IF_RECOVERING -> {
                if (c.me == RECOVER) {
                    updates.sendUpdateRequest(true);
                }
            }
            case REQUEST_PARTNER_UPDATES -> updates.sendUpdateRequest(false);
            case SEND_UPDATES_THEN_NORMAL -> {
                updates.drain();
                setState(NORMAL, reaction.note());
            }
            case INVALID -> {
                LOG.error("FAILOVER_PEER_TRANSITION_INVALID peer={} {}", c.name(), reaction.note());
                setState(SHUTDOWN, reaction.note());
            }
            case NONE -> {
            }
        }
        if (c.me == STARTUP && c.saved != STARTUP) {
            setState(c.saved, "peer state known");
        }
    }

    void updateDone() {
        c.requestOutstanding = false;
        LOG.info("FAILOVER_UPDATE_DONE peer={} state={}", c.name(), c.me);
        switch (c.me) {
            case POTENTIAL_CONFLICT -> {
                if (c.partner == CONFLICT_DONE) {
                    if (c.role == Role.SECONDARY) {
                        setState(NORMAL, "conflict resolution complete");
                    } else {
                        LOG.error("FAILOVER_CONFLICT_INVALID peer={} secondary in conflict-done", c.name());
                        setState(SHUTDOWN, "secondary in conflict-done after conflict resolution");
                    }
                } else if (c.role == Role.PRIMARY) {
                    setState(CONFLICT_DONE, "peer sent its updates");
                }
            }
            case RECOVER -> {
                // Two servers starting together in RECOVER need not wait MCLT (a fresh pair).
                if (c.myStos.plus(c.mclt.orElse(Duration.ZERO)).isAfter(c.now) && c.partner != RECOVER
                        && c.partner != RECOVER_DONE) {
                    setState(RECOVER_WAIT, "updates received, waiting MCLT");
                } else {
                    setState(RECOVER_DONE, "updates received");
                }
            }
            default -> {
            }
        }
    }
}
