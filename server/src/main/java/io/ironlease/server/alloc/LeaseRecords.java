package io.ironlease.server.alloc;

import io.ironlease.shared.leases.BindingState;
import io.ironlease.shared.leases.Lease;
import io.ironlease.shared.leases.LeaseTime;
import io.ironlease.shared.net.Ipv4Address;

/**
 * The lease records dhcpd 4.4.3 writes for each transition without failover (checked against its
 * files): an ACK (active, next and rewind free, client identity and host name), a release (free,
 * ends and tstp now, identity kept so the client can come back to it), a decline (abandoned for
 * abandon-lease-time, identity dropped) and an expiry (the next binding state, identity kept).
 */
final class LeaseRecords {

    private LeaseRecords() {
    }

    static Lease bound(Ipv4Address address, Lease previous, ClientId client, String hostname, long now,
            long leaseSeconds, BindingState next, boolean bootp) {
        Lease.Builder b = previous != null && client.owns(previous) ? previous.toBuilder() : Lease.builder(address);
        b.starts(now).ends(leaseSeconds >= ScopeParams.INFINITE ? LeaseTime.NEVER : now + leaseSeconds).cltt(now)
                .tstp(LeaseTime.UNSET).tsfp(LeaseTime.UNSET).atsfp(LeaseTime.UNSET)
                .bindingState(BindingState.ACTIVE).nextBindingState(next).rewindBindingState(BindingState.FREE)
                .hardware(client.hardware()).uid(client.hasUid() ? client.uidBytes() : null).bootp(bootp)
                .reserved(false);
        if (hostname != null && !hostname.isEmpty()) {
            b.clientHostname(hostname);
        } else if (previous == null || !client.owns(previous)) {
            b.clientHostname(null);
        }
        return b.build();
    }

    static Lease released(Lease lease, BindingState state, long now) {
        return lease.toBuilder().ends(now).tstp(now).bindingState(state).nextBindingState(state)
                .rewindBindingState(state).clientHostname(null).build();
    }

    static Lease abandoned(Ipv4Address address, Lease previous, long now, long abandonSeconds) {
        long starts = previous != null && previous.starts() != LeaseTime.UNSET ? previous.starts() : now;
        long cltt = previous != null && previous.cltt() != LeaseTime.UNSET ? previous.cltt() : now;
        return Lease.builder(address).starts(starts).ends(now + abandonSeconds).tstp(now + abandonSeconds).cltt(cltt)
                .bindingState(BindingState.ABANDONED).nextBindingState(BindingState.FREE)
                .rewindBindingState(BindingState.FREE).build();
    }

    static Lease expired(Lease lease, BindingState state) {
        Lease.Builder b = lease.toBuilder().bindingState(state).nextBindingState(state).rewindBindingState(state)
                .clientHostname(null);
        if (lease.bindingState() == BindingState.ABANDONED) {
            b.hardware(null).uid(null);
        }
        return b.build();
    }
}
