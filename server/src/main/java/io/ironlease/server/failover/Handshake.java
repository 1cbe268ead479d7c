package io.ironlease.server.failover;

import static io.ironlease.server.failover.MachineContext.LOG;

import io.ironlease.server.failover.wire.Connect;
import io.ironlease.server.failover.wire.ConnectAck;
import io.ironlease.server.failover.wire.Disconnect;
import io.ironlease.server.failover.wire.FailoverOptions;
import io.ironlease.server.failover.wire.RejectReason;
import java.time.Duration;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.OptionalLong;

/**
 * Opening the relationship (draft §7.8-7.9, §8.2): the primary sends CONNECT on every new connection,
 * the secondary answers CONNECTACK or refuses with a reason, as ISC dhcpd 4.4.3 does.
 */
final class Handshake {

    /** ISC accepts at most 60 s between the partner's clock and its own. */
    static final Duration MAX_CLOCK_SKEW = Duration.ofSeconds(60);
    /** The vendor-class ISC sends is "isc-" + its version; ours names the product. */
    static final String VENDOR_CLASS = "ironlease-0.1";
    static final int PROTOCOL_VERSION = 1;

    private final MachineContext c;
    private final Transitions transitions;

    Handshake(MachineContext context, Transitions transitions) {
        this.c = context;
        this.transitions = transitions;
    }

    void connectionUp(LinkId link) {
        if (c.links.containsKey(link)) {
            LOG.warn("FAILOVER_LINK_REUSED peer={} link={} is already open", c.name(), link);
            return;
        }
        c.links.put(link, 0L);
        c.cancelTimer(TimerKind.RECONNECT);
        c.startTimer(TimerKind.LINK_STARTUP, Optional.of(link), c.now.plus(Transitions.STARTUP_WAIT));
        if (c.role == Role.PRIMARY) {
            c.sendNew(link, xid -> new Connect(c.time(), xid, Optional.of(c.name()),
                    OptionalLong.of(c.settings.maxUnackedUpdates()), OptionalLong.of(c.settings.maxResponseDelay().getSeconds()),
                    Optional.of(VENDOR_CLASS), OptionalInt.of(PROTOCOL_VERSION), OptionalInt.of(0),
                    OptionalLong.of(c.mclt.orElseThrow().getSeconds()), c.hba.map(HashBucketAssignment::bytes),
                    FailoverOptions.NONE));
        }
    }

    void connect(LinkId link, Connect connect) {
        Optional<String> problem = Optional.empty();
        RejectReason reason = RejectReason.INVALID_PARTNER;
        if (connect.relationshipName().isEmpty()) {
            problem = Optional.of("missing relationship-name");
        } else if (!connect.relationshipName().get().equals(c.name())) {
            problem = Optional.of("unknown failover relationship name");
        } else if (c.role == Role.PRIMARY) {
            problem = Optional.of("both servers are configured as primary");
        } else if (skewed(connect.time())) {
            problem = Optional.of("time offset too large");
            reason = RejectReason.TIME_MISMATCH;
        } else if (connect.hashBucketAssignment().isEmpty()
                || connect.hashBucketAssignment().get().length() != HashBucketAssignment.LENGTH) {
            problem = Optional.of("invalid HBA");
            reason = RejectReason.HBA_CONFLICT;
        } else if (c.established != null) {
            problem = Optional.of("already connected");
            reason = RejectReason.DUPLICATE_CONNECTION;
        } else if (connect.mclt().isEmpty()) {
            problem = Optional.of("no MCLT provided");
            reason = RejectReason.INVALID_MCLT;
        }
        if (problem.isPresent()) {
            LOG.warn("FAILOVER_CONNECT_REJECTED peer={} link={} reason={} message={}", c.name(), link, reason.code(),
                    problem.get());
            c.send(link, new ConnectAck(c.time(), connect.xid(), connect.relationshipName(), OptionalLong.empty(),
                    OptionalLong.empty(), Optional.of(VENDOR_CLASS), OptionalInt.of(PROTOCOL_VERSION),
                    connect.tlsRequest().isPresent() ? OptionalInt.of(0) : OptionalInt.empty(),
                    OptionalInt.of(reason.code()), problem, FailoverOptions.NONE));
            refuse(link, "CONNECT rejected: " + problem.get());
            return;
        }
        c.established = link;
        c.cancelTimer(TimerKind.LINK_STARTUP, Optional.of(link));
        c.send(link, new ConnectAck(c.time(), connect.xid(), Optional.of(c.name()),
                OptionalLong.of(c.settings.maxUnackedUpdates()), OptionalLong.of(c.settings.maxResponseDelay().getSeconds()),
                Optional.of(VENDOR_CLASS), OptionalInt.of(PROTOCOL_VERSION),
                connect.tlsRequest().isPresent() ? OptionalInt.of(0) : OptionalInt.empty(), OptionalInt.empty(),
                Optional.empty(), FailoverOptions.NONE));
        learnPartner(connect.maxUnacked(), connect.receiveTimer());
        c.mclt = Optional.of(Duration.ofSeconds(connect.mclt().getAsLong()));
        c.hba = Optional.of(HashBucketAssignment.of(connect.hashBucketAssignment().get()));
        c.statusMaybeChanged();
        established();
    }

