package io.ironlease.server.failover.wire;

import java.util.List;

/** POOLREQ asks the partner to rebalance the pool (§7.6); no options. */
public record PoolRequest(long time, long xid, FailoverOptions extra) implements FailoverMessage {

    /** Options this type models, in the order they are written: none. */
    public static final List<FailoverOptionCode> OPTION_ORDER = List.of();

    public PoolRequest {
        Values.u32(time, "time");
        Values.u32(xid, "xid");
    }

    public PoolRequest(long time, long xid) {
        this(time, xid, FailoverOptions.NONE);
    }

    @Override
    public FailoverMessageType type() {
        return FailoverMessageType.POOLREQ;
    }
}
