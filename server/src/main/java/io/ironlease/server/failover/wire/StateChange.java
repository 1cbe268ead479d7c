package io.ironlease.server.failover.wire;

import static io.ironlease.server.failover.wire.FailoverOptionCode.SERVER_FLAGS;
import static io.ironlease.server.failover.wire.FailoverOptionCode.SERVER_STATE;
import static io.ironlease.server.failover.wire.FailoverOptionCode.START_TIME_OF_STATE;

import java.util.List;
import java.util.OptionalInt;
import java.util.OptionalLong;

/**
 * STATE tells the partner the sender's failover state (§7.10): server-state, server-flags (1 =
 * STARTUP) and start-time-of-state, in that order as ISC sends them.
 */
public record StateChange(long time, long xid, OptionalInt serverState, OptionalInt serverFlags,
        OptionalLong startTimeOfState, FailoverOptions extra) implements FailoverMessage {

    public static final List<FailoverOptionCode> OPTION_ORDER = List.of(SERVER_STATE, SERVER_FLAGS, START_TIME_OF_STATE);

    /** server-flags bit for a server that is still in its STARTUP state (§12.23). */
    public static final int FLAG_STARTUP = 1;

    public StateChange {
        Values.u32(time, "time");
        Values.u32(xid, "xid");
        Values.u8(serverState, "server-state");
        Values.u8(serverFlags, "server-flags");
        Values.u32(startTimeOfState, "start-time-of-state");
    }

    public StateChange(long time, long xid, int serverState, int serverFlags, long startTimeOfState) {
        this(time, xid, OptionalInt.of(serverState), OptionalInt.of(serverFlags), OptionalLong.of(startTimeOfState),
                FailoverOptions.NONE);
    }

    public boolean startupFlag() {
        return serverFlags.isPresent() && (serverFlags.getAsInt() & FLAG_STARTUP) != 0;
    }

    @Override
    public FailoverMessageType type() {
        return FailoverMessageType.STATE;
    }
}
