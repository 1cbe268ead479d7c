package io.ironlease.omapi.testing;

import io.ironlease.omapi.server.HandleRegistry;
import io.ironlease.omapi.server.ObjectProvider;
import io.ironlease.omapi.wire.OmapiException;
import io.ironlease.omapi.wire.OmapiStatus;
import io.ironlease.omapi.wire.OmapiValues;
import io.ironlease.shared.net.HardwareAddress;
import io.ironlease.shared.net.Ipv4Address;
import java.util.Arrays;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;

/**
 * A small in-memory {@code lease} type for tests, rendering attributes in dhcpd's order
 * (OMAPI-NOTES section 8). Lookups by ip-address, hardware-address or dhcp-client-identifier.
 */
public final class MemoryLeaseProvider implements ObjectProvider<Ipv4Address> {

    /** One lease; times are seconds since 1970, 0 when unset. */
    public record Lease(int state, Ipv4Address ip, byte[] uid, String hostname, HardwareAddress hardware, long ends,
            long starts, long tstp, long cltt) {
    }

    private final Map<Ipv4Address, Lease> leases = new ConcurrentHashMap<>();
    private final Executor executor;

    public MemoryLeaseProvider(Executor executor) {
        this.executor = executor;
    }

    /** A lease as dhcpd rendered it (e.g. from a captured reply). */
    public static Lease fromValues(OmapiValues v) {
        return new Lease(v.int32("state").orElse(0), v.ipv4("ip-address").orElseThrow(),
                v.data("dhcp-client-identifier").orElse(null), v.string("client-hostname").orElse(null),
                v.hardwareAddress().orElse(null), v.uint32("ends").orElse(0), v.uint32("starts").orElse(0),
                v.uint32("tstp").orElse(0), v.uint32("cltt").orElse(0));
    }

    public MemoryLeaseProvider add(Lease lease) {
        leases.put(lease.ip(), lease);
        return this;
    }

    public Lease get(Ipv4Address ip) {
        return leases.get(ip);
    }

    @Override
    public String type() {
        return "lease";
    }

    @Override
    public Optional<Executor> executor() {
        return Optional.ofNullable(executor);
    }

    @Override
    public Optional<Ipv4Address> lookup(OmapiValues keys) throws OmapiException {
        Optional<Ipv4Address> ip = keys.ipv4("ip-address");
        if (ip.isPresent()) {
            return leases.containsKey(ip.get()) ? ip : Optional.empty();
        }
        Optional<byte[]> hardware = keys.data("hardware-address");
        if (hardware.isPresent()) {
            return leases.values().stream().filter(l -> l.hardware() != null
                    && Arrays.equals(l.hardware().bytes(), hardware.get())).map(Lease::ip).findFirst();
        }
        Optional<byte[]> uid = keys.data("dhcp-client-identifier");
        if (uid.isPresent()) {
            return leases.values().stream().filter(l -> l.uid() != null && Arrays.equals(l.uid(), uid.get()))
                    .map(Lease::ip).findFirst();
        }
        throw new OmapiException(OmapiStatus.NO_KEYS);
    }

    @Override
    public void update(Ipv4Address ip, OmapiValues values) throws OmapiException {
        Lease lease = leases.get(ip);
        for (String name : values.names()) {
            switch (name) {
                case "ends" -> lease = new Lease(lease.state(), ip, lease.uid(), lease.hostname(), lease.hardware(),
                        values.uint32("ends").orElse(0), lease.starts(), lease.tstp(), lease.cltt());
                case "client-hostname" -> { }
                default -> throw new OmapiException(OmapiStatus.PERMISSION_DENIED);
            }
        }
        leases.put(ip, lease);
    }

    @Override
    public void remove(Ipv4Address ip) throws OmapiException {
        throw new OmapiException(OmapiStatus.NOT_IMPLEMENTED);
    }

    @Override
    public OmapiValues render(Ipv4Address ip, HandleRegistry handles) throws OmapiException {
        Lease lease = leases.get(ip);
        if (lease == null) {
            throw new OmapiException(OmapiStatus.NOT_FOUND);
        }
        OmapiValues.Builder out = OmapiValues.builder().putInt32("state", lease.state()).putIpv4("ip-address", ip);
        if (lease.uid() != null) {
            out.putData("dhcp-client-identifier", lease.uid());
        }
        if (lease.hostname() != null) {
            out.putString("client-hostname", lease.hostname());
        }
        out.putInt32("subnet", handles.handleFor("subnet", "192.168.100.0/24"));
        out.putInt32("pool", handles.handleFor("pool", "192.168.100.100-199"));
        if (lease.hardware() != null) {
            out.putHardwareAddress(lease.hardware());
        }
        return out.putUint32("ends", lease.ends()).putUint32("starts", lease.starts()).putUint32("tstp", lease.tstp())
                .putUint32("tsfp", 0).putUint32("atsfp", 0).putUint32("cltt", lease.cltt())
                .putData("flags", new byte[] {0}).build();
    }
}
