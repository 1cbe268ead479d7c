package io.ironlease.server.omapi;

import io.ironlease.omapi.server.HandleRegistry;
import io.ironlease.omapi.server.ObjectProvider;
import io.ironlease.omapi.wire.OmapiException;
import io.ironlease.omapi.wire.OmapiStatus;
import io.ironlease.omapi.wire.OmapiValues;
import io.ironlease.server.alloc.HostEntry;
import io.ironlease.server.engine.LeaseEngine;
import io.ironlease.server.engine.LeaseService;
import io.ironlease.shared.leases.HostRecord;
import io.ironlease.shared.leases.Lease;
import io.ironlease.shared.net.HardwareAddress;
import io.ironlease.shared.net.Ipv4Address;
import io.ironlease.shared.options.HostRef;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The OMAPI {@code host} object: dhcpd.conf hosts and the hosts OMAPI declared, kept by the lease
 * engine and written to the lease file as dhcpd writes them (OMAPI-NOTES section 8): a new host as
 * {@code host NAME { dynamic; ... }}, a change as a rubout ({@code deleted;}) followed by the new
 * declaration, a removal as a rubout, so they survive a restart and ISC dhcpd reads them too.
 *
 * <p>Lookup keys in dhcpd's order: dhcp-client-identifier, hardware-address (+hardware-type),
 * ip-address (the host of the lease's hardware address, not the fixed address), name; keys naming
 * different hosts give 0x60007. Create takes name, hardware-address, hardware-type, ip-address (the
 * fixed address), dhcp-client-identifier, statements, group and known; another name is 0x60020, a
 * taken name 18, no hardware address and no client identifier 0x60003; without a name one is made
 * up as dhcpd does ({@code nh...}). Update: ip-address, group, and a hardware address, client
 * identifier or statements the host does not have yet; name, or any of those it has, is 18.
 */
public final class HostProvider implements ObjectProvider<String> {

    public static final String TYPE = "host";

    private final LeaseService leases;
    private final LeaseEngine engine;
    private final GroupProvider groups;
    private final Clock clock;
    private final AtomicInteger madeUp = new AtomicInteger();

    public HostProvider(LeaseService leases, LeaseEngine engine, GroupProvider groups, Clock clock) {
        this.leases = leases;
        this.engine = engine;
        this.groups = groups;
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
    public Optional<String> lookup(OmapiValues keys) throws OmapiException {
        String found = null;
        Optional<byte[]> uid = keys.data("dhcp-client-identifier");
        if (uid.isPresent()) {
            found = narrow(found, first(leases.hostsByClientId(uid.get())));
            if (found == null) {
                return Optional.empty();
            }
        }
        Optional<HardwareAddress> hardware = keys.hardwareAddress();
        if (hardware.isPresent()) {
            found = narrow(found, first(leases.hostsByHardware(hardware.get())));
            if (found == null) {
                return Optional.empty();
            }
        }
        Optional<byte[]> ip = keys.data("ip-address");
        if (ip.isPresent()) {
            // dhcpd finds the lease of the address, then the host of that lease's hardware address
            Optional<Lease> lease = ip.get().length == 4
                    ? leases.leaseByAddress(Ipv4Address.fromBytes(ip.get())).map(LeaseService.LeaseInfo::lease)
                    : Optional.empty();
            String host = lease.flatMap(Lease::hardware).map(leases::hostsByHardware).map(HostProvider::first)
                    .orElse(null);
            if (lease.isEmpty() && found == null) {
                return Optional.empty();
            }
            if (host != null && found != null && !found.equals(host)) {
                throw new OmapiException(OmapiStatus.KEY_CONFLICT);
            }
            if (host == null && found == null) {
                return Optional.empty();
            }
            found = found != null ? found : host;
        }
        Optional<String> name = keys.string("name");
        if (name.isPresent()) {
            found = narrow(found, leases.hostByName(name.get()).map(HostEntry::name).orElse(null));
            if (found == null) {
                return Optional.empty();
            }
        }
        if (found == null) {
            throw new OmapiException(OmapiStatus.NO_KEYS);
        }
        return Optional.of(found);
    }

    private static String narrow(String before, String now) throws OmapiException {
        if (before != null && !before.equals(now)) {
            throw new OmapiException(OmapiStatus.KEY_CONFLICT);
        }
        return now;
    }

    private static String first(List<HostEntry> hosts) {
        return hosts.isEmpty() ? null : hosts.get(0).name();
    }

    @Override
    public String create(OmapiValues values) throws OmapiException {
        HostChange change = HostChange.of(null);
        change.apply(values, groups);
        if (change.hardware == null && change.uid.length == 0) {
            // dhcpd: "There must be a client identifier of some sort"
            throw new OmapiException(OmapiStatus.INVALID_ARGUMENT);
        }
        String name = change.name != null ? change.name : madeUpName();
        if (leases.hostByName(name).isPresent()) {
            throw new OmapiException(OmapiStatus.EXISTS);
        }
        leases.addHost(new HostRecord(name, true, false, change.hardware, change.uid, change.fixed, change.group,
                change.statements));
        return name;
    }

    /** dhcpd's name for a host created without one: "nh", the time and a unique number in hex. */
    private String madeUpName() {
        String name;
        do {
            name = String.format("nh%08x%08x", clock.instant().getEpochSecond(), madeUp.incrementAndGet());
        } while (leases.hostByName(name).isPresent());
        return name;
    }

    @Override
    public void update(String name, OmapiValues values) throws OmapiException {
        HostEntry host = leases.hostByName(name).orElseThrow(() -> new OmapiException(OmapiStatus.NOT_FOUND));
        HostChange change = HostChange.of(host);
        change.apply(values, groups);
        if (!change.changed) {
            return;
        }
        if (change.unresolvedFixed) {
            throw new OmapiException(OmapiStatus.PERMISSION_DENIED, "can't update object: host " + name
                    + " has a fixed-address given by DNS name in dhcpd.conf; change it there or set ip-address");
        }
        boolean configured = host.fromConfig();
        HostRecord rubout = HostRecord.rubout(name, host.dynamic() && !configured);
        HostRecord replacement = new HostRecord(name, host.dynamic(), false, change.hardware, change.uid, change.fixed,
                change.group, change.statements);
        // dhcpd writes a change as the rubout of the old declaration, then the new one
        engine.commit(List.of(), List.of(rubout, replacement), null, null);
    }

    @Override
    public void remove(String name) throws OmapiException {
        if (leases.hostByName(name).isEmpty()) {
            throw new OmapiException(OmapiStatus.NOT_FOUND);
        }
        leases.removeHost(name);
    }

    @Override
    public OmapiValues render(String name, HandleRegistry handles) throws OmapiException {
        HostEntry host = leases.hostByName(name).orElseThrow(() -> new OmapiException(OmapiStatus.NOT_FOUND));
        OmapiValues.Builder out = OmapiValues.builder();
        ByteArrayOutputStream fixed = new ByteArrayOutputStream();
        for (HostRef ref : host.fixedAddresses()) {
            ref.address().ifPresent(a -> fixed.writeBytes(a.toBytes()));
        }
        if (fixed.size() > 0) {
            out.append("ip-address", fixed.toByteArray());
        }
        byte[] uid = host.uid();
        if (uid.length > 0) {
            out.append("dhcp-client-identifier", uid);
        }
        out.append("name", host.name().getBytes(StandardCharsets.UTF_8));
        host.hardware().ifPresent(hw -> out.append("hardware-address", hw.bytes())
                .append("hardware-type", LeaseAttributes.int32(hw.type())));
        return out.build();
    }

    @Override
    public CompletionStage<Void> whenDurable() {
        return leases.whenDurable();
    }
}
