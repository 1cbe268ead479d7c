package io.ironlease.server.omapi;

import io.ironlease.omapi.wire.OmapiValues;
import io.ironlease.shared.leases.BindingState;
import io.ironlease.shared.leases.Lease;
import io.ironlease.shared.leases.LeaseTime;
import io.ironlease.shared.leases.LeaseVariable;
import io.ironlease.shared.net.HardwareAddress;
import io.ironlease.shared.net.Ipv4Address;
import java.nio.charset.StandardCharsets;

/**
 * A {@code lease} object's attributes exactly as dhcpd 4.4.3 sends them (OMAPI-NOTES section 8):
 * state, ip-address, dhcp-client-identifier and client-hostname when set, the subnet and pool
 * handles, hardware-address and hardware-type when set, the six times (0 when unset), the one-byte
 * flags, then every variable of the lease's binding scope ({@code remote-handle} among them). Pure.
 */
final class LeaseAttributes {

    /** dhcpd's MAX_TIME: what it sends for a lease that never ends ({@code ends never;}). */
    static final long MAX_TIME = 0x7fff_ffffL;
    /** dhcpd's lease flags (includes/dhcpd.h): BOOTP_LEASE and RESERVED_LEASE. */
    static final int BOOTP_FLAG = 2;
    static final int RESERVED_FLAG = 4;

    private LeaseAttributes() {
    }

    /**
     * The attributes of {@code lease}; {@code subnet}/{@code pool} are handles, or 0 to leave the
     * attribute out (a lease outside every configured range, or the listing extension).
     */
    static OmapiValues render(Lease lease, int subnet, int pool) {
        OmapiValues.Builder out = OmapiValues.builder()
                .append("state", int32(lease.bindingState().code()))
                .append("ip-address", lease.ip().toBytes());
        if (lease.hasUid()) {
            out.append("dhcp-client-identifier", lease.uid());
        }
        lease.clientHostname().ifPresent(name -> out.append("client-hostname", name.getBytes(StandardCharsets.UTF_8)));
        if (subnet != 0) {
            out.append("subnet", int32(subnet));
        }
        if (pool != 0) {
            out.append("pool", int32(pool));
        }
        if (lease.hardware().isPresent()) {
            HardwareAddress hardware = lease.hardware().get();
            out.append("hardware-address", hardware.bytes()).append("hardware-type", int32(hardware.type()));
        }
        out.append("ends", time(lease.ends())).append("starts", time(lease.starts())).append("tstp", time(lease.tstp()))
                .append("tsfp", time(lease.tsfp())).append("atsfp", time(lease.atsfp()))
                .append("cltt", time(lease.cltt()))
                .append("flags", new byte[] {(byte) flags(lease)});
        for (LeaseVariable variable : lease.variables()) {
            out.append(variable.name(), variableBytes(variable.value()));
        }
        return out.build();
    }

    /** What dhcpd has for an address of a range that no client ever used: a free lease, every time 0. */
    static Lease unused(Ipv4Address address) {
        return Lease.builder(address).bindingState(BindingState.FREE).build();
    }

    static int flags(Lease lease) {
        return (lease.bootp() ? BOOTP_FLAG : 0) | (lease.reserved() ? RESERVED_FLAG : 0);
    }

    /** A binding-scope value as dhcpd's binding_scope_stuff_values sends it: data as is, numbers and booleans as 4 bytes. */
    static byte[] variableBytes(LeaseVariable.Value value) {
        if (value instanceof LeaseVariable.Data data) {
            return data.bytes();
        }
        if (value instanceof LeaseVariable.Numeric number) {
            return int32((int) number.value());
        }
        return int32(((LeaseVariable.Bool) value).value() ? 1 : 0);
    }

    /** A lease time as the 32-bit value dhcpd sends: 0 when unset, MAX_TIME for {@code never}. */
    static byte[] time(long time) {
        if (time == LeaseTime.NEVER) {
            return int32((int) MAX_TIME);
        }
        return int32((int) Math.max(0, Math.min(time, 0xffff_ffffL)));
    }

    /** A 4-byte big-endian value read as an int, or -1 for any other length (no OMAPI code is -1). */
    static int readInt32(byte[] value) {
        return value.length != 4 ? -1
                : ((value[0] & 0xff) << 24) | ((value[1] & 0xff) << 16) | ((value[2] & 0xff) << 8) | (value[3] & 0xff);
    }

    static byte[] int32(int value) {
        return new byte[] {(byte) (value >>> 24), (byte) (value >>> 16), (byte) (value >>> 8), (byte) value};
    }
}
