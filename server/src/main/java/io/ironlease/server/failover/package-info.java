/**
 * The DHCP failover protocol of draft-ietf-dhc-failover-12 as ISC dhcpd 4.4.3 speaks it: pure
 * protocol logic, no sockets, files or clocks.
 *
 * <ul>
 *   <li>{@link io.ironlease.server.failover.FailoverStateMachine}: one relationship; feed it
 *       {@link io.ironlease.server.failover.FailoverEvent}s with the current time, apply the
 *       {@link io.ironlease.server.failover.FailoverAction}s it returns, in order.</li>
 *   <li>{@link io.ironlease.server.failover.LeaseOwnership},
 *       {@link io.ironlease.server.failover.PoolBalance}, {@link io.ironlease.server.failover.LoadBalanceHash}:
 *       what the DHCP engine may allocate, for how long, to whom, and what it does with the
 *       partner's binding updates.</li>
 *   <li>{@link io.ironlease.server.failover.wire}: message records and the byte codec.</li>
 * </ul>
 *
 * <p>Integration contract (implemented by {@link io.ironlease.server.failover.runtime.FailoverRuntime}
 * and {@link io.ironlease.server.failover.link.PeerLink}; the lease engine plugs in through
 * {@link io.ironlease.server.failover.runtime.FailoverEngineHooks}): run the machine
 * on the lease-engine thread; give every TCP connection a {@link io.ironlease.server.failover.LinkId};
 * frame with {@code LengthFieldBasedFrameDecoder} using the {@code FailoverCodec.FRAME_*} constants
 * and report undecodable bytes as {@code ProtocolError}; schedule {@code StartTimer} and deliver
 * {@code TimerFired} (stale firings are ignored); commit {@code PersistState} and accepted bindings
 * before the messages that follow them go out (durable before acknowledged).
 *
 * <p>Where this core is stricter than ISC, to never bind one address to two clients (found by the
 * pair property test): an older ACTIVE binding never overwrites a newer one; an expiry or release
 * about another client never frees an active lease; PARTNER-DOWN always restarts its MCLT clock;
 * transitional leases in partner-down wait MCLT past the potential expiration sent to the partner
 * (§9.4.2); expirations are rounded up to the second on the wire; a FREE or BACKUP update from the
 * primary does not end an active lease whose client still holds it (a pool-balancing BNDUPD that
 * crossed the secondary's grant, found by the two-process takeover test). A CONNECT between two
 * primaries is refused (reject-reason 8) where ISC half-connects.
 */
package io.ironlease.server.failover;
