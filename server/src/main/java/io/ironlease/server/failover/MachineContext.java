package io.ironlease.server.failover;

import io.ironlease.server.failover.wire.FailoverMessage;
import io.ironlease.shared.leases.FailoverState;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.LongFunction;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The mutable state shared by the parts of {@link FailoverStateMachine}, and the primitives they use
 * to produce actions: sending with per-connection xids, timers, persistence, status snapshots.
 */
final class MachineContext {

    static final Logger LOG = LoggerFactory.getLogger("io.ironlease.server.failover");

    private record TimerKey(TimerKind kind, Optional<LinkId> link) {
    }

    final FailoverSettings settings;
    final Role role;
    final UpdateQueue queue = new UpdateQueue();

    FailoverState me = FailoverState.UNKNOWN;
    FailoverState saved = FailoverState.UNKNOWN;
    Instant myStos = Instant.EPOCH;
    FailoverState partner = FailoverState.UNKNOWN;
    Instant partnerStos = Instant.EPOCH;
    Optional<Duration> mclt;
    Optional<HashBucketAssignment> hba;
    long partnerMaxUnacked;
    Duration partnerReceiveTimer;

    /** Open connections and the next xid each will use (xids count per connection from 0). */
    final Map<LinkId, Long> links = new LinkedHashMap<>();
    /** The connection whose handshake completed (ISC's link_to_peer), if any. */
    LinkId established;
    /** An UPDREQ or UPDREQALL we sent that the partner has not answered with UPDDONE. */
    boolean requestOutstanding;
    /** We are answering the partner's UPDREQ/UPDREQALL with this xid (UPDDONE pending). */
    boolean answering;
    long answerXid;
    Instant lastPacketSent = Instant.EPOCH;
    Instant lastTimestampReceived = Instant.EPOCH;
    boolean started;

    Instant now = Instant.EPOCH;
    List<FailoverAction> out = new ArrayList<>();
    boolean sentOnEstablished;
    boolean receivedOnEstablished;
    private final Map<TimerKey, Instant> armed = new HashMap<>();
    private FailoverStatus lastStatus;

    MachineContext(FailoverSettings settings) {
        this.settings = settings;
        this.role = settings.role();
        this.mclt = settings.mclt();
        this.hba = settings.role() == Role.PRIMARY ? settings.hba() : Optional.empty();
        this.partnerMaxUnacked = settings.maxUnackedUpdates();
        this.partnerReceiveTimer = settings.maxResponseDelay();
    }

    String name() {
        return settings.peerName();
    }

    /** STARTUP reports and persists the state it will return to, as ISC does. */
    FailoverState effectiveState() {
        return me == FailoverState.STARTUP ? saved : me;
    }

    long nextXid(LinkId link) {
        long xid = links.getOrDefault(link, 0L);
        links.put(link, (xid + 1) & 0xffff_ffffL);
        return xid;
    }

    /** Sends a message built with the connection's next xid. */
    void sendNew(LinkId link, LongFunction<FailoverMessage> build) {
        send(link, build.apply(nextXid(link)));
    }

    /** Sends a message whose xid is already set (answers echo the request's xid). */
    void send(LinkId link, FailoverMessage message) {
        out.add(new FailoverAction.Send(link, message));
        lastPacketSent = now;
        if (link.equals(established)) {
            sentOnEstablished = true;
        }
    }

    long time() {
        return LeaseBinding.seconds(now);
    }

    void close(LinkId link, String reason) {
        if (links.remove(link) != null) {
            out.add(new FailoverAction.CloseConnection(link, reason));
            cancelTimer(TimerKind.LINK_STARTUP, Optional.of(link));
        }
    }

    void startTimer(TimerKind kind, Optional<LinkId> link, Instant at) {
        armed.put(new TimerKey(kind, link), at);
        out.add(new FailoverAction.StartTimer(kind, link, at));
    }

    void startTimer(TimerKind kind, Instant at) {
        startTimer(kind, Optional.empty(), at);
    }

    void cancelTimer(TimerKind kind, Optional<LinkId> link) {
        if (armed.remove(new TimerKey(kind, link)) != null) {
            out.add(new FailoverAction.CancelTimer(kind, link));
        }
    }

    void cancelTimer(TimerKind kind) {
        cancelTimer(kind, Optional.empty());
    }

    boolean isArmed(TimerKind kind) {
        return armed.containsKey(new TimerKey(kind, Optional.empty()));
    }

    /** Consumes a due timer; false for one that was cancelled, replaced or is not due yet. */
    boolean takeDueTimer(TimerKind kind, Optional<LinkId> link) {
        TimerKey key = new TimerKey(kind, link);
        Instant due = armed.get(key);
        if (due == null || now.isBefore(due)) {
            return false;
        }
        armed.remove(key);
        return true;
    }

    void persist() {
        out.add(new FailoverAction.PersistState(new PersistedFailoverState(effectiveState(), myStos, partner,
                partnerStos, mclt)));
    }

    Duration contactInterval() {
        return Duration.ofSeconds(Math.max(1, partnerReceiveTimer.getSeconds() / 3));
    }

    FailoverStatus status() {
        return new FailoverStatus(name(), role, effectiveState(), myStos, partner, partnerStos,
                ServiceState.of(me, partner), mclt, hba, settings.loadBalanceMaxSeconds(), established != null,
                queue.inFlightCount(), lastPacketSent, lastTimestampReceived);
    }

    /** Ends one event: keepalive and receive timers, and a status action if serving changed. */
    List<FailoverAction> finish() {
        if (established != null && sentOnEstablished) {
            startTimer(TimerKind.CONTACT, now.plus(contactInterval()));
        }
        if (established != null && receivedOnEstablished) {
            startTimer(TimerKind.RECEIVE_TIMEOUT, now.plus(settings.maxResponseDelay()));
        }
        statusMaybeChanged();
        List<FailoverAction> result = out;
        out = new ArrayList<>();
        sentOnEstablished = false;
        receivedOnEstablished = false;
        return List.copyOf(result);
    }

    /** Emits StatusChanged now if what the engine serves changed, so later actions see the new status. */
    void statusMaybeChanged() {
        FailoverStatus status = status();
        if (lastStatus == null || !sameServing(lastStatus, status)) {
            out.add(new FailoverAction.StatusChanged(status));
            lastStatus = status;
        }
    }

    private static boolean sameServing(FailoverStatus a, FailoverStatus b) {
        return a.myState() == b.myState() && a.myStos().equals(b.myStos()) && a.partnerState() == b.partnerState()
                && a.partnerStos().equals(b.partnerStos()) && a.service() == b.service() && a.mclt().equals(b.mclt())
                && a.hba().equals(b.hba()) && a.connected() == b.connected();
    }
}
