package io.ironlease.shared.options;

import io.ironlease.shared.net.Ipv4Address;
import java.util.Objects;
import java.util.Optional;

/**
 * An IPv4 address as dhcpd.conf may give it: a literal, or a host name that dhcpd resolves when it
 * serves (the seed's {@code option domain-name-servers redos.test;}). Checking a config never resolves
 * names; the serving code does, off the event loop.
 */
public sealed interface HostRef permits HostRef.Literal, HostRef.Name {

    /** The text as written in the config. */
    String text();

    /** The address, when this is a literal. */
    Optional<Ipv4Address> address();

    default boolean isLiteral() {
        return this instanceof Literal;
    }

    static HostRef of(Ipv4Address address) {
        return new Literal(address);
    }

    /**
     * A dotted quad becomes a literal; anything else that is a valid host name (RFC 1123 labels,
     * underscores tolerated as dhcpd does) becomes a name. Throws IllegalArgumentException otherwise.
     */
    static HostRef parse(String text) {
        Ipv4Address address = Ipv4Address.tryParse(text);
        if (address != null) {
            return new Literal(address);
        }
        if (!isHostName(text)) {
            throw new IllegalArgumentException("neither an IPv4 address nor a host name: \"" + text + "\"");
        }
        return new Name(text);
    }

    /** Labels of letters, digits, '-' and '_', 1-63 chars, dot separated, at most 253 chars, optional final dot. */
    static boolean isHostName(String text) {
        String name = text.endsWith(".") ? text.substring(0, text.length() - 1) : text;
        if (name.isEmpty() || name.length() > 253) {
            return false;
        }
        boolean allNumeric = true;
        for (String label : name.split("\\.", -1)) {
            if (label.isEmpty() || label.length() > 63) {
                return false;
            }
            for (int i = 0; i < label.length(); i++) {
                char c = label.charAt(i);
                boolean ok = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')
                        || c == '-' || c == '_';
                if (!ok) {
                    return false;
                }
                allNumeric &= c >= '0' && c <= '9';
            }
        }
        return !allNumeric;
    }

    /** A literal IPv4 address. */
    record Literal(Ipv4Address value) implements HostRef {
        public Literal {
            Objects.requireNonNull(value, "value");
        }

        @Override
        public String text() {
            return value.toString();
        }

        @Override
        public Optional<Ipv4Address> address() {
            return Optional.of(value);
        }

        @Override
        public String toString() {
            return text();
        }
    }

    /** A host name, resolved when serving. */
    record Name(String name) implements HostRef {
        public Name {
            Objects.requireNonNull(name, "name");
        }

        @Override
        public String text() {
            return name;
        }

        @Override
        public Optional<Ipv4Address> address() {
            return Optional.empty();
        }

        @Override
        public String toString() {
            return name;
        }
    }
}
