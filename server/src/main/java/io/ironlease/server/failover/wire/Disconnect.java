package io.ironlease.server.failover.wire;

import static io.ironlease.server.failover.wire.FailoverOptionCode.MESSAGE;
import static io.ironlease.server.failover.wire.FailoverOptionCode.REJECT_REASON;

import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * DISCONNECT closes the relationship with a reason (§7.12). ISC sends it only when it rejects a
 * CONNECTACK; it was never seen on the wire in the lab captures.
 */
public record Disconnect(long time, long xid, OptionalInt rejectReason, Optional<String> message,
        FailoverOptions extra) implements FailoverMessage {

    public static final List<FailoverOptionCode> OPTION_ORDER = List.of(REJECT_REASON, MESSAGE);

    public Disconnect {
        Values.u32(time, "time");
        Values.u32(xid, "xid");
        Values.u8(rejectReason, "reject-reason");
        Values.text(message, "message");
    }

    @Override
    public FailoverMessageType type() {
        return FailoverMessageType.DISCONNECT;
    }
}
