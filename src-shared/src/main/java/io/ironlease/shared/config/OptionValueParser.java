package io.ironlease.shared.config;

import io.ironlease.shared.net.HardwareAddress;
import io.ironlease.shared.options.DomainNames;
import io.ironlease.shared.options.HostRef;
import io.ironlease.shared.options.IscEnumeration;
import io.ironlease.shared.options.Ipv6Text;
import io.ironlease.shared.options.OptionAtom;
import io.ironlease.shared.options.OptionType;
import io.ironlease.shared.options.OptionValue;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Reads an option value from tokens, field by field as its type says, the way dhcpd's
 * parse_option_token does: arrays separated by commas, record fields by blanks. Stops before the
 * statement's {@code ;}.
 */
final class OptionValueParser {

    private final TokenCursor cursor;

    OptionValueParser(TokenCursor cursor) {
        this.cursor = cursor;
    }

    OptionValue parse(OptionType type, String optionName) {
        List<OptionValue.Element> elements = new ArrayList<>();
        List<OptionType.Field> fields = type.fields();
        int n = fields.size();
        if (type.singleAtom() == OptionAtom.ZERO_LENGTH) {
            return new OptionValue(type, elements);
        }
        if (cursor.peek().isSymbol(";")) {
            throw TokenCursor.error(cursor.peek(), optionName + " needs a value (" + type.typeText() + ")");
        }
        switch (type.repeat()) {
            case NONE -> {
                for (int i = 0; i < n; i++) {
                    if (i == n - 1 && type.lastOptional() && cursor.peek().isSymbol(";")) {
                        break;
                    }
                    elements.add(field(fields.get(i), optionName));
                }
            }
            case ALL -> {
                do {
                    for (OptionType.Field field : fields) {
                        elements.add(field(field, optionName));
                    }
                } while (cursor.accept(","));
            }
            case LAST -> {
                for (int i = 0; i < n - 1; i++) {
                    elements.add(field(fields.get(i), optionName));
                }
                if (!cursor.peek().isSymbol(";")) {
                    do {
                        elements.add(field(fields.get(n - 1), optionName));
                    } while (cursor.accept(","));
                }
            }
        }
        if (!cursor.peek().isSymbol(";")) {
            throw TokenCursor.error(cursor.peek(), "unexpected " + cursor.peek().describe() + " in "
                    + optionName + " (" + type.typeText() + "); expected \";\"");
        }
        return new OptionValue(type, elements);
    }

    private OptionValue.Element field(OptionType.Field field, String optionName) {
        Token token = cursor.peek();
        OptionAtom atom = field.atom();
        String where = " for " + optionName;
        switch (atom) {
            case IP_ADDRESS -> {
                return new OptionValue.Address(hostRef(cursor.expectWord("an IP address or host name" + where)));
            }
            case IP6_ADDRESS -> {
                byte[] bytes = Ipv6Text.tryParse(cursor.expectWord("an IPv6 address" + where).text());
                if (bytes == null) {
                    throw TokenCursor.error(token, "expected an IPv6 address" + where + ", got " + token.describe());
                }
                return new OptionValue.Address6(bytes);
            }
            case FLAG -> {
                return new OptionValue.Flag(bool(cursor.expectWord("true or false" + where)));
            }
            case TEXT -> {
                return new OptionValue.Text(cursor.expectString("text" + where).bytes());
            }
            case STRING, ENCAPSULATION -> {
                return new OptionValue.Data(data(cursor.nextJoiningColons(), "a string or colon-separated hex" + where));
            }
            case DOMAIN_NAME -> {
                return new OptionValue.DomainName(domain(cursor.expectName("a domain name" + where)));
            }
            case DOMAIN_LIST, DOMAIN_LIST_COMPRESSED -> {
                List<String> names = new ArrayList<>();
                names.add(domain(cursor.expectString("a domain name" + where)));
                while (cursor.peek().isSymbol(",") && cursor.peek(1).isString()) {
                    cursor.next();
                    names.add(domain(cursor.next()));
                }
                return new OptionValue.DomainList(names);
            }
            case ENUMERATION -> {
                Token word = cursor.expectWord("a value" + where);
                IscEnumeration enumeration = IscEnumeration.named(field.argument()).orElseThrow();
                Integer code = enumeration.code(word.text()).orElseThrow(() -> TokenCursor.error(word,
                        "unknown value " + word.describe() + where + "; expected one of: "
                                + String.join(", ", enumeration.values().keySet())));
                return new OptionValue.EnumValue(word.text().toLowerCase(Locale.ROOT), code);
            }
            case SPACE_NAME -> {
                return new OptionValue.SpaceName(cursor.expectName("an option space name" + where).text());
            }
            default -> {
                return new OptionValue.Int(integer(cursor.expectWord("a number" + where), atom, optionName));
            }
        }
    }

    static HostRef hostRef(Token token) {
        try {
            return HostRef.parse(token.text());
        } catch (IllegalArgumentException e) {
            throw TokenCursor.error(token, "expected an IP address or host name, got " + token.describe());
        }
    }

    static boolean bool(Token token) {
        switch (token.text().toLowerCase(Locale.ROOT)) {
            case "true", "on" -> {
                return true;
            }
            case "false", "off" -> {
                return false;
            }
            default -> throw TokenCursor.error(token, "expected true, false, on or off, got " + token.describe());
        }
    }

    /** Bytes of a quoted string, or of colon-separated hex octets ({@code 1:2:ab}, one or two digits each). */
    static byte[] data(Token token, String what) {
        if (token.isString()) {
            return token.bytes();
        }
        byte[] bytes = token.isWord() ? colonHex(token.text()) : null;
        if (bytes == null) {
            throw TokenCursor.error(token, "expected " + what + ", got " + token.describe());
        }
        return bytes;
    }

    /** Colon-separated hex octets (HardwareAddress's reading, ASCII only), or null when the text is not that. */
    static byte[] colonHex(String text) {
        if (text.isEmpty() || !text.chars().allMatch(c -> c < 0x80)) {
            return null;
        }
        try {
            return HardwareAddress.parseColonHex(text);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    private static String domain(Token token) {
        String problem = DomainNames.problem(token.text());
        if (problem != null) {
            throw TokenCursor.error(token, "bad domain name: " + problem);
        }
        return token.text();
    }

    private static long integer(Token token, OptionAtom atom, String optionName) {
        if (atom == OptionAtom.LEASE_TIME && token.text().equalsIgnoreCase("infinite")) {
            return 0xffff_ffffL;
        }
        Long value = Numbers.parse(token.text());
        if (value == null) {
            throw TokenCursor.error(token, "expected a number for " + optionName + ", got " + token.describe());
        }
        if (value < atom.minValue() || value > atom.maxValue()) {
            throw TokenCursor.error(token, optionName + " " + token.text() + " is out of range "
                    + atom.minValue() + "-" + atom.maxValue());
        }
        return value;
    }
}
