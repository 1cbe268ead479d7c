/**
 * Where leases become durable: {@link io.ironlease.server.store.LeaseStore} and the embedded
 * {@link io.ironlease.server.store.JournalLeaseStore}, ISC's dhcpd.leases written with group commit and
 * compacted atomically; {@link io.ironlease.server.store.InMemoryLeaseStore} for tests.
 */
package io.ironlease.server.store;
