package io.ironlease.server.failover.wire;

import static io.ironlease.server.failover.wire.FailoverOptionCode.ASSIGNED_IP_ADDRESS;
import static io.ironlease.server.failover.wire.FailoverOptionCode.MESSAGE;
import static io.ironlease.server.failover.wire.FailoverOptionCode.REJECT_REASON;

import io.ironlease.shared.net.Ipv4Address;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * BNDACK answers one BNDUPD with the same xid (§7.2). ISC sends only assigned-IP-address when it
 * accepts, and adds reject-reason and message when it refuses; any other option is kept in extra.
 */
public record BindingAck(long time, long xid, Optional<Ipv4Address> assignedAddress, OptionalInt rejectReason,
        Optional<String> message, FailoverOptions extra) implements FailoverMessage {

    public static final List<FailoverOptionCode> OPTION_ORDER = List.of(ASSIGNED_IP_ADDRESS, REJECT_REASON, MESSAGE);

    public BindingAck {
        Values.u32(time, "time");
        Values.u32(xid, "xid");
        Values.u8(rejectReason, "reject-reason");
        Values.text(message, "message");
    }

    /** An acceptance, as ISC writes it: assigned-IP-address only. */
    public static BindingAck accept(long time, long xid, Ipv4Address address) {
        return new BindingAck(time, xid, Optional.of(address), OptionalInt.empty(), Optional.empty(),
                FailoverOptions.NONE);
    }

    /** A refusal with its reason code and text (ISC: assigned-IP-address, reject-reason, message). */
    public static BindingAck reject(long time, long xid, Ipv4Address address, int reason, String message) {
        return new BindingAck(time, xid, Optional.of(address), OptionalInt.of(reason), Optional.of(message),
                FailoverOptions.NONE);
    }

    public boolean rejected() {
        return rejectReason.isPresent();
    }

    @Override
    public FailoverMessageType type() {
        return FailoverMessageType.BNDACK;
    }
}
