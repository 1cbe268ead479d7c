package io.ironlease.shared.leases;

import io.ironlease.shared.net.HardwareAddress;
import io.ironlease.shared.net.Ipv4Address;
import java.util.ArrayList;
import java.util.List;

/** The {@code host} and {@code group} declarations that OMAPI writes to dhcpd.leases. */
final class HostParser {

    private static final byte[] HARDWARE = LeaseParser.bytes("hardware");
    private static final byte[] UID = LeaseParser.bytes("uid");
    private static final byte[] FIXED_ADDRESS = LeaseParser.bytes("fixed-address");
    private static final byte[] GROUP = LeaseParser.bytes("group");

    private HostParser() {
    }

    static HostRecord host(LeaseLexer lx, LeaseParser parser) {
        String name = parser.declarationName("a host name");
        lx.expect('{');
        boolean dynamic = false;
        boolean deleted = false;
        HardwareAddress hardware = null;
        byte[] uid = null;
        List<Ipv4Address> fixed = List.of();
        String group = null;
        List<String> statements = new ArrayList<>(0);
        while (!lx.accept('}')) {
            if (lx.accept(';')) {
                continue;
            }
            int word = lx.requireWord("a host statement or '}'");
            if (lx.is(word, LeaseParser.DYNAMIC)) {
                lx.expect(';');
                dynamic = true;
            } else if (lx.is(word, LeaseParser.DELETED)) {
                lx.expect(';');
                deleted = true;
            } else if (lx.is(word, HARDWARE)) {
                hardware = parser.hardware(word);
            } else if (lx.is(word, UID)) {
                uid = lx.stringOrHex("a client identifier");
                lx.expect(';');
            } else if (lx.is(word, FIXED_ADDRESS)) {
                fixed = LeaseParser.addressList(lx);
            } else if (lx.is(word, GROUP)) {
                group = parser.declarationName("a group name");
                lx.expect(';');
            } else {
                statements.add(lx.rawStatement(word));
            }
        }
        return new HostRecord(name, dynamic, deleted, hardware, uid, fixed, group, statements);
    }

    static GroupRecord group(LeaseLexer lx, LeaseParser parser) {
        String name = parser.declarationName("a group name");
        lx.expect('{');
        boolean dynamic = false;
        boolean isStatic = false;
        boolean deleted = false;
        List<String> statements = new ArrayList<>(0);
        while (!lx.accept('}')) {
            if (lx.accept(';')) {
                continue;
            }
            int word = lx.requireWord("a group statement or '}'");
            if (lx.is(word, LeaseParser.DYNAMIC)) {
                lx.expect(';');
                dynamic = true;
            } else if (lx.is(word, LeaseParser.STATIC)) {
                lx.expect(';');
                isStatic = true;
            } else if (lx.is(word, LeaseParser.DELETED)) {
                lx.expect(';');
                deleted = true;
            } else {
                statements.add(lx.rawStatement(word));
            }
        }
        return new GroupRecord(name, dynamic, isStatic, deleted, statements);
    }
}
