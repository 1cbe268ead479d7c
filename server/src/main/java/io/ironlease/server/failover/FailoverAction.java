package io.ironlease.server.failover;

import io.ironlease.server.failover.wire.BindingAck;
import io.ironlease.server.failover.wire.BindingUpdate;
import io.ironlease.server.failover.wire.FailoverMessage;
import io.ironlease.shared.leases.FailoverState;
import java.time.Instant;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * Outputs of {@link FailoverStateMachine#on}, to be applied in order by the peer link (sockets,
 * timers), the lease store (state records) and the DHCP engine (bindings, pools).
 */
public sealed interface FailoverAction {

    /** Write the message on that connection. */
    record Send(LinkId link, FailoverMessage message) implements FailoverAction {
    }

    /** Close that connection; the machine has already forgotten it (a later ConnectionLost is ignored). */
    record CloseConnection(LinkId link, String reason) implements FailoverAction {
    }

    /** Open a TCP connection to the partner's address and port; report ConnectionUp or ConnectAttemptFailed. */
    record OpenConnection() implements FailoverAction {
    }

    /** Fire {@link FailoverEvent.TimerFired} at {@code at}, replacing any timer of the same kind and link. */
    record StartTimer(TimerKind kind, Optional<LinkId> link, Instant at) implements FailoverAction {
    }

    record CancelTimer(TimerKind kind, Optional<LinkId> link) implements FailoverAction {
    }

    /**
     * Append the {@code failover peer ... state} record to dhcpd.leases. ISC commits it before it
     * tells the partner (the STATE that follows in the same action list).
     */
    record PersistState(PersistedFailoverState state) implements FailoverAction {
    }

    /** My failover state changed; also logged as FAILOVER_STATE_CHANGE. */
    record StateChanged(FailoverState from, FailoverState to, String reason) implements FailoverAction {
    }

    /** What the engine may serve changed (states, stos, MCLT, HBA, connection). */
    record StatusChanged(FailoverStatus status) implements FailoverAction {
    }

    /**
     * Decide on a BNDUPD ({@link LeaseOwnership#judgeBindingUpdate}), commit it, then report
     * {@link FailoverEvent.BindingUpdateProcessed}.
     */
    record ProcessBindingUpdate(LinkId link, BindingUpdate update, FailoverState myState,
            Optional<LeaseBinding> ownUpdateInFlight) implements FailoverAction {
    }

    /** Report the bindings of this scope with {@link FailoverEvent.UpdatesCollected}, copying answerXid. */
    record CollectUpdates(UpdateScope scope, OptionalLong answerXid) implements FailoverAction {
    }

    /**
     * A BNDUPD for this binding is going out now: record {@code rewind binding state = status} for
     * the address (ISC does it on transmit, since a lost BNDACK does not mean the partner did not
     * apply the update); from now on the change can no longer be rewound (§5.11).
     */
    record BindingUpdateSent(LeaseBinding binding) implements FailoverAction {
    }

    /** The partner answered a BNDUPD: record its acknowledged potential expiration, or log the refusal. */
    record UpdateAcknowledged(LeaseBinding sent, BindingAck ack) implements FailoverAction {
    }

    /**
     * Balance the pools ({@link PoolBalance}), report every address handed over as a LeaseChanged, then
     * {@link FailoverEvent.PoolBalanced}; {@code poolRequestXid} is set when the partner asked (POOLREQ).
     */
    record BalancePool(OptionalLong poolRequestXid) implements FailoverAction {
    }
}
