package io.ironlease.server.failover;

import io.ironlease.server.failover.wire.BindingUpdate;
import io.ironlease.server.failover.wire.FailoverMessage;
import io.ironlease.shared.leases.FailoverState;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.OptionalLong;

/** Inputs of {@link FailoverStateMachine#on}: from the peer link, the timers, the DHCP engine and OMAPI. */
public sealed interface FailoverEvent {

    /** The server starts with the state read from dhcpd.leases (empty for a new lease file). */
    record Started(Optional<PersistedFailoverState> persisted) implements FailoverEvent {
    }

    /** A TCP connection to the partner is open, whichever side opened it. */
    record ConnectionUp(LinkId link) implements FailoverEvent {
    }

    /** An {@link FailoverAction.OpenConnection} failed (refused, unreachable, timed out). */
    record ConnectAttemptFailed() implements FailoverEvent {
    }

    /** The TCP connection closed or was reset. */
    record ConnectionLost(LinkId link) implements FailoverEvent {
    }

    /** A whole message arrived on a connection. */
    record MessageReceived(LinkId link, FailoverMessage message) implements FailoverEvent {
        public MessageReceived {
            Objects.requireNonNull(message, "message");
        }
    }

    /** Bytes on a connection could not be framed or decoded; the connection must go. */
    record ProtocolError(LinkId link, String problem) implements FailoverEvent {
    }

    /** A timer set by {@link FailoverAction.StartTimer} is due; stale timers are ignored. */
    record TimerFired(TimerKind kind, Optional<LinkId> link) implements FailoverEvent {
        public TimerFired(TimerKind kind) {
            this(kind, Optional.empty());
        }
    }

    /** OMAPI {@code set local-state = N} on the failover-state object (e.g. 4, partner-down). */
    record AdminSetState(FailoverState state) implements FailoverEvent {
    }

    /**
     * The engine changed a binding (grant, renewal, release, expiry, pool balancing) and committed it.
     * {@code immediate} sends at once within the window; otherwise the update waits for the next flush
     * (lazy update).
     */
    record LeaseChanged(LeaseBinding binding, boolean immediate) implements FailoverEvent {
    }

    /**
     * The engine's rebalance timer found this server short of addresses ({@link PoolBalance.Plan#requestFromPartner}):
     * send POOLREQ (ISC does so only from its timer, never on entering NORMAL).
     */
    record RequestPool() implements FailoverEvent {
    }

    /** Flush queued lazy updates (for example after a group commit). */
    record SendPendingUpdates() implements FailoverEvent {
    }

    /**
     * The engine's verdict on a BNDUPD it was given by {@link FailoverAction.ProcessBindingUpdate},
     * reported after the accepted binding is on disk (draft §5.2.1: no BNDACK before stable storage).
     */
    record BindingUpdateProcessed(LinkId link, BindingUpdate update, OptionalInt rejectReason,
            Optional<String> message) implements FailoverEvent {

        public static BindingUpdateProcessed accepted(LinkId link, BindingUpdate update) {
            return new BindingUpdateProcessed(link, update, OptionalInt.empty(), Optional.empty());
        }

        public static BindingUpdateProcessed rejected(LinkId link, BindingUpdate update, int reason, String message) {
            return new BindingUpdateProcessed(link, update, OptionalInt.of(reason), Optional.of(message));
        }
    }

    /**
     * The bindings the engine collected for a {@link FailoverAction.CollectUpdates}; {@code answerXid}
     * is copied from the request.
     */
    record UpdatesCollected(UpdateScope scope, OptionalLong answerXid, List<LeaseBinding> bindings)
            implements FailoverEvent {
        public UpdatesCollected {
            bindings = List.copyOf(bindings);
        }
    }

    /**
     * The engine balanced the pools for a {@link FailoverAction.BalancePool} (having reported each
     * address it handed over as a {@link LeaseChanged}); {@code poolRequestXid} is copied from it.
     */
    record PoolBalanced(OptionalLong poolRequestXid, int leasesQueued) implements FailoverEvent {
    }
}
