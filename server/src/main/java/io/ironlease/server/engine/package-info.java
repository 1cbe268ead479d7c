/**
 * The lease-engine thread and what runs on it: {@link io.ironlease.server.engine.EngineExecutor} (its own
 * thread, or the DHCP sockets' event loop), {@link io.ironlease.server.engine.LeaseEngine} (state, commits
 * to the store, rollback, expiry and compaction) and {@link io.ironlease.server.engine.LeaseService}, the
 * API for OMAPI objects, the lease listing and the failover engine.
 */
package io.ironlease.server.engine;
