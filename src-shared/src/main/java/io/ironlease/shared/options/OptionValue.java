package io.ironlease.shared.options;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * A typed option value: the elements of an {@link OptionType}, in wire order (an array of addresses is
 * one {@link Address} element per address). Built by the config parser or by {@link #decode}; turned
 * into bytes by {@link #encode} and into dhcpd.conf text by {@link #toIscText}.
 *
 * @param type     the format the elements follow
 * @param elements one element per field occurrence; zero-length fields have none
 */
public record OptionValue(OptionType type, List<Element> elements) {

    /** One field occurrence of a value. */
    public sealed interface Element permits Address, Address6, Int, Flag, Text, Data, DomainName, DomainList,
            EnumValue, SpaceName {
    }

    /** An IPv4 address or a host name to resolve when serving (atom I). */
    public record Address(HostRef host) implements Element {
        public Address {
            Objects.requireNonNull(host, "host");
        }
    }

    /** An IPv6 address, 16 bytes (atom 6). */
    public record Address6(byte[] bytes) implements Element {
        public Address6 {
            if (bytes.length != 16) {
                throw new IllegalArgumentException("an IPv6 address has 16 bytes, got " + bytes.length);
            }
            bytes = bytes.clone();
        }

        @Override
        public byte[] bytes() {
            return bytes.clone();
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Address6 other && Arrays.equals(bytes, other.bytes);
        }

        @Override
        public int hashCode() {
            return Arrays.hashCode(bytes);
        }

        @Override
        public String toString() {
            return Ipv6Text.format(bytes);
        }
    }

    /** An integer of any width, or a lease time (atoms l L s S b B T). */
    public record Int(long value) implements Element {
    }

    /** A boolean (atom f). */
    public record Flag(boolean value) implements Element {
    }

    /** Text (atom t), kept as the bytes the config's quoted string denotes. */
    public record Text(byte[] bytes) implements Element {
        public Text {
            bytes = bytes.clone();
        }

        public static Text of(String text) {
            return new Text(text.getBytes(StandardCharsets.UTF_8));
        }

        @Override
        public byte[] bytes() {
            return bytes.clone();
        }

        public String text() {
            return new String(bytes, StandardCharsets.UTF_8);
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Text other && Arrays.equals(bytes, other.bytes);
        }

        @Override
        public int hashCode() {
            return Arrays.hashCode(bytes);
        }

        @Override
        public String toString() {
            return "Text[" + text() + "]";
        }
    }

    /** Opaque bytes (atoms X and E), given as a quoted string or colon-separated hex. */
    public record Data(byte[] bytes) implements Element {
        public Data {
            bytes = bytes.clone();
        }

        @Override
        public byte[] bytes() {
            return bytes.clone();
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Data other && Arrays.equals(bytes, other.bytes);
        }

        @Override
        public int hashCode() {
            return Arrays.hashCode(bytes);
        }

        @Override
        public String toString() {
            return "Data[" + OptionText.hex(bytes) + "]";
        }
    }

    /** One domain name (atom d). */
    public record DomainName(String name) implements Element {
        public DomainName {
            Objects.requireNonNull(name, "name");
        }
    }

    /** A list of domain names (atoms D and Dc). */
    public record DomainList(List<String> names) implements Element {
        public DomainList {
            names = List.copyOf(names);
        }
    }

    /** A value of a named enumeration (atom N), e.g. {@code ddns-update-style none}. */
    public record EnumValue(String name, int code) implements Element {
        public EnumValue {
            Objects.requireNonNull(name, "name");
        }
    }

    /** The name of an option space (atom U). */
    public record SpaceName(String name) implements Element {
        public SpaceName {
            Objects.requireNonNull(name, "name");
        }
    }

    public OptionValue {
        Objects.requireNonNull(type, "type");
        elements = List.copyOf(elements);
        String problem = OptionLayout.problem(type, elements);
        if (problem != null) {
            throw new IllegalArgumentException(problem);
        }
    }

    public static OptionValue of(OptionType type, Element... elements) {
        return new OptionValue(type, List.of(elements));
    }

    /** Wire bytes; throws {@link UnresolvedHostException} when an element is a host name. */
    public byte[] encode() {
        return OptionCodec.encode(this, HostResolver.NONE);
    }

    /** Wire bytes, resolving host names (a name in an address array contributes all its addresses). */
    public byte[] encode(HostResolver resolver) {
        return OptionCodec.encode(this, resolver);
    }

    /** Reads wire bytes of the given type. */
    public static OptionValue decode(OptionType type, byte[] data) throws OptionDecodeException {
        return OptionCodec.decode(type, data);
    }

    /** The value as dhcpd.conf writes it after the option name, e.g. {@code 10.0.0.1, 10.0.0.2}. */
    public String toIscText() {
        return OptionText.render(this);
    }

    /** The address elements (literals and names) in order. */
    public List<HostRef> hosts() {
        return elements.stream().filter(Address.class::isInstance).map(e -> ((Address) e).host()).toList();
    }

    /** True when some element is a host name still to be resolved. */
    public boolean hasHostNames() {
        return hosts().stream().anyMatch(h -> !h.isLiteral());
    }

    @Override
    public String toString() {
        return toIscText();
    }
}
