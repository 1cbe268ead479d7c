package io.ironlease.server.omapi;

import io.ironlease.omapi.server.HandleRegistry;
import io.ironlease.omapi.server.ObjectProvider;
import io.ironlease.omapi.wire.OmapiException;
import io.ironlease.omapi.wire.OmapiStatus;
import io.ironlease.omapi.wire.OmapiValues;
import io.ironlease.server.alloc.PoolPlan;
import io.ironlease.server.alloc.SubnetPlan;
import io.ironlease.server.engine.LeaseService;
import io.ironlease.server.engine.LeaseService.LeaseInfo;
import io.ironlease.shared.leases.BindingState;
import io.ironlease.shared.leases.Lease;
import io.ironlease.shared.net.HardwareAddress;
import io.ironlease.shared.net.Ipv4Address;
import java.time.Clock;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Executor;

/**
 * The OMAPI {@code lease} object over the lease engine. Lookup keys in dhcpd's order: ip-address,
 * dhcp-client-identifier, hardware-address (with hardware-type, Ethernet when absent); keys that name
 * different leases give 0x60007, none at all 27 "can't create new object" (e.g. client-hostname
 * alone), an address in a range that no client ever used a free lease with every time 0, as dhcpd.
 * Leases cannot be created or deleted (27). Updates: see {@link LeaseEdit}.
 *
 * <p>Where several leases carry the same client identifier or hardware address, dhcpd 4.4 answers
 * 0x60006 "multiple"; we answer with the one active lease, or the latest one when none is active,
 * and keep 0x60006 for two active leases of one client.
 */
public final class LeaseProvider implements ObjectProvider<Ipv4Address> {

    public static final String TYPE = "lease";
    /** Types of the handles a lease refers to; OMAPI cannot open them (23 "no matching handle"). */
    static final String SUBNET = "subnet";
    static final String POOL = "pool";

    private final LeaseService leases;
    private final HandleRegistry handles;
    private final Clock clock;

    public LeaseProvider(LeaseService leases, HandleRegistry handles, Clock clock) {
        this.leases = leases;
        this.handles = handles;
        this.clock = clock;
    }

    @Override
    public String type() {
        return TYPE;
    }

    @Override
    public Optional<Executor> executor() {
        return Optional.of(leases.executor());
    }

    @Override
    public Optional<Ipv4Address> lookup(OmapiValues keys) throws OmapiException {
        Ipv4Address found = null;
        Optional<byte[]> ip = keys.data("ip-address");
        if (ip.isPresent()) {
            if (ip.get().length != 4) {
                return Optional.empty();
            }
            found = Ipv4Address.fromBytes(ip.get());
            if (current(found).isEmpty()) {
                return Optional.empty();
            }
        }
        Optional<byte[]> uid = keys.data("dhcp-client-identifier");
        if (uid.isPresent()) {
            found = narrow(found, pick(leases.leasesByClientId(uid.get())));
            if (found == null) {
                return Optional.empty();
            }
        }
        Optional<HardwareAddress> hardware = keys.hardwareAddress();
        if (hardware.isPresent()) {
            found = narrow(found, pick(leases.leasesByHardware(hardware.get())));
            if (found == null) {
                return Optional.empty();
            }
        }
        if (found == null) {
            throw new OmapiException(OmapiStatus.NO_KEYS);
        }
        return Optional.of(found);
    }

    /** dhcpd: a key that names another lease than the keys before it is a conflict, even when it names none. */
    private static Ipv4Address narrow(Ipv4Address before, Ipv4Address now) throws OmapiException {
        if (before != null && !before.equals(now)) {
            throw new OmapiException(OmapiStatus.KEY_CONFLICT);
        }
        return now;
    }

    private static Ipv4Address pick(List<LeaseInfo> candidates) throws OmapiException {
        if (candidates.isEmpty()) {
            return null;
        }
        if (candidates.size() == 1) {
            return candidates.get(0).lease().ip();
        }
        List<Lease> active = candidates.stream().map(LeaseInfo::lease)
                .filter(l -> l.bindingState() == BindingState.ACTIVE).toList();
        if (active.size() > 1) {
            throw new OmapiException(OmapiStatus.MULTIPLE, "object lookup failed: " + active.size()
                    + " active leases match");
        }
        if (active.size() == 1) {
            return active.get(0).ip();
        }
        return candidates.stream().map(LeaseInfo::lease)
                .max(Comparator.comparingLong(Lease::ends).thenComparingLong(Lease::cltt)).orElseThrow().ip();
    }

    /** The lease of an address: its record, or the never-used free lease of a range address. */
    private Optional<Lease> current(Ipv4Address address) {
        Optional<LeaseInfo> info = leases.leaseByAddress(address);
        if (info.isPresent()) {
            return Optional.of(info.get().lease());
        }
        return poolOf(address).map(pool -> LeaseAttributes.unused(address));
    }

    private Optional<PoolPlan> poolOf(Ipv4Address address) {
        for (PoolPlan pool : leases.pools()) {
            for (var range : pool.ranges()) {
                if (range.contains(address)) {
                    return Optional.of(pool);
                }
            }
        }
        return Optional.empty();
    }

    @Override
    public void update(Ipv4Address address, OmapiValues values) throws OmapiException {
        Optional<Lease> recorded = leases.leaseByAddress(address).map(LeaseInfo::lease);
        Lease current = recorded.orElseGet(() -> LeaseAttributes.unused(address));
        LeaseEdit edit = LeaseEdit.parse(current, values, clock.instant().getEpochSecond());
        if (recorded.isEmpty()) {
            leases.applyPeerBinding(current);
        }
        Lease after = current;
        if (edit.engineUpdate().isPresent()) {
            after = leases.updateLease(address, edit.engineUpdate().get()).lease();
        }
        // dhcpd stores the object's handle in the lease's scope after every update (OMAPI-NOTES section 9)
        Lease finished = edit.finish(after, handles.handleFor(TYPE, address));
        if (!finished.equals(after)) {
            leases.applyPeerBinding(finished);
        }
    }

    /** dhcpd: a lease cannot be deleted; 27 with no message. */
    @Override
    public void remove(Ipv4Address address) throws OmapiException {
        throw new OmapiException(OmapiStatus.NOT_IMPLEMENTED);
    }

    @Override
    public OmapiValues render(Ipv4Address address, HandleRegistry registry) throws OmapiException {
        Optional<LeaseInfo> info = leases.leaseByAddress(address);
        Lease lease;
        Optional<SubnetPlan> subnet;
        Optional<PoolPlan> pool;
        if (info.isPresent()) {
            lease = info.get().lease();
            subnet = info.get().subnet();
            pool = info.get().pool();
        } else {
            pool = poolOf(address);
            if (pool.isEmpty()) {
                throw new OmapiException(OmapiStatus.NOT_FOUND);
            }
            lease = LeaseAttributes.unused(address);
            subnet = Optional.of(pool.get().subnet());
        }
        // dhcpd numbers the subnet before the pool when a lease is first sent
        int subnetHandle = subnet.map(s -> registry.handleFor(SUBNET, s)).orElse(0);
        int poolHandle = pool.map(p -> registry.handleFor(POOL, p)).orElse(0);
        return LeaseAttributes.render(lease, subnetHandle, poolHandle);
    }

    @Override
    public CompletionStage<Void> whenDurable() {
        return leases.whenDurable();
    }
}
