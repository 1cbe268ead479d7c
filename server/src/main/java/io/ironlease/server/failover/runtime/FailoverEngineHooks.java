package io.ironlease.server.failover.runtime;

import io.ironlease.server.failover.FailoverAction;
import io.ironlease.server.failover.FailoverStatus;
import io.ironlease.server.failover.LeaseBinding;
import io.ironlease.server.failover.PersistedFailoverState;
import io.ironlease.server.failover.UpdateScope;
import io.ironlease.server.failover.wire.BindingAck;
import io.ironlease.shared.leases.FailoverState;
import java.util.List;
import java.util.concurrent.CompletionStage;

/**
 * What the failover runtime needs from the DHCP lease engine, one instance per failover relationship.
 * Every method is called on the lease-engine thread (the executor given to {@link FailoverRuntime}),
 * so the engine reads and changes its lease indexes without locks. The stages may complete on any
 * thread (a group-commit writer, say); the runtime returns to the engine thread before it acts on
 * them. A stage that completes exceptionally, or a method that throws, is logged; what the runtime
 * does then is said per method.
 */
public interface FailoverEngineHooks {

    /**
     * Append the {@code failover peer "NAME" state} record ({@link FailoverMapping#record}) to
     * dhcpd.leases and complete once it is on disk. The messages the state machine produced after it
     * (the STATE that announces the new state, for one) are sent only then: durable before announced.
     * Failure: those messages are dropped and the connection closed, so the partner re-learns the
     * state from a fresh handshake.
     */
    CompletionStage<Void> persistState(PersistedFailoverState state);

    /**
     * Decide on the partner's BNDUPD with
     * {@link io.ironlease.server.failover.LeaseOwnership#judgeBindingUpdate}, passing
     * {@code request.myState()} and {@code request.ownUpdateInFlight()}, and the lease as it is now. If
     * accepted, store it as {@code verdict.storeAs()} (and give the address to the partner when
     * {@code handToPartner}), and complete with {@link BindingUpdateOutcome#stored()} only once the lease
     * is on disk: the BNDACK goes out then (draft §5.2.1). Failure: the update is refused with
     * reject-reason 6 and the partner sends it again later.
     */
    CompletionStage<BindingUpdateOutcome> processBindingUpdate(FailoverAction.ProcessBindingUpdate request);

    /**
     * The bindings to send the partner: for {@link UpdateScope#ALL} (UPDREQALL) every address in the
     * relationship's pools; for {@link UpdateScope#UNACKED} (UPDREQ, entering NORMAL) those whose
     * potential expiration the partner has not acknowledged (ISC: tstp after atsfp) and every EXPIRED,
     * RELEASED and RESET one. Failure: the connection is closed (the partner asks again on reconnect).
     */
    CompletionStage<List<LeaseBinding>> collectUpdates(UpdateScope scope);

    /**
     * Balance the relationship's pools ({@link io.ironlease.server.failover.PoolBalance}) if my state is
     * NORMAL: hand addresses to the partner ({@link io.ironlease.server.failover.LeaseOwnership#handedOver}),
     * commit them, and complete with those bindings once on disk; the runtime queues a BNDUPD for
     * each. {@code partnerAsked}: the partner sent POOLREQ (the runtime answers POOLRESP with the count).
     * Failure: counted as nothing handed over.
     */
    CompletionStage<List<LeaseBinding>> balancePool(boolean partnerAsked);

    /**
     * A BNDUPD for this binding is going out: record {@code rewind binding state} = its status for the
     * address (the partner may have applied it even if its BNDACK is lost).
     */
    void bindingUpdateSent(LeaseBinding binding);

    /**
     * The partner answered a BNDUPD. Accepted ({@code !ack.rejected()}): record the acknowledged
     * potential expiration ({@code atsfp}/{@code tsfp} = {@code sent.potentialExpiration()}), and move a
     * transitional status (EXPIRED, RELEASED, RESET) on to FREE, as ISC does. Rejected: keep
     * the lease; the reason is already logged.
     */
    void updateAcknowledged(LeaseBinding sent, BindingAck ack);

    /**
     * What the engine may serve changed (states, start times, MCLT, HBA, connection). Called on every
     * such change, first at start; {@link FailoverRuntime#status()} has the latest too.
     */
    void statusChanged(FailoverStatus status);

    /** My state changed (already logged as FAILOVER_STATE_CHANGE with the reason). */
    default void stateChanged(FailoverState from, FailoverState to, String reason) {
    }
}
