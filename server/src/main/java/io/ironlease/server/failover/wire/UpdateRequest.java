package io.ironlease.server.failover.wire;

import java.util.List;

/** UPDREQ asks the partner for the bindings it has not yet sent (§7.3). */
public record UpdateRequest(long time, long xid, FailoverOptions extra) implements FailoverMessage {

    /** Options this type models, in the order they are written: none. */
    public static final List<FailoverOptionCode> OPTION_ORDER = List.of();

    public UpdateRequest {
        Values.u32(time, "time");
        Values.u32(xid, "xid");
    }

    public UpdateRequest(long time, long xid) {
        this(time, xid, FailoverOptions.NONE);
    }

    @Override
    public FailoverMessageType type() {
        return FailoverMessageType.UPDREQ;
    }
}
