/**
 * ISC dhcpd.leases, read and written as dhcpd 4.4.3 does.
 *
 * <ul>
 *   <li>{@link io.ironlease.shared.leases.LeaseFileReader} streams the declarations of a file
 *       ({@link io.ironlease.shared.leases.LeaseFileRecord}) to a consumer; its
 *       {@code readSummaries} fast path gives analyzers (address, state, starts, ends, hardware)
 *       without allocating per lease.</li>
 *   <li>{@link io.ironlease.shared.leases.LeaseTable} folds records into the live state, later records
 *       winning, as dhcpd does when it loads the file.</li>
 *   <li>{@link io.ironlease.shared.leases.LeaseFileWriter} appends records to a journal or writes a
 *       snapshot, byte for byte as dhcpd would.</li>
 *   <li>{@link io.ironlease.shared.leases.Lease} is the immutable lease value the server, OMAPI and
 *       the pools analyzer share.</li>
 * </ul>
 */
package io.ironlease.shared.leases;
