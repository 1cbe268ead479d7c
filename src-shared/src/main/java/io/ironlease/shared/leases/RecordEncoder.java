package io.ironlease.shared.leases;

import io.ironlease.shared.net.HardwareAddress;
import io.ironlease.shared.net.Ipv4Address;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;

/**
 * Writes records byte for byte as ISC dhcpd 4.4.3 does (server/db.c: write_lease, write_host,
 * write_group, write_failover_state): field order, two-space indent, a statement per line, each line
 * started with "\n" so that a record ends "\n}\n".
 */
final class RecordEncoder {

    private static final DateTimeFormatter LOCAL_COMMENT =
            DateTimeFormatter.ofPattern("EEE MMM dd HH:mm:ss yyyy", Locale.ROOT);

    private final LeaseFileWriter.Options options;
    private final long[] civil = new long[7];

    RecordEncoder(LeaseFileWriter.Options options) {
        this.options = options;
    }

    void encode(LeaseFileRecord record, ByteOut out) {
        if (record instanceof LeaseRecord r) {
            lease(r.lease(), out);
        } else if (record instanceof HostRecord h) {
            host(h, out);
        } else if (record instanceof GroupRecord g) {
            group(g, out);
        } else if (record instanceof FailoverStateRecord f) {
            failover(f, out);
        } else if (record instanceof ServerDuidRecord d) {
            out.ascii("server-duid \"").quoted(d.rawDuid()).ascii("\";\n\n");
        } else if (record instanceof AuthoringByteOrderRecord a) {
            out.ascii("# authoring-byte-order entry is generated, DO NOT DELETE\nauthoring-byte-order ")
                    .ascii(a.fileName()).ascii(";\n\n");
        } else if (record instanceof RawRecord raw) {
            out.utf8(raw.text()).put('\n');
        } else {
            throw new IllegalArgumentException("unknown record " + record);
        }
    }

    void lease(Lease lease, ByteOut out) {
        out.ascii("lease ").ipv4(lease.ipBits()).ascii(" {");
        time(out, "\n  starts ", lease.starts());
        time(out, "\n  ends ", lease.ends());
        time(out, "\n  tstp ", lease.tstp());
        time(out, "\n  tsfp ", lease.tsfp());
        time(out, "\n  atsfp ", lease.atsfp());
        time(out, "\n  cltt ", lease.cltt());
        BindingState state = lease.bindingState();
        out.ascii("\n  binding state ").ascii(state.fileName()).put(';');
        if (lease.nextBindingState() != state) {
            out.ascii("\n  next binding state ").ascii(lease.nextBindingState().fileName()).put(';');
        }
        if (lease.rewindBindingState() != state) {
            out.ascii("\n  rewind binding state ").ascii(lease.rewindBindingState().fileName()).put(';');
        }
        if (lease.reserved()) {
            out.ascii("\n  reserved;");
        }
        if (lease.bootp()) {
            out.ascii("\n  dynamic-bootp;");
        }
        List<String> extras = lease.extraStatements();
        extras(out, extras, Slot.BILLING);
        lease.hardware().ifPresent(h -> hardware(out, h));
        if (lease.hasUid()) {
            if (options.leaseIdFormat() == LeaseFileWriter.LeaseIdFormat.HEX) {
                out.ascii("\n  uid ").colonHex(lease.uidBytes()).put(';');
            } else {
                out.ascii("\n  uid \"").quoted(lease.uidBytes()).ascii("\";");
            }
        }
        for (LeaseVariable variable : lease.variables()) {
            out.ascii("\n  set ").ascii(variable.name()).ascii(" = ");
            LeaseVariable.Value value = variable.value();
            if (value instanceof LeaseVariable.Data data) {
                out.put('"').quoted(data.rawBytes()).ascii("\";");
            } else if (value instanceof LeaseVariable.Numeric number) {
                out.put('%').decimal(number.value()).put(';');
            } else if (value instanceof LeaseVariable.Bool bool) {
                out.ascii(bool.value() ? "true;" : "false;");
            }
        }
        extras(out, extras, Slot.AGENT);
        lease.clientHostname().ifPresent(
                name -> out.ascii("\n  client-hostname \"").quoted(name.getBytes(StandardCharsets.UTF_8)).ascii("\";"));
        extras(out, extras, Slot.OTHER);
        out.ascii("\n}\n");
    }

    /** Where dhcpd puts a statement it does not model: billing before hardware, agent options after set. */
    private enum Slot { BILLING, AGENT, OTHER }

