/**
 * Address allocation, pure: {@link io.ironlease.server.alloc.AllocationEngine} decides offers and
 * bindings from the configuration's {@link io.ironlease.server.alloc.AddressPlan} (networks, subnets,
 * pools, range slots with free, backup and abandoned sets), the {@link io.ironlease.server.alloc.HostTable}
 * and a client index, with no I/O and no clock of its own; one thread owns it. The failover hook is
 * {@link io.ironlease.server.alloc.LeaseOwnershipPolicy}.
 */
package io.ironlease.server.alloc;
