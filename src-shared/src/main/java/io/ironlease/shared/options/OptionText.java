package io.ironlease.shared.options;

import java.util.List;
import java.util.StringJoiner;

/**
 * Renders option values as dhcpd.conf text, the way ISC's pretty_print_option writes them: record
 * fields separated by spaces, array entries by ", ", printable data as quoted strings and anything
 * else as colon-separated hex.
 */
public final class OptionText {

    private static final long INFINITE = 0xffff_ffffL;

    private OptionText() {
    }

    static String render(OptionValue value) {
        OptionType type = value.type();
        List<OptionValue.Element> elements = value.elements();
        int n = type.fields().size();
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < elements.size(); i++) {
            if (i > 0) {
                boolean arrayBoundary = switch (type.repeat()) {
                    case ALL -> i % n == 0;
                    case LAST -> i >= n;
                    case NONE -> false;
                };
                out.append(arrayBoundary ? ", " : " ");
            }
            out.append(element(OptionLayout.fieldAt(type, i).atom(), elements.get(i)));
        }
        return out.toString();
    }

    private static String element(OptionAtom atom, OptionValue.Element element) {
        if (element instanceof OptionValue.Address address) {
            return address.host().text();
        } else if (element instanceof OptionValue.Address6 address) {
            return Ipv6Text.format(address.bytes());
        } else if (element instanceof OptionValue.Int integer) {
            return atom == OptionAtom.LEASE_TIME && integer.value() == INFINITE ? "infinite"
                    : Long.toString(integer.value());
        } else if (element instanceof OptionValue.Flag flag) {
            return flag.value() ? "true" : "false";
        } else if (element instanceof OptionValue.Text text) {
            return quote(text.bytes());
        } else if (element instanceof OptionValue.Data data) {
            return isPrintable(data.bytes()) ? quote(data.bytes()) : hex(data.bytes());
        } else if (element instanceof OptionValue.DomainName name) {
            return quote(name.name());
        } else if (element instanceof OptionValue.DomainList list) {
            StringJoiner joiner = new StringJoiner(", ");
            list.names().forEach(name -> joiner.add(quote(name)));
            return joiner.toString();
        } else if (element instanceof OptionValue.EnumValue enumValue) {
            return enumValue.name();
        }
        return ((OptionValue.SpaceName) element).name();
    }

    /** A quoted dhcpd.conf string: {@code "} and {@code \} escaped, non-printable bytes as {@code \ooo}. */
    public static String quote(byte[] bytes) {
        StringBuilder out = new StringBuilder("\"");
        for (byte b : bytes) {
            int c = b & 0xff;
            if (c == '"' || c == '\\') {
                out.append('\\').append((char) c);
            } else if (c >= 0x20 && c < 0x7f) {
                out.append((char) c);
            } else {
                out.append('\\').append(String.format("%03o", c));
            }
        }
        return out.append('"').toString();
    }

    public static String quote(String text) {
        return quote(text.getBytes(java.nio.charset.StandardCharsets.UTF_8));
    }

    /** Colon-separated hex without leading zeros, as ISC prints opaque option data ({@code 1:2:ab}). */
    public static String hex(byte[] bytes) {
        StringJoiner joiner = new StringJoiner(":");
        for (byte b : bytes) {
            joiner.add(Integer.toHexString(b & 0xff));
        }
        return joiner.toString();
    }

    private static boolean isPrintable(byte[] bytes) {
        for (byte b : bytes) {
            if (b < 0x20 || b >= 0x7f) {
                return false;
            }
        }
        return true;
    }
}
