package io.ironlease.shared.leases;

import io.ironlease.shared.net.HardwareAddress;
import io.ironlease.shared.net.Ipv4Address;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A {@code host NAME { ... }} declaration that OMAPI wrote: a host it created ({@code dynamic;}), a
 * change to a dhcpd.conf host, or a rubout ({@code deleted;}) that removes the host of that name.
 *
 * @param hardware       {@code hardware ethernet ..;}, or null
 * @param uid            {@code uid ..;} (the client identifier), empty for none
 * @param fixedAddresses {@code fixed-address A, B;}
 * @param group          {@code group "NAME";}, or null
 * @param statements     other statements verbatim, e.g. {@code supersede host-name = "x";}
 */
public record HostRecord(String name, boolean dynamic, boolean deleted, HardwareAddress hardware, byte[] uid,
        List<Ipv4Address> fixedAddresses, String group, List<String> statements) implements LeaseFileRecord {

    public HostRecord {
        Objects.requireNonNull(name, "name");
        uid = uid == null ? new byte[0] : uid.clone();
        fixedAddresses = List.copyOf(fixedAddresses);
        statements = List.copyOf(statements);
    }

    /** {@code host NAME { [dynamic;] deleted; }}. */
    public static HostRecord rubout(String name, boolean dynamic) {
        return new HostRecord(name, dynamic, true, null, null, List.of(), null, List.of());
    }

    public Optional<HardwareAddress> hardwareAddress() {
        return Optional.ofNullable(hardware);
    }

    public Optional<String> groupName() {
        return Optional.ofNullable(group);
    }

    @Override
    public byte[] uid() {
        return uid.clone();
    }

    byte[] rawUid() {
        return uid;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof HostRecord h && name.equals(h.name) && dynamic == h.dynamic && deleted == h.deleted
                && Objects.equals(hardware, h.hardware) && Arrays.equals(uid, h.uid)
                && fixedAddresses.equals(h.fixedAddresses) && Objects.equals(group, h.group)
                && statements.equals(h.statements);
    }

    @Override
    public int hashCode() {
        return Objects.hash(name, dynamic, deleted, hardware, fixedAddresses, group, statements) * 31
                + Arrays.hashCode(uid);
    }

    @Override
    public String toString() {
        return "HostRecord[" + name + (dynamic ? " dynamic" : "") + (deleted ? " deleted" : "")
                + (hardware != null ? " hw=" + hardware : "")
                + (uid.length > 0 ? " uid=" + HexFormat.ofDelimiter(":").formatHex(uid) : "")
                + (fixedAddresses.isEmpty() ? "" : " fixed=" + fixedAddresses)
                + (group != null ? " group=" + group : "") + (statements.isEmpty() ? "" : " " + statements) + "]";
    }
}
