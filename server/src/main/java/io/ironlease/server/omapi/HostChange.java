package io.ironlease.server.omapi;

import io.ironlease.omapi.wire.OmapiException;
import io.ironlease.omapi.wire.OmapiStatus;
import io.ironlease.omapi.wire.OmapiValues;
import io.ironlease.server.alloc.HostEntry;
import io.ironlease.shared.net.HardwareAddress;
import io.ironlease.shared.net.Ipv4Address;
import io.ironlease.shared.options.HostRef;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A host's declaration being built from the values of an OMAPI create or update, checked as dhcpd's
 * host set_value checks them: a name, hardware address, client identifier or statements the host
 * already has is 18; a badly typed value 0x60003 with dhcpd's message; an unknown name 0x60020.
 */
final class HostChange {

    private static final Logger LOG = LoggerFactory.getLogger(HostChange.class);

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
        return LeaseAttributes.readInt32(value);
    }

    /** dhcpd's status for a badly typed value, with dhcpd's message on the wire; the reason goes to the debug log. */
    private static OmapiException invalid(String why) {
        LOG.debug("OMAPI_HOST_REFUSED {}", why);
        return new OmapiException(OmapiStatus.INVALID_ARGUMENT);
    }
}
