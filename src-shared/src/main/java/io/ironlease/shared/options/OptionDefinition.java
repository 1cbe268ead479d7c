package io.ironlease.shared.options;

import java.util.Locale;
import java.util.Objects;

/**
 * A named option in an option space: the single source of truth that the config parser uses to read
 * {@code option NAME value;} and the DHCP server uses to encode and decode option {@code code}.
 *
 * @param space option space, e.g. {@code dhcp}, {@code agent}, {@code server}
 * @param name  name as dhcpd.conf writes it, e.g. {@code domain-name-servers}
 * @param code  option code within the space
 * @param type  data format
 */
public record OptionDefinition(String space, String name, int code, OptionType type) {

    public OptionDefinition {
        Objects.requireNonNull(space, "space");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(type, "type");
        if (code < 0 || code > 65535) {
            throw new IllegalArgumentException("option code out of 0-65535: " + code);
        }
    }

    /** Shorthand for the standard table: the type in ISC's format notation. */
    public static OptionDefinition of(String space, String name, int code, String iscFormat) {
        return new OptionDefinition(space, name, code, OptionType.fromIscFormat(iscFormat));
    }

    /** What an option without a definition decodes as: opaque bytes named like ISC's {@code unknown-N}. */
    public static OptionDefinition unknown(String space, int code) {
        return new OptionDefinition(space, "unknown-" + code, code, OptionType.of(OptionAtom.STRING));
    }

    /** {@code name} for the dhcp space, {@code space.name} otherwise, as dhcpd.conf refers to it. */
    public String qualifiedName() {
        return OptionSpace.DHCP.equals(space) ? name : space + "." + name;
    }

    /** True for the pseudo-options of the {@code server} space (dhcpd.conf parameters). */
    public boolean isServerParameter() {
        return OptionSpace.SERVER.equals(space);
    }

    String key() {
        return name.toLowerCase(Locale.ROOT);
    }

    /** The definition statement that would declare this option: {@code option space.name code N = TYPE;}. */
    public String toIscDefinition() {
        return "option " + qualifiedName() + " code " + code + " = " + type.typeText() + ";";
    }
}
