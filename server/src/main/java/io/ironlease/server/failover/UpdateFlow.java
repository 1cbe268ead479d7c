package io.ironlease.server.failover;

import static io.ironlease.server.failover.MachineContext.LOG;

import io.ironlease.server.failover.wire.BindingAck;
import io.ironlease.server.failover.wire.BindingUpdate;
import io.ironlease.server.failover.wire.FailoverOptions;
import io.ironlease.server.failover.wire.PoolRequest;
import io.ironlease.server.failover.wire.PoolResponse;
import io.ironlease.server.failover.wire.RejectReason;
import io.ironlease.server.failover.wire.UpdateDone;
import io.ironlease.server.failover.wire.UpdateRequest;
import io.ironlease.server.failover.wire.UpdateRequestAll;
import io.ironlease.shared.leases.FailoverState;
import io.ironlease.shared.net.Ipv4Address;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.OptionalLong;

/**
 * Binding update traffic (draft §7.1-7.7, §5.16): BNDUPD/BNDACK within the partner's window,
 * UPDREQ/UPDREQALL answered with the engine's bindings and closed by UPDDONE, POOLREQ/POOLRESP.
 */
final class UpdateFlow {

    private final MachineContext c;

    UpdateFlow(MachineContext context) {
        this.c = context;
    }

    /** Entering NORMAL: rebalance the pools, queue what the partner has not acknowledged, send. */
    void enterNormal() {
        c.out.add(new FailoverAction.BalancePool(OptionalLong.empty()));
        c.out.add(new FailoverAction.CollectUpdates(UpdateScope.UNACKED, OptionalLong.empty()));
        drain();
    }

    /** Sends queued BNDUPDs while the partner's max-unacked-bndupd window has room. */
    void drain() {
        if (c.established == null) {
            return;
        }
        int window = (int) Math.min(Integer.MAX_VALUE, Math.max(1, c.partnerMaxUnacked));
        for (UpdateQueue.Outgoing o : c.queue.drain(window, this::bindingXid)) {
            c.out.add(new FailoverAction.BindingUpdateSent(o.binding()));
            c.send(c.established, o.binding().toMessage(c.time(), o.xid()));
        }
    }

    private long bindingXid() {
        long xid = c.nextXid(c.established);
        return xid != 0 ? xid : c.nextXid(c.established); // ISC: an update's xid is never 0
    }

    void sendUpdateRequest(boolean all) {
        if (c.established == null || (!all && c.requestOutstanding)) {
            return;
        }
        c.requestOutstanding = true;
        LOG.info("FAILOVER_UPDATE_REQUEST peer={} all={}", c.name(), all);
        c.sendNew(c.established, xid -> all ? new UpdateRequestAll(c.time(), xid) : new UpdateRequest(c.time(), xid));
    }

    void leaseChanged(LeaseBinding binding, boolean immediate) {
        c.queue.enqueue(binding);
        if (immediate) {
            drain();
        }
    }

    void bindingUpdate(LinkId link, BindingUpdate update) {
        Optional<LeaseBinding> ours = update.assignedAddress().flatMap(c.queue::inFlight);
        c.out.add(new FailoverAction.ProcessBindingUpdate(link, update, c.effectiveState(), ours));
    }

    void bindingUpdateProcessed(FailoverEvent.BindingUpdateProcessed processed) {
        if (!processed.link().equals(c.established)) {
            return; // the connection that carried the BNDUPD is gone; the partner will send it again
        }
        BindingUpdate update = processed.update();
        Ipv4Address address = update.assignedAddress().orElse(Ipv4Address.ANY);
        OptionalInt reason = processed.rejectReason();
        if (reason.isEmpty()) {
            update.assignedAddress().ifPresent(c.queue::forgetInFlight); // the partner's update won the duel
        }
        BindingAck ack = reason.isPresent()
                ? BindingAck.reject(c.time(), update.xid(), address, reason.getAsInt(),
                        processed.message().orElse(RejectReason.describe(reason.getAsInt())))
                : BindingAck.accept(c.time(), update.xid(), address);
        c.send(c.established, ack);
    }

    void bindingAck(BindingAck ack) {
        Optional<UpdateQueue.Acked> acked = c.queue.ack(ack.xid());
        if (acked.isEmpty()) {
            LOG.info("FAILOVER_BNDACK_UNKNOWN peer={} xid={} address={}", c.name(), ack.xid(),
                    ack.assignedAddress().map(Object::toString).orElse("-"));
            return;
        }
        LeaseBinding sent = acked.get().binding();
        if (acked.get().superseded()) {
            LOG.debug("FAILOVER_BNDACK_SUPERSEDED peer={} address={}", c.name(), sent.address());
        } else if (ack.rejected()) {
            LOG.warn("FAILOVER_BNDUPD_REJECTED peer={} address={} reason={} message={}", c.name(), sent.address(),
                    ack.rejectReason().getAsInt(),
                    ack.message().orElse(RejectReason.describe(ack.rejectReason().getAsInt())));
        }
        if (!acked.get().superseded()) {
            c.out.add(new FailoverAction.UpdateAcknowledged(sent, ack));
        }
        if (acked.get().completesUpdateRequest() && c.answering) {
            sendUpdateDone();
        }
        drain();
    }

    void updateRequest(UpdateScope scope, long xid) {
        if (c.answering) {
            LOG.info("FAILOVER_UPDATE_REQUEST_SUPERSEDED peer={} old_xid={} new_xid={}", c.name(), c.answerXid, xid);
            c.queue.clearUpdateRequestEnd();
        }
        c.answering = true;
        c.answerXid = xid;
        c.out.add(new FailoverAction.CollectUpdates(scope, OptionalLong.of(xid)));
    }

    void updatesCollected(FailoverEvent.UpdatesCollected collected) {
        for (LeaseBinding binding : collected.bindings()) {
            if (!c.queue.contains(binding.address())) {
                c.queue.enqueue(binding); // ISC skips leases already queued or in flight (ON_QUEUE)
            }
        }
        OptionalLong answer = collected.answerXid();
        if (answer.isPresent() && c.answering && answer.getAsLong() == c.answerXid && c.established != null) {
            if (!c.queue.markUpdateRequestEnd()) {
                sendUpdateDone();
            }
        }
        drain();
    }

    private void sendUpdateDone() {
        c.answering = false;
        c.send(c.established, new UpdateDone(c.time(), c.answerXid));
    }

    void requestPool() {
        if (c.established != null && c.me == FailoverState.NORMAL) {
            c.sendNew(c.established, xid -> new PoolRequest(c.time(), xid));
        }
    }

    void poolRequest(long xid) {
        c.out.add(new FailoverAction.BalancePool(OptionalLong.of(xid)));
    }

    void poolBalanced(FailoverEvent.PoolBalanced balanced) {
        if (balanced.poolRequestXid().isPresent() && c.established != null) {
            if (balanced.leasesQueued() == 0) {
                LOG.info("FAILOVER_POOLREQ_EMPTY peer={} answering negatively", c.name());
            }
            c.send(c.established, new PoolResponse(c.time(), balanced.poolRequestXid().getAsLong(),
                    OptionalLong.of(balanced.leasesQueued()), FailoverOptions.NONE));
        }
        drain();
    }
}
