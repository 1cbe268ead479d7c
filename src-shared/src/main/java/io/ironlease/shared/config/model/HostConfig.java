package io.ironlease.shared.config.model;

import io.ironlease.shared.config.SourcePos;
import io.ironlease.shared.net.HardwareAddress;
import io.ironlease.shared.options.HostRef;
import io.ironlease.shared.options.OptionDefinition;
import io.ironlease.shared.options.OptionValue;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A {@code host NAME { ... }} reservation. Fixed addresses may be host names, resolved when serving.
 *
 * @param uid            the {@code uid} client identifier; empty when not given
 * @param hostIdentifier a {@code host-identifier option NAME VALUE;} match, if given
 * @param group          a {@code group "NAME";} membership, if given
 * @param dynamic        {@code dynamic;} (written by OMAPI for hosts it created)
 */
public record HostConfig(String name, SourcePos pos, Scope scope, Optional<HardwareAddress> hardware,
        List<HostRef> fixedAddresses, byte[] uid, Optional<HostIdentifier> hostIdentifier, Optional<String> group,
        boolean dynamic) {

    /** The option a host is identified by instead of its hardware address. */
    public record HostIdentifier(OptionDefinition option, OptionValue value) {
    }

    public HostConfig {
        Objects.requireNonNull(name, "name");
        fixedAddresses = List.copyOf(fixedAddresses);
        uid = uid.clone();
    }

    @Override
    public byte[] uid() {
        return uid.clone();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof HostConfig other && name.equals(other.name) && pos.equals(other.pos)
                && hardware.equals(other.hardware) && fixedAddresses.equals(other.fixedAddresses)
                && Arrays.equals(uid, other.uid) && hostIdentifier.equals(other.hostIdentifier)
                && group.equals(other.group) && dynamic == other.dynamic;
    }

    @Override
    public int hashCode() {
        return Objects.hash(name, pos, hardware, fixedAddresses, Arrays.hashCode(uid));
    }

    @Override
    public String toString() {
        return "HostConfig[" + name + " " + hardware.map(Object::toString).orElse("-") + " " + fixedAddresses + "]";
    }
}
