package io.ironlease.server.failover.wire;

import java.util.List;

/** UPDREQALL asks the partner for every binding it has (§7.4); no options. */
public record UpdateRequestAll(long time, long xid, FailoverOptions extra) implements FailoverMessage {

    /** Options this type models, in the order they are written: none. */
    public static final List<FailoverOptionCode> OPTION_ORDER = List.of();

    public UpdateRequestAll {
        Values.u32(time, "time");
        Values.u32(xid, "xid");
    }

    public UpdateRequestAll(long time, long xid) {
        this(time, xid, FailoverOptions.NONE);
    }

    @Override
    public FailoverMessageType type() {
        return FailoverMessageType.UPDREQALL;
    }
}
