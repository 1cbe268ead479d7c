package io.ironlease.server.failover.wire;

import static io.ironlease.server.failover.wire.FailoverOptionCode.ADDRESSES_TRANSFERRED;

import java.util.List;
import java.util.OptionalLong;

/** POOLRESP answers a POOLREQ with the number of addresses handed over (§7.7). */
public record PoolResponse(long time, long xid, OptionalLong addressesTransferred, FailoverOptions extra)
        implements FailoverMessage {

    public static final List<FailoverOptionCode> OPTION_ORDER = List.of(ADDRESSES_TRANSFERRED);

    public PoolResponse {
        Values.u32(time, "time");
        Values.u32(xid, "xid");
        Values.u32(addressesTransferred, "addresses-transferred");
    }

    @Override
    public FailoverMessageType type() {
        return FailoverMessageType.POOLRESP;
    }
}
