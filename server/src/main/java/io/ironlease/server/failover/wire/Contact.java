package io.ironlease.server.failover.wire;

import java.util.List;

/** CONTACT is the keepalive sent when nothing else went out for a while (§7.11). */
public record Contact(long time, long xid, FailoverOptions extra) implements FailoverMessage {

    /** Options this type models, in the order they are written: none. */
    public static final List<FailoverOptionCode> OPTION_ORDER = List.of();

    public Contact {
        Values.u32(time, "time");
        Values.u32(xid, "xid");
    }

    public Contact(long time, long xid) {
        this(time, xid, FailoverOptions.NONE);
    }

    @Override
    public FailoverMessageType type() {
        return FailoverMessageType.CONTACT;
    }
}
