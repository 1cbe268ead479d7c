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
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

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

    private static final Logger LOG = LoggerFactory.getLogger(HostProvider.class);

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

    /** A host's declaration being built from OMAPI values, checked as dhcpd's host set_value does. */
    private static final class HostChange {
        String name;
        HardwareAddress hardware;
        byte[] uid = new byte[0];
        List<Ipv4Address> fixed = new ArrayList<>();
        String group;
        List<String> statements = List.of();
        boolean hasStatements;
        boolean unresolvedFixed;
        boolean existing;
        boolean changed;

        static HostChange of(HostEntry host) {
            HostChange change = new HostChange();
            if (host != null) {
                change.existing = true;
                change.name = host.name();
                change.hardware = host.hardware().orElse(null);
                change.uid = host.uid();
                for (HostRef ref : host.fixedAddresses()) {
                    ref.address().ifPresentOrElse(change.fixed::add, () -> change.unresolvedFixed = true);
                }
                change.group = host.group().orElse(null);
                change.statements = host.statements();
                change.hasStatements = !host.statements().isEmpty() || host.fromConfig();
            }
            return change;
        }

        void apply(OmapiValues values, GroupProvider groups) throws OmapiException {
            Integer type = null;
            byte[] hardwareBytes = null;
            for (OmapiValues.Entry entry : values) {
                byte[] value = entry.value();
                switch (entry.name()) {
                    case "name" -> {
                        if (existing || name != null) {
                            throw new OmapiException(OmapiStatus.EXISTS);
                        }
                        if (value.length == 0) {
                            throw invalid("name must not be empty");
                        }
                        name = new String(value, StandardCharsets.UTF_8);
                    }
                    case "hardware-address" -> {
                        if (hardware != null || hardwareBytes != null) {
                            throw new OmapiException(OmapiStatus.EXISTS);
                        }
                        if (value.length == 0 || value.length > HardwareAddress.MAX_LENGTH) {
                            throw invalid("hardware-address must be 1-16 bytes");
                        }
                        hardwareBytes = value;
                    }
                    case "hardware-type" -> {
                        int wanted = int32(entry.name(), value);
                        if (wanted < 0 || wanted > 255) {
                            throw invalid("hardware-type out of 0-255");
                        }
                        type = wanted;
                    }
                    case "dhcp-client-identifier" -> {
                        if (uid.length > 0) {
                            throw new OmapiException(OmapiStatus.EXISTS);
                        }
                        uid = value;
                    }
                    case "ip-address" -> {
                        if (value.length != 0 && value.length != 4) {
                            throw invalid("ip-address must be 4 bytes");
                        }
                        fixed = value.length == 0 ? List.of() : List.of(Ipv4Address.fromBytes(value));
                        unresolvedFixed = false;
                    }
                    case "statements" -> {
                        if (hasStatements) {
                            throw new OmapiException(OmapiStatus.EXISTS);
                        }
                        statements = StatementsText.parse(new String(value, StandardCharsets.UTF_8));
                        hasStatements = true;
                    }
                    case "group" -> {
                        String wanted = new String(value, StandardCharsets.UTF_8);
                        if (!groups.exists(wanted)) {
                            throw new OmapiException(OmapiStatus.NOT_FOUND);
                        }
                        group = wanted;
                    }
                    case "known" -> {
                        // dhcpd accepts it and keeps nothing
                    }
                    default -> throw new OmapiException(OmapiStatus.UNKNOWN_ATTRIBUTE);
                }
                changed = changed || !entry.name().equals("known");
            }
            if (hardwareBytes != null) {
                hardware = HardwareAddress.of(type != null ? type : HardwareAddress.ETHERNET, hardwareBytes);
            } else if (type != null && hardware != null && hardware.type() != type) {
                throw new OmapiException(OmapiStatus.EXISTS);
            }
        }

        private static int int32(String name, byte[] value) throws OmapiException {
            if (value.length != 4) {
                throw invalid(name + " must be a 4-byte integer");
            }
            return ((value[0] & 0xff) << 24) | ((value[1] & 0xff) << 16) | ((value[2] & 0xff) << 8) | (value[3] & 0xff);
        }

        /** dhcpd's status for a badly typed value, with dhcpd's message on the wire; the reason goes to the debug log. */
        private static OmapiException invalid(String why) {
            LOG.debug("OMAPI_HOST_REFUSED {}", why);
            return new OmapiException(OmapiStatus.INVALID_ARGUMENT);
        }
    }
}