    private static void extras(ByteOut out, List<String> extras, Slot slot) {
        for (String statement : extras) {
            Slot of = statement.startsWith("billing") ? Slot.BILLING
                    : statement.startsWith("option") ? Slot.AGENT : Slot.OTHER;
            if (of == slot) {
                out.ascii("\n  ").utf8(statement);
            }
        }
    }

    private static void hardware(ByteOut out, HardwareAddress address) {
        out.ascii("\n  hardware ").ascii(address.typeName()).put(' ').colonHex(address.bytes()).put(';');
    }

    void host(HostRecord host, ByteOut out) {
        out.ascii("host ");
        name(out, host.name());
        out.ascii(" {");
        if (host.dynamic()) {
            out.ascii("\n  dynamic;");
        }
        if (host.deleted()) {
            out.ascii("\n  deleted;");
        } else {
            host.hardwareAddress().ifPresent(h -> hardware(out, h));
            byte[] uid = host.rawUid();
            if (uid.length > 0) {
                // hosts, unlike leases, keep a printable uid unescaped and write others as hex
                if (ByteOut.printable(uid)) {
                    out.ascii("\n  uid \"").bytes(uid).ascii("\";");
                } else {
                    out.ascii("\n  uid ").colonHex(uid).put(';');
                }
            }
            List<Ipv4Address> fixed = host.fixedAddresses();
            if (!fixed.isEmpty()) {
                out.ascii("\n  fixed-address ");
                for (int i = 0; i < fixed.size(); i++) {
                    out.ascii(i == 0 ? "" : ",").ipv4(fixed.get(i).bits());
                }
                out.put(';');
            }
            host.groupName().ifPresent(
                    g -> out.ascii("\n  group \"").quoted(g.getBytes(StandardCharsets.UTF_8)).ascii("\";"));
            statements(out, host.statements());
        }
        out.ascii("\n}\n");
    }

    void group(GroupRecord group, ByteOut out) {
        out.ascii("group ");
        name(out, group.name());
        out.ascii(" {");
        if (group.dynamic()) {
            out.ascii("\n  dynamic;");
        }
        if (group.isStatic()) {
            out.ascii("\n  static;");
        }
        if (group.deleted()) {
            out.ascii("\n  deleted;");
        } else {
            statements(out, group.statements());
        }
        out.ascii("\n}\n");
    }

    /** dhcpd's write_statements with an indent of 8, as it writes host and group statements. */
    private static void statements(ByteOut out, List<String> statements) {
        for (String statement : statements) {
            out.ascii("\n        ").utf8(statement);
        }
    }

    /** A bare name when dhcpd's lexer reads it as one word, otherwise a quoted string. */
    private static void name(ByteOut out, String name) {
        boolean bare = !name.isEmpty();
        for (int i = 0; i < name.length() && bare; i++) {
            char c = name.charAt(i);
            bare = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-'
                    || c == '_' || c == '.';
        }
        if (bare) {
            out.ascii(name);
        } else {
            out.put('"').quoted(name.getBytes(StandardCharsets.UTF_8)).put('"');
        }
    }

    void failover(FailoverStateRecord f, ByteOut out) {
        out.ascii("\nfailover peer \"").quoted(f.peerName().getBytes(StandardCharsets.UTF_8)).ascii("\" state {");
        out.ascii("\n  my state ").ascii(f.myState().fileName()).ascii(" at ");
        date(out, f.myStateTime());
        out.ascii("\n  partner state ").ascii(f.partnerState().fileName()).ascii(" at ");
        date(out, f.partnerStateTime());
        f.mclt().ifPresent(m -> out.ascii("\n  mclt ").decimal(m.getSeconds()).put(';'));
        out.ascii("\n}\n");
    }

    private void time(ByteOut out, String prefix, long time) {
        if (time != LeaseTime.UNSET) {
            out.ascii(prefix);
            date(out, time);
        }
    }

    /** dhcpd's print_time, with the ';': {@code W YYYY/MM/DD HH:MM:SS;}, {@code epoch N; # ...} or never. */
    void date(ByteOut out, long time) {
        if (time == LeaseTime.NEVER) {
            out.ascii("never;");
        } else if (options.timeFormat() == LeaseFileWriter.TimeFormat.LOCAL) {
            String comment = LOCAL_COMMENT.format(Instant.ofEpochSecond(time).atZone(options.localZone()));
            out.ascii("epoch ").decimal(time).ascii("; # ").ascii(comment);
        } else {
            LeaseTime.toCivil(time, civil);
            out.decimal(civil[0]).put(' ').decimal(civil[1]).put('/').twoDigits(civil[2]).put('/')
                    .twoDigits(civil[3]).put(' ').twoDigits(civil[4]).put(':').twoDigits(civil[5]).put(':')
                    .twoDigits(civil[6]).put(';');
        }
    }
}
