package io.ironlease.shell.cli;

import io.ironlease.omapi.wire.OmapiValues;
import io.ironlease.shared.net.HardwareAddress;
import io.ironlease.shared.net.Ipv4Address;
import picocli.CommandLine.Option;

/**
 * How a lease or host is looked up: exactly one of address, hardware address (Ethernet) or client
 * identifier, plus a host's name. The values go on the wire as omshell sends them.
 */
final class Lookup {

    @Option(names = "--ip", paramLabel = "ADDRESS", description = "IPv4 address (a host's fixed-address).")
    String ip;

    @Option(names = "--mac", paramLabel = "MAC", description = "Ethernet hardware address, e.g. 52:54:00:aa:00:01.")
    String mac;

    @Option(names = "--uid", paramLabel = "HEX", description = "dhcp-client-identifier as colon-separated hex, e.g. 01:52:54:00:aa:00:01.")
    String uid;

    /** The lookup values; {@code name} (hosts only) may be null. */
    static OmapiValues values(String name, String ip, String mac, String uid) {
        OmapiValues.Builder values = OmapiValues.builder();
        try {
            if (name != null) {
                values.putString("name", name);
            }
            if (ip != null) {
                values.putIpv4("ip-address", Ipv4Address.parse(ip));
            }
            if (mac != null) {
                values.putHardwareAddress(HardwareAddress.parseEthernet(mac));
            }
            if (uid != null) {
                values.putData("dhcp-client-identifier", HardwareAddress.parseColonHex(uid));
            }
        } catch (IllegalArgumentException e) {
            throw ServerOptions.usage(e.getMessage());
        }
        return values.build();
    }

    OmapiValues values() {
        return values(null, ip, mac, uid);
    }

    /** For messages: {@code ip 10.0.0.1}. */
    String describe() {
        return ip != null ? "ip " + ip : mac != null ? "mac " + mac : "uid " + uid;
    }
}
