package io.ironlease.server.failover.wire;

import static io.ironlease.server.failover.wire.FailoverOptionCode.ADDRESSES_TRANSFERRED;
import static io.ironlease.server.failover.wire.FailoverOptionCode.ASSIGNED_IP_ADDRESS;
import static io.ironlease.server.failover.wire.FailoverOptionCode.BINDING_STATUS;
import static io.ironlease.server.failover.wire.FailoverOptionCode.CLIENT_HARDWARE_ADDRESS;
import static io.ironlease.server.failover.wire.FailoverOptionCode.CLIENT_IDENTIFIER;
import static io.ironlease.server.failover.wire.FailoverOptionCode.CLIENT_LAST_TRANSACTION_TIME;
import static io.ironlease.server.failover.wire.FailoverOptionCode.CLIENT_REPLY_OPTIONS;
import static io.ironlease.server.failover.wire.FailoverOptionCode.CLIENT_REQUEST_OPTIONS;
import static io.ironlease.server.failover.wire.FailoverOptionCode.DDNS;
import static io.ironlease.server.failover.wire.FailoverOptionCode.HASH_BUCKET_ASSIGNMENT;
import static io.ironlease.server.failover.wire.FailoverOptionCode.IP_FLAGS;
import static io.ironlease.server.failover.wire.FailoverOptionCode.LEASE_EXPIRATION_TIME;
import static io.ironlease.server.failover.wire.FailoverOptionCode.MAX_UNACKED_BNDUPD;
import static io.ironlease.server.failover.wire.FailoverOptionCode.MCLT;
import static io.ironlease.server.failover.wire.FailoverOptionCode.MESSAGE;
import static io.ironlease.server.failover.wire.FailoverOptionCode.POTENTIAL_EXPIRATION_TIME;
import static io.ironlease.server.failover.wire.FailoverOptionCode.PROTOCOL_VERSION;
import static io.ironlease.server.failover.wire.FailoverOptionCode.RECEIVE_TIMER;
import static io.ironlease.server.failover.wire.FailoverOptionCode.REJECT_REASON;
import static io.ironlease.server.failover.wire.FailoverOptionCode.RELATIONSHIP_NAME;
import static io.ironlease.server.failover.wire.FailoverOptionCode.SERVER_FLAGS;
import static io.ironlease.server.failover.wire.FailoverOptionCode.SERVER_STATE;
import static io.ironlease.server.failover.wire.FailoverOptionCode.START_TIME_OF_STATE;
import static io.ironlease.server.failover.wire.FailoverOptionCode.TLS_REPLY;
import static io.ironlease.server.failover.wire.FailoverOptionCode.TLS_REQUEST;
import static io.ironlease.server.failover.wire.FailoverOptionCode.VENDOR_CLASS;

import java.util.List;

/** Per-type option layouts: raw options to records and back, in each record's OPTION_ORDER. */
final class MessageBodies {

    private MessageBodies() {
    }

    static List<FailoverOptionCode> order(FailoverMessageType type) {
        return switch (type) {
            case POOLREQ -> PoolRequest.OPTION_ORDER;
            case POOLRESP -> PoolResponse.OPTION_ORDER;
            case BNDUPD -> BindingUpdate.OPTION_ORDER;
            case BNDACK -> BindingAck.OPTION_ORDER;
            case CONNECT -> Connect.OPTION_ORDER;
            case CONNECTACK -> ConnectAck.OPTION_ORDER;
            case UPDREQALL -> UpdateRequestAll.OPTION_ORDER;
            case UPDDONE -> UpdateDone.OPTION_ORDER;
            case UPDREQ -> UpdateRequest.OPTION_ORDER;
            case STATE -> StateChange.OPTION_ORDER;
            case CONTACT -> Contact.OPTION_ORDER;
            case DISCONNECT -> Disconnect.OPTION_ORDER;
        };
    }

