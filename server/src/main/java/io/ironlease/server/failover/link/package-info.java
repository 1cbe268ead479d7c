/**
 * The failover peer link: the TCP connections of one relationship on Netty (epoll when available),
 * framed with {@code LengthFieldBasedFrameDecoder} and the pure
 * {@link io.ironlease.server.failover.wire.FailoverCodec}, reporting connection and message events
 * with a {@link io.ironlease.server.failover.LinkId} on the lease-engine executor. It decides nothing
 * about the protocol: {@link io.ironlease.server.failover.runtime.FailoverRuntime} feeds its events to
 * the state machine and applies the machine's Send, CloseConnection and OpenConnection actions here.
 */
package io.ironlease.server.failover.link;
