package io.ironlease.server.failover.wire;

import java.util.List;

/** UPDDONE ends the answer to an UPDREQ or UPDREQALL, echoing its xid (§7.5). */
public record UpdateDone(long time, long xid, FailoverOptions extra) implements FailoverMessage {

    /** Options this type models, in the order they are written: none. */
    public static final List<FailoverOptionCode> OPTION_ORDER = List.of();

    public UpdateDone {
        Values.u32(time, "time");
        Values.u32(xid, "xid");
    }

    public UpdateDone(long time, long xid) {
        this(time, xid, FailoverOptions.NONE);
    }

    @Override
    public FailoverMessageType type() {
        return FailoverMessageType.UPDDONE;
    }
}
