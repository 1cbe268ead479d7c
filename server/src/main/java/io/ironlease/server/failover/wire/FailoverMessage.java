package io.ironlease.server.failover.wire;

/**
 * One failover message (draft-ietf-dhc-failover-12 §6-7), one record per type ISC dhcpd 4.4 uses.
 * {@code time} is the sender's clock in Unix seconds and {@code xid} the sender's transaction id,
 * both u32. Options the record models are typed components, written in the order ISC sends them;
 * all other options ride along, in order, in {@link #extra()}.
 */
public sealed interface FailoverMessage permits PoolRequest, PoolResponse, BindingUpdate, BindingAck, Connect,
        ConnectAck, UpdateRequestAll, UpdateDone, UpdateRequest, StateChange, Contact, Disconnect {

    FailoverMessageType type();

    long time();

    long xid();

    FailoverOptions extra();
}