    static FailoverMessage decode(FailoverMessageType type, long time, long xid, List<RawOption> options,
            int[] offsets) throws FailoverProtocolException {
        OptionReader r = new OptionReader(options, offsets, order(type));
        return switch (type) {
            case POOLREQ -> new PoolRequest(time, xid, r.extra());
            case POOLRESP -> new PoolResponse(time, xid, r.u32(ADDRESSES_TRANSFERRED), r.extra());
            case BNDUPD -> new BindingUpdate(time, xid, r.ipv4(ASSIGNED_IP_ADDRESS), r.u8(BINDING_STATUS),
                    r.bytes(CLIENT_IDENTIFIER), r.bytes(CLIENT_HARDWARE_ADDRESS), r.u32(LEASE_EXPIRATION_TIME),
                    r.u32(POTENTIAL_EXPIRATION_TIME), r.u32(START_TIME_OF_STATE), r.u32(CLIENT_LAST_TRANSACTION_TIME),
                    r.u16(IP_FLAGS), r.bytes(DDNS), r.bytes(CLIENT_REQUEST_OPTIONS), r.bytes(CLIENT_REPLY_OPTIONS),
                    r.extra());
            case BNDACK -> new BindingAck(time, xid, r.ipv4(ASSIGNED_IP_ADDRESS), r.u8(REJECT_REASON),
                    r.text(MESSAGE), r.extra());
            case CONNECT -> new Connect(time, xid, r.text(RELATIONSHIP_NAME), r.u32(MAX_UNACKED_BNDUPD),
                    r.u32(RECEIVE_TIMER), r.text(VENDOR_CLASS), r.u8(PROTOCOL_VERSION), r.u8(TLS_REQUEST),
                    r.u32(MCLT), r.bytes(HASH_BUCKET_ASSIGNMENT), r.extra());
            case CONNECTACK -> new ConnectAck(time, xid, r.text(RELATIONSHIP_NAME), r.u32(MAX_UNACKED_BNDUPD),
                    r.u32(RECEIVE_TIMER), r.text(VENDOR_CLASS), r.u8(PROTOCOL_VERSION), r.u8(TLS_REPLY),
                    r.u8(REJECT_REASON), r.text(MESSAGE), r.extra());
            case UPDREQALL -> new UpdateRequestAll(time, xid, r.extra());
            case UPDDONE -> new UpdateDone(time, xid, r.extra());
            case UPDREQ -> new UpdateRequest(time, xid, r.extra());
            case STATE -> new StateChange(time, xid, r.u8(SERVER_STATE), r.u8(SERVER_FLAGS),
                    r.u32(START_TIME_OF_STATE), r.extra());
            case CONTACT -> new Contact(time, xid, r.extra());
            case DISCONNECT -> new Disconnect(time, xid, r.u8(REJECT_REASON), r.text(MESSAGE), r.extra());
        };
    }

    static List<RawOption> encode(FailoverMessage message) {
        OptionWriter w = new OptionWriter();
        if (message instanceof PoolResponse m) {
            w.u32(ADDRESSES_TRANSFERRED, m.addressesTransferred());
        } else if (message instanceof BindingUpdate m) {
            w.ipv4(ASSIGNED_IP_ADDRESS, m.assignedAddress()).u8(BINDING_STATUS, m.bindingStatus())
                    .bytes(CLIENT_IDENTIFIER, m.clientIdentifier()).bytes(CLIENT_HARDWARE_ADDRESS, m.clientHardwareAddress())
                    .u32(LEASE_EXPIRATION_TIME, m.leaseExpirationTime())
                    .u32(POTENTIAL_EXPIRATION_TIME, m.potentialExpirationTime())
                    .u32(START_TIME_OF_STATE, m.startTimeOfState())
                    .u32(CLIENT_LAST_TRANSACTION_TIME, m.clientLastTransactionTime()).u16(IP_FLAGS, m.ipFlags())
                    .bytes(DDNS, m.ddns()).bytes(CLIENT_REQUEST_OPTIONS, m.clientRequestOptions())
                    .bytes(CLIENT_REPLY_OPTIONS, m.clientReplyOptions());
        } else if (message instanceof BindingAck m) {
            w.ipv4(ASSIGNED_IP_ADDRESS, m.assignedAddress()).u8(REJECT_REASON, m.rejectReason())
                    .text(MESSAGE, m.message());
        } else if (message instanceof Connect m) {
            w.text(RELATIONSHIP_NAME, m.relationshipName()).u32(MAX_UNACKED_BNDUPD, m.maxUnacked())
                    .u32(RECEIVE_TIMER, m.receiveTimer()).text(VENDOR_CLASS, m.vendorClass())
                    .u8(PROTOCOL_VERSION, m.protocolVersion()).u8(TLS_REQUEST, m.tlsRequest()).u32(MCLT, m.mclt())
                    .bytes(HASH_BUCKET_ASSIGNMENT, m.hashBucketAssignment());
        } else if (message instanceof ConnectAck m) {
            w.text(RELATIONSHIP_NAME, m.relationshipName()).u32(MAX_UNACKED_BNDUPD, m.maxUnacked())
                    .u32(RECEIVE_TIMER, m.receiveTimer()).text(VENDOR_CLASS, m.vendorClass())
                    .u8(PROTOCOL_VERSION, m.protocolVersion()).u8(TLS_REPLY, m.tlsReply())
                    .u8(REJECT_REASON, m.rejectReason()).text(MESSAGE, m.message());
        } else if (message instanceof StateChange m) {
            w.u8(SERVER_STATE, m.serverState()).u8(SERVER_FLAGS, m.serverFlags())
                    .u32(START_TIME_OF_STATE, m.startTimeOfState());
        } else if (message instanceof Disconnect m) {
            w.u8(REJECT_REASON, m.rejectReason()).text(MESSAGE, m.message());
        }
        return w.finish(message.extra());
    }
}
