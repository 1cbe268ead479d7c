/**
 * The failover protocol joined to the DHCP engine: {@link io.ironlease.server.failover.engine.FailoverCoordinator}
 * runs one {@link io.ironlease.server.failover.runtime.FailoverRuntime} per {@code failover peer} on the
 * lease-engine thread and is the allocation engine's
 * {@link io.ironlease.server.alloc.LeaseOwnershipPolicy}.
 *
 * <p>What the DHCP engine asks (per pool of a peer, {@code PeerRelationship}): whether it answers a client
 * (failover state; in NORMAL the RFC 3074 hash with {@code split}/{@code hba} for DISCOVER, INIT-REBOOT
 * and REBINDING, unless secs exceed {@code load balance max seconds}); which idle addresses it may give
 * (FREE on the primary, BACKUP on the secondary, the rest in PARTNER-DOWN once MCLT has passed); the
 * lease time (the MCLT rule of draft §5.2.1); the potential expiration and rewind state each commit
 * records. What the runtime asks ({@code PeerHooks}): failover state records and the partner's bindings
 * go through the engine's group commit, so a STATE or BNDACK leaves only once on disk; UPDREQ/UPDREQALL
 * are answered from the engine's leases; pool balancing ({@code PoolBalancer}) hands addresses over.
 * Every committed change of a peer's pool goes to the partner as a lazy BNDUPD, the whole group at once.
 *
 * <p>Deliberate differences from ISC dhcpd 4.4.3: REBINDING requests (and relayed requests with ciaddr)
 * are load-balanced in NORMAL, so the pair does not send dueling updates; a REQUEST for an address the
 * partner may own is left unanswered rather than NAKed; a lease leaving ACTIVE rewinds to ACTIVE (the
 * partner may have heard of it), never straight back to free; the acknowledged potential expiration
 * (tsfp) is kept in memory and written with the lease's next change (a crash only shortens the next
 * grant and resends the update); a never-used address the partner reports FREE is not written again.
 */
package io.ironlease.server.failover.engine;
