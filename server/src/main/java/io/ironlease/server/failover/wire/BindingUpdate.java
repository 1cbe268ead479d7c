package io.ironlease.server.failover.wire;

import static io.ironlease.server.failover.wire.FailoverOptionCode.ASSIGNED_IP_ADDRESS;
import static io.ironlease.server.failover.wire.FailoverOptionCode.BINDING_STATUS;
import static io.ironlease.server.failover.wire.FailoverOptionCode.CLIENT_HARDWARE_ADDRESS;
import static io.ironlease.server.failover.wire.FailoverOptionCode.CLIENT_IDENTIFIER;
import static io.ironlease.server.failover.wire.FailoverOptionCode.CLIENT_LAST_TRANSACTION_TIME;
import static io.ironlease.server.failover.wire.FailoverOptionCode.CLIENT_REPLY_OPTIONS;
import static io.ironlease.server.failover.wire.FailoverOptionCode.CLIENT_REQUEST_OPTIONS;
import static io.ironlease.server.failover.wire.FailoverOptionCode.DDNS;
import static io.ironlease.server.failover.wire.FailoverOptionCode.IP_FLAGS;
import static io.ironlease.server.failover.wire.FailoverOptionCode.LEASE_EXPIRATION_TIME;
import static io.ironlease.server.failover.wire.FailoverOptionCode.POTENTIAL_EXPIRATION_TIME;
import static io.ironlease.server.failover.wire.FailoverOptionCode.START_TIME_OF_STATE;

import io.ironlease.shared.net.Ipv4Address;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.OptionalLong;

/**
 * BNDUPD carries one binding (§7.1), options in ISC's order (server/failover.c
 * dhcp_failover_send_bind_update): assigned-IP-address, binding-status, client-identifier,
 * client-hardware-address (htype byte + address), lease-expiration-time, potential-expiration-time,
 * start-time-of-state, CLTT, IP-flags, then DDNS and the client option copies, which ISC never sends.
 * Every component is optional on the wire; a receiver rejects a BNDUPD without address or status with
 * reject-reason 3 rather than dropping the connection.
 */
public record BindingUpdate(long time, long xid, Optional<Ipv4Address> assignedAddress, OptionalInt bindingStatus,
        Optional<Bytes> clientIdentifier, Optional<Bytes> clientHardwareAddress, OptionalLong leaseExpirationTime,
        OptionalLong potentialExpirationTime, OptionalLong startTimeOfState, OptionalLong clientLastTransactionTime,
        OptionalInt ipFlags, Optional<Bytes> ddns, Optional<Bytes> clientRequestOptions,
        Optional<Bytes> clientReplyOptions, FailoverOptions extra) implements FailoverMessage {

    public static final List<FailoverOptionCode> OPTION_ORDER = List.of(ASSIGNED_IP_ADDRESS, BINDING_STATUS,
            CLIENT_IDENTIFIER, CLIENT_HARDWARE_ADDRESS, LEASE_EXPIRATION_TIME, POTENTIAL_EXPIRATION_TIME,
            START_TIME_OF_STATE, CLIENT_LAST_TRANSACTION_TIME, IP_FLAGS, DDNS, CLIENT_REQUEST_OPTIONS,
            CLIENT_REPLY_OPTIONS);

    /** IP-flags bits (§12.12). */
    public static final int IP_FLAG_RESERVE = 0x0001;
    public static final int IP_FLAG_BOOTP = 0x0002;

    public BindingUpdate {
        Values.u32(time, "time");
        Values.u32(xid, "xid");
        Values.u8(bindingStatus, "binding-status");
        Values.u32(leaseExpirationTime, "lease-expiration-time");
        Values.u32(potentialExpirationTime, "potential-expiration-time");
        Values.u32(startTimeOfState, "start-time-of-state");
        Values.u32(clientLastTransactionTime, "CLTT");
        Values.u16(ipFlags, "IP-flags");
    }

    @Override
    public FailoverMessageType type() {
        return FailoverMessageType.BNDUPD;
    }
}
