package io.ironlease.shared.leases;

/**
 * One top-level declaration of a dhcpd.leases file, in the order the file holds them. A reader hands
 * them out one at a time; {@link LeaseTable} folds them into the live state.
 */
public sealed interface LeaseFileRecord
        permits LeaseRecord, HostRecord, GroupRecord, FailoverStateRecord, ServerDuidRecord,
        AuthoringByteOrderRecord, RawRecord {
}
