package io.ironlease.server.failover;

import io.ironlease.shared.net.Ipv4Address;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.LongSupplier;

/**
 * The outgoing binding updates of one relationship (draft §7.1, §5.16): a queue of pending BNDUPDs,
 * one per address (a newer change replaces the queued one in place, so an address is sent once with
 * its latest state), and the updates in flight, at most the partner's max-unacked-bndupd of them.
 *
 * <p>Lazy updates: {@link #enqueue} only queues; nothing leaves until {@link #drain} is called, which
 * the state machine does when the change is immediate, on every BNDACK, on reconnect and on entering
 * NORMAL. Updates in flight when the connection drops or the state changes are put back at the head
 * of the queue ({@link #requeueInFlight}) and sent again, as ISC does. Pure and single-threaded.
 */
public final class UpdateQueue {

    /** One BNDUPD to send now with the xid it was given. */
    public record Outgoing(long xid, LeaseBinding binding) {
    }

    /**
     * The in-flight update a BNDACK answered; whether it was the last one of an UPDREQ answer; and
     * whether it had been superseded by the partner's own update (then the ack changes nothing).
     */
    public record Acked(LeaseBinding binding, boolean completesUpdateRequest, boolean superseded) {
    }

    private record Entry(long sequence, LeaseBinding binding) {
    }

    private final LinkedHashMap<Ipv4Address, Entry> pending = new LinkedHashMap<>();
    private final LinkedHashMap<Long, Entry> inFlight = new LinkedHashMap<>();
    private final Map<Long, Entry> superseded = new java.util.HashMap<>();
    private long nextSequence = 1;
    private long doneAfterSequence = -1;

    /** Queues the latest state of an address; an already queued address keeps its place. */
    public void enqueue(LeaseBinding binding) {
        Entry queued = pending.get(binding.address());
        long sequence = queued != null ? queued.sequence() : nextSequence++;
        pending.put(binding.address(), new Entry(sequence, binding));
    }

    /**
     * Takes pending updates, oldest first, until {@code window} updates are in flight, giving each the
     * next xid from {@code xids}.
     */
    public List<Outgoing> drain(int window, LongSupplier xids) {
        List<Outgoing> out = new ArrayList<>();
        Iterator<Map.Entry<Ipv4Address, Entry>> it = pending.entrySet().iterator();
        while (inFlight.size() < window && it.hasNext()) {
            Entry entry = it.next().getValue();
            it.remove();
            long xid = xids.getAsLong();
            inFlight.put(xid, entry);
            out.add(new Outgoing(xid, entry.binding()));
        }
        return out;
    }

    /** Frees the slot of the update with this xid; empty for an xid that is not in flight. */
    public Optional<Acked> ack(long xid) {
        Entry entry = inFlight.remove(xid);
        boolean wasSuperseded = false;
        if (entry == null) {
            entry = superseded.remove(xid);
            wasSuperseded = true;
        }
        if (entry == null) {
            return Optional.empty();
        }
        boolean done = entry.sequence() == doneAfterSequence;
        if (done) {
            doneAfterSequence = -1;
        }
        return Optional.of(new Acked(entry.binding(), done, wasSuperseded));
    }

    /**
     * Marks the last pending update: its BNDACK completes the current UPDREQ/UPDREQALL answer.
     *
     * @return false when nothing is pending, so UPDDONE can go out at once
     */
    public boolean markUpdateRequestEnd() {
        if (pending.isEmpty()) {
            doneAfterSequence = -1;
            return false;
        }
        Entry last = null;
        for (Entry entry : pending.values()) {
            last = entry;
        }
        doneAfterSequence = last.sequence();
        return true;
    }

    /** Forgets the end mark of an UPDREQ answer that was superseded or whose connection was lost. */
    public void clearUpdateRequestEnd() {
        doneAfterSequence = -1;
    }

    /** Puts every in-flight update back at the head of the queue, unless a newer one is already queued. */
    public void requeueInFlight() {
        superseded.clear();
        if (inFlight.isEmpty()) {
            return;
        }
        LinkedHashMap<Ipv4Address, Entry> merged = new LinkedHashMap<>();
        for (Entry entry : inFlight.values()) {
            if (!pending.containsKey(entry.binding().address())) {
                merged.put(entry.binding().address(), entry);
            }
        }
        merged.putAll(pending);
        pending.clear();
        pending.putAll(merged);
        inFlight.clear();
    }

    public int pendingCount() {
        return pending.size();
    }

    public int inFlightCount() {
        return inFlight.size();
    }

    public boolean isEmpty() {
        return pending.isEmpty() && inFlight.isEmpty();
    }

    /** Our unacknowledged update for this address, if one is in flight (ISC's ON_ACK_QUEUE). */
    public Optional<LeaseBinding> inFlight(Ipv4Address address) {
        for (Entry entry : inFlight.values()) {
            if (entry.binding().address().equals(address)) {
                return Optional.of(entry.binding());
            }
        }
        return Optional.empty();
    }

    /**
     * Drops our in-flight update for an address after accepting the partner's newer one (dueling
     * updates): its BNDACK, if it still comes, is then ignored, as ISC does.
     */
    public void forgetInFlight(Ipv4Address address) {
        Iterator<Map.Entry<Long, Entry>> it = inFlight.entrySet().iterator();
        while (it.hasNext()) {
            Map.Entry<Long, Entry> e = it.next();
            if (e.getValue().binding().address().equals(address)) {
                superseded.put(e.getKey(), e.getValue()); // its BNDACK may still end an UPDREQ answer
                it.remove();
            }
        }
    }

    /** Whether an update for this address is queued or unacknowledged (ISC's ON_QUEUE flags). */
    public boolean contains(Ipv4Address address) {
        if (pending.containsKey(address)) {
            return true;
        }
        for (Entry entry : inFlight.values()) {
            if (entry.binding().address().equals(address)) {
                return true;
            }
        }
        return false;
    }
}
