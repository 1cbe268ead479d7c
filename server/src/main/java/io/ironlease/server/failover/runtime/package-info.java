/**
 * The failover relationship at run time: {@link io.ironlease.server.failover.runtime.FailoverRuntime}
 * runs the pure {@link io.ironlease.server.failover.FailoverStateMachine} on the lease-engine thread,
 * with its timers on that thread's scheduler and an injected clock, its connections through the
 * {@link io.ironlease.server.failover.link.PeerLink}, and the lease engine's part behind
 * {@link io.ironlease.server.failover.runtime.FailoverEngineHooks}.
 *
 * <p>Wiring (ServerMain, per {@code failover peer} of dhcpd.conf): settings from
 * {@link io.ironlease.server.failover.runtime.FailoverMapping#settings}; the start state from the last
 * {@code failover peer "X" state} record of dhcpd.leases via
 * {@link io.ironlease.server.failover.runtime.FailoverMapping#persisted}; {@code FailoverRuntime.open(...)}
 * then {@code start(persisted)}. The engine reads {@code status()} to decide what it may serve
 * ({@link io.ironlease.server.failover.LeaseOwnership}, {@link io.ironlease.server.failover.FailoverStatus#servesLocally})
 * and reports every committed binding change with {@code leaseChanged}; OMAPI's failover-state object
 * reads {@code status()} and calls {@code adminSetState}.
 *
 * <p>Durable before acknowledged (DESIGN.md decision 4): a message the machine produces after a
 * PersistState leaves only once the engine's stage for that record completed; a BNDACK only once the
 * engine reported the binding stored; a BNDUPD from pool balancing only once the handed-over binding
 * is committed.
 */
package io.ironlease.server.failover.runtime;
