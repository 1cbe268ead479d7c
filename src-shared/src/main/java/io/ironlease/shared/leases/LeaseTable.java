package io.ironlease.shared.leases;

import io.ironlease.shared.net.Ipv4Address;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * The live state of a lease file: what dhcpd holds after reading it. Records apply in file order and the
 * later one wins: the latest lease per address, the latest host per name (a rubout removes it), the
 * latest group per name, the latest failover state per peer, the latest server DUID. Memory grows with
 * the live table, not with the file: leases sit in an open-addressing table keyed by the address bits.
 *
 * <p>Feed it from a reader ({@code reader.read(table)}) or put leases directly. Not thread-safe.
 */
public final class LeaseTable implements Consumer<LeaseFileRecord> {

    private final IntLeaseMap leases = new IntLeaseMap();
    private final Map<String, HostRecord> hosts = new LinkedHashMap<>();
    private final Map<String, HostRecord> hostRubouts = new LinkedHashMap<>();
    private final Map<String, GroupRecord> groups = new LinkedHashMap<>();
    private final Map<String, FailoverStateRecord> failoverStates = new LinkedHashMap<>();
    private final Map<String, RawRecord> rawRecords = new LinkedHashMap<>();
    private ServerDuidRecord serverDuid;
    private AuthoringByteOrderRecord byteOrder;

    /** Applies one record. */
    @Override
    public void accept(LeaseFileRecord record) {
        if (record instanceof LeaseRecord r) {
            leases.put(r.lease());
        } else if (record instanceof HostRecord h) {
            applyHost(h);
        } else if (record instanceof GroupRecord g) {
            if (g.deleted()) {
                groups.remove(g.name());
            } else {
                groups.put(g.name(), g);
            }
        } else if (record instanceof FailoverStateRecord f) {
            failoverStates.put(f.peerName(), f);
        } else if (record instanceof ServerDuidRecord d) {
            serverDuid = d;
        } else if (record instanceof AuthoringByteOrderRecord a) {
            byteOrder = a;
        } else if (record instanceof RawRecord raw) {
            rawRecords.put(raw.text(), raw);
        }
    }

    private void applyHost(HostRecord host) {
        if (!host.deleted()) {
            hosts.put(host.name(), host);
            hostRubouts.remove(host.name());
            return;
        }
        hosts.remove(host.name());
        if (host.dynamic()) {
            hostRubouts.remove(host.name());
        } else {
            // a deleted dhcpd.conf host: the rubout must outlive compaction, or the host comes back
            hostRubouts.put(host.name(), host);
        }
    }

    /** Adds or replaces the lease for its address. */
    public void put(Lease lease) {
        leases.put(lease);
    }

    public Optional<Lease> lease(Ipv4Address address) {
        return Optional.ofNullable(leases.get(address.bits()));
    }

    public Optional<Lease> remove(Ipv4Address address) {
        return Optional.ofNullable(leases.remove(address.bits()));
    }

    public int leaseCount() {
        return leases.size();
    }

    /** Visits every lease, in no particular order, without copying. */
    public void forEachLease(Consumer<? super Lease> action) {
        leases.forEach(action);
    }

    /** All leases ordered by address (a copy). */
    public List<Lease> leases() {
        List<Lease> all = new ArrayList<>(leases.size());
        leases.forEach(all::add);
        all.sort(Comparator.comparingInt(l -> l.ipBits() ^ Integer.MIN_VALUE)); // unsigned address order
        return all;
    }

    /** Live hosts by name, in the order they were last written. */
    public Collection<HostRecord> hosts() {
        return Collections.unmodifiableCollection(hosts.values());
    }

    public Optional<HostRecord> host(String name) {
        return Optional.ofNullable(hosts.get(name));
    }

    /** Rubouts of hosts that are not dynamic (dhcpd.conf hosts deleted through OMAPI). */
    public Collection<HostRecord> hostRubouts() {
        return Collections.unmodifiableCollection(hostRubouts.values());
    }

    public Collection<GroupRecord> groups() {
        return Collections.unmodifiableCollection(groups.values());
    }

    public Optional<GroupRecord> group(String name) {
        return Optional.ofNullable(groups.get(name));
    }

    public Collection<FailoverStateRecord> failoverStates() {
        return Collections.unmodifiableCollection(failoverStates.values());
    }

    public Optional<FailoverStateRecord> failoverState(String peerName) {
        return Optional.ofNullable(failoverStates.get(peerName));
    }

    public Optional<byte[]> serverDuid() {
        return serverDuid == null ? Optional.empty() : Optional.of(serverDuid.duid());
    }

    /** The file's byte order; little-endian (what dhcpd writes on x86) when the file named none. */
    public AuthoringByteOrderRecord authoringByteOrder() {
        return byteOrder != null ? byteOrder : AuthoringByteOrderRecord.LITTLE_ENDIAN;
    }

    /** Class, subclass and DHCPv6 records, each kept once. */
    public Collection<RawRecord> rawRecords() {
        return Collections.unmodifiableCollection(rawRecords.values());
    }
}
