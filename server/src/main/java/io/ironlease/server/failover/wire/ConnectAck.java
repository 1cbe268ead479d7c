package io.ironlease.server.failover.wire;

import static io.ironlease.server.failover.wire.FailoverOptionCode.MAX_UNACKED_BNDUPD;
import static io.ironlease.server.failover.wire.FailoverOptionCode.MESSAGE;
import static io.ironlease.server.failover.wire.FailoverOptionCode.PROTOCOL_VERSION;
import static io.ironlease.server.failover.wire.FailoverOptionCode.RECEIVE_TIMER;
import static io.ironlease.server.failover.wire.FailoverOptionCode.REJECT_REASON;
import static io.ironlease.server.failover.wire.FailoverOptionCode.RELATIONSHIP_NAME;
import static io.ironlease.server.failover.wire.FailoverOptionCode.TLS_REPLY;
import static io.ironlease.server.failover.wire.FailoverOptionCode.VENDOR_CLASS;

import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.OptionalLong;

/**
 * CONNECTACK answers a CONNECT with the same xid (§7.9). An acceptance carries relationship-name,
 * max-unacked-bndupd, receive-timer, vendor-class, protocol-version, TLS-reply; a refusal drops the
 * two timers and appends reject-reason and message (as ISC 4.4.3 sends them).
 */
public record ConnectAck(long time, long xid, Optional<String> relationshipName, OptionalLong maxUnacked,
        OptionalLong receiveTimer, Optional<String> vendorClass, OptionalInt protocolVersion, OptionalInt tlsReply,
        OptionalInt rejectReason, Optional<String> message, FailoverOptions extra) implements FailoverMessage {

    public static final List<FailoverOptionCode> OPTION_ORDER = List.of(RELATIONSHIP_NAME, MAX_UNACKED_BNDUPD,
            RECEIVE_TIMER, VENDOR_CLASS, PROTOCOL_VERSION, TLS_REPLY, REJECT_REASON, MESSAGE);

    public ConnectAck {
        Values.u32(time, "time");
        Values.u32(xid, "xid");
        Values.text(relationshipName, "relationship-name");
        Values.u32(maxUnacked, "max-unacked-bndupd");
        Values.u32(receiveTimer, "receive-timer");
        Values.text(vendorClass, "vendor-class");
        Values.u8(protocolVersion, "protocol-version");
        Values.u8(tlsReply, "TLS-reply");
        Values.u8(rejectReason, "reject-reason");
        Values.text(message, "message");
    }

    public boolean rejected() {
        return rejectReason.isPresent();
    }

    @Override
    public FailoverMessageType type() {
        return FailoverMessageType.CONNECTACK;
    }
}