    void connectAck(LinkId link, ConnectAck ack) {
        c.cancelTimer(TimerKind.LINK_STARTUP, Optional.of(link));
        String problem = null;
        RejectReason reason = RejectReason.INVALID_PARTNER;
        if (ack.relationshipName().isEmpty()) {
            problem = "missing relationship-name";
        } else if (ack.rejected()) {
            LOG.warn("FAILOVER_CONNECT_REFUSED peer={} link={} reason={} message={}", c.name(), link,
                    ack.rejectReason().getAsInt(), ack.message().orElse(RejectReason.describe(ack.rejectReason().getAsInt())));
            refuse(link, "CONNECT refused by the partner");
            return;
        } else if (!ack.relationshipName().get().equals(c.name())) {
            problem = "remote failover relationship name " + ack.relationshipName().get() + " does not match";
        } else if (c.role == Role.SECONDARY) {
            problem = "both servers are configured as secondary";
        } else if (c.established != null) {
            problem = "already connected";
            reason = RejectReason.DUPLICATE_CONNECTION;
        } else if (skewed(ack.time())) {
            problem = "time offset too large";
            reason = RejectReason.TIME_MISMATCH;
        }
        if (problem != null) {
            String text = problem;
            RejectReason code = reason;
            LOG.warn("FAILOVER_CONNECTACK_REJECTED peer={} link={} reason={} message={}", c.name(), link, code.code(), text);
            c.sendNew(link, xid -> new Disconnect(c.time(), xid, OptionalInt.of(code.code()), Optional.of(text),
                    FailoverOptions.NONE));
            refuse(link, "CONNECTACK rejected: " + text);
            return;
        }
        c.established = link;
        learnPartner(ack.maxUnacked(), ack.receiveTimer());
        established();
    }

    /** Closes a connection whose handshake failed; a repeated handshake on the live link ends it too. */
    private void refuse(LinkId link, String reason) {
        c.close(link, reason);
        if (link.equals(c.established)) {
            transitions.partnerLost(reason);
        } else {
            transitions.reconnectLater();
        }
    }

    private void learnPartner(OptionalLong maxUnacked, OptionalLong receiveTimer) {
        maxUnacked.ifPresent(v -> c.partnerMaxUnacked = v);
        receiveTimer.ifPresent(v -> c.partnerReceiveTimer = Duration.ofSeconds(v));
    }

    private void established() {
        LOG.info("FAILOVER_CONNECTED peer={} link={}", c.name(), c.established);
        c.receivedOnEstablished = true;
        c.queue.requeueInFlight();
        transitions.sendState();
    }

    private boolean skewed(long peerTime) {
        long diff = Math.abs(peerTime - c.now.getEpochSecond());
        return diff > MAX_CLOCK_SKEW.getSeconds();
    }
}
