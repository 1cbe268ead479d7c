package io.ironlease.server.alloc;

import io.ironlease.shared.config.model.HostConfig;
import io.ironlease.shared.config.model.Scope;
import io.ironlease.shared.leases.HostRecord;
import io.ironlease.shared.net.HardwareAddress;
import io.ironlease.shared.net.Ipv4Address;
import io.ironlease.shared.options.HostRef;
import io.ironlease.shared.options.HostResolver;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A host declaration as the server uses it: from dhcpd.conf, or written to the lease file by OMAPI
 * ({@code dynamic;} hosts, changed dhcpd.conf hosts). A host makes its client "known"; with fixed
 * addresses it reserves them for that client. Immutable.
 */
public final class HostEntry {

    private final String name;
    private final HardwareAddress hardware;
    private final byte[] uid;
    private final List<HostRef> fixedAddresses;
    private final Scope scope;
    private final boolean dynamic;
    private final boolean fromConfig;
    private final String group;
    private final List<String> statements;

    HostEntry(String name, HardwareAddress hardware, byte[] uid, List<HostRef> fixedAddresses, Scope scope,
            boolean dynamic, boolean fromConfig, String group, List<String> statements) {
        this.name = name;
        this.hardware = hardware;
        this.uid = uid == null ? new byte[0] : uid.clone();
        this.fixedAddresses = List.copyOf(fixedAddresses);
        this.scope = scope;
        this.dynamic = dynamic;
        this.fromConfig = fromConfig;
        this.group = group;
        this.statements = List.copyOf(statements);
    }

    static HostEntry of(HostConfig config) {
        return new HostEntry(config.name(), config.hardware().orElse(null), config.uid(), config.fixedAddresses(),
                config.scope(), config.dynamic(), true, config.group().orElse(null), List.of());
    }

    /** A lease-file host; {@code configured} is the dhcpd.conf host of that name it changes, if any. */
    static HostEntry of(HostRecord record, Optional<HostEntry> configured) {
        List<HostRef> fixed = new ArrayList<>();
        record.fixedAddresses().forEach(a -> fixed.add(HostRef.of(a)));
        return new HostEntry(record.name(), record.hardware(), record.uid(), fixed,
                configured.map(c -> c.scope).orElse(null), record.dynamic(), configured.isPresent(), record.group(),
                record.statements());
    }

    public String name() {
        return name;
    }

    public Optional<HardwareAddress> hardware() {
        return Optional.ofNullable(hardware);
    }

    /** The {@code uid} (client identifier) the host matches, empty for none. */
    public byte[] uid() {
        return uid.clone();
    }

    boolean hasUid() {
        return uid.length > 0;
    }

    byte[] uidBytes() {
        return uid;
    }

    /** Fixed addresses as written (literals or host names). */
    public List<HostRef> fixedAddresses() {
        return fixedAddresses;
    }

    /** Fixed addresses with names resolved through {@code resolver}; unresolved names are left out. */
    public List<Ipv4Address> fixedAddresses(HostResolver resolver) {
        List<Ipv4Address> out = new ArrayList<>(fixedAddresses.size());
        for (HostRef ref : fixedAddresses) {
            if (ref instanceof HostRef.Literal literal) {
                out.add(literal.value());
            } else {
                List<Ipv4Address> resolved = resolver.resolve(ref.text());
                if (resolved != null) {
                    out.addAll(resolved);
                }
            }
        }
        return out;
    }

    /** The host's scope (options, parameters), empty for an OMAPI host. */
    public Optional<Scope> scope() {
        return Optional.ofNullable(scope);
    }

    /** Created through OMAPI ({@code dynamic;}). */
    public boolean dynamic() {
        return dynamic;
    }

    /** Declared in dhcpd.conf (possibly changed since through OMAPI). */
    public boolean fromConfig() {
        return fromConfig;
    }

    public Optional<String> group() {
        return Optional.ofNullable(group);
    }

    /** Statements an OMAPI host carries verbatim, e.g. {@code supersede host-name = "x";}. */
    public List<String> statements() {
        return statements;
    }

    /** The lease-file record that declares this host (resolvable fixed addresses only). */
    public HostRecord toRecord(HostResolver resolver) {
        return new HostRecord(name, dynamic, false, hardware, uid, fixedAddresses(resolver), group, statements);
    }

    /** The same host with other fixed addresses. */
    HostEntry withFixedAddresses(List<Ipv4Address> addresses) {
        List<HostRef> refs = new ArrayList<>();
        addresses.forEach(a -> refs.add(HostRef.of(a)));
        return new HostEntry(name, hardware, uid, refs, scope, dynamic, fromConfig, group, statements);
    }

    @Override
    public String toString() {
        return "host " + name + (hardware != null ? " " + hardware : "") + (fixedAddresses.isEmpty() ? ""
                : " fixed " + fixedAddresses);
    }
}
