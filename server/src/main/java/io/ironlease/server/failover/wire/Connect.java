package io.ironlease.server.failover.wire;

import static io.ironlease.server.failover.wire.FailoverOptionCode.HASH_BUCKET_ASSIGNMENT;
import static io.ironlease.server.failover.wire.FailoverOptionCode.MAX_UNACKED_BNDUPD;
import static io.ironlease.server.failover.wire.FailoverOptionCode.MCLT;
import static io.ironlease.server.failover.wire.FailoverOptionCode.PROTOCOL_VERSION;
import static io.ironlease.server.failover.wire.FailoverOptionCode.RECEIVE_TIMER;
import static io.ironlease.server.failover.wire.FailoverOptionCode.RELATIONSHIP_NAME;
import static io.ironlease.server.failover.wire.FailoverOptionCode.TLS_REQUEST;
import static io.ironlease.server.failover.wire.FailoverOptionCode.VENDOR_CLASS;

import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.OptionalLong;

/**
 * CONNECT opens the relationship (§7.8). ISC's primary always sends it, whichever side opened the
 * TCP connection, with the options in this order: relationship-name, max-unacked-bndupd,
 * receive-timer, vendor-class, protocol-version, TLS-request, MCLT, hash-bucket-assignment.
 */
public record Connect(long time, long xid, Optional<String> relationshipName, OptionalLong maxUnacked,
        OptionalLong receiveTimer, Optional<String> vendorClass, OptionalInt protocolVersion, OptionalInt tlsRequest,
        OptionalLong mclt, Optional<Bytes> hashBucketAssignment, FailoverOptions extra) implements FailoverMessage {

    public static final List<FailoverOptionCode> OPTION_ORDER = List.of(RELATIONSHIP_NAME, MAX_UNACKED_BNDUPD,
            RECEIVE_TIMER, VENDOR_CLASS, PROTOCOL_VERSION, TLS_REQUEST, MCLT, HASH_BUCKET_ASSIGNMENT);

    public Connect {
        Values.u32(time, "time");
        Values.u32(xid, "xid");
        Values.text(relationshipName, "relationship-name");
        Values.u32(maxUnacked, "max-unacked-bndupd");
        Values.u32(receiveTimer, "receive-timer");
        Values.text(vendorClass, "vendor-class");
        Values.u8(protocolVersion, "protocol-version");
        Values.u8(tlsRequest, "TLS-request");
        Values.u32(mclt, "MCLT");
    }

    @Override
    public FailoverMessageType type() {
        return FailoverMessageType.CONNECT;
    }
}
