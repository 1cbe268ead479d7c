package io.ironlease.shared.config;

import io.ironlease.shared.config.ast.Access;
import io.ironlease.shared.config.ast.Permit;
import io.ironlease.shared.config.ast.Statement;
import io.ironlease.shared.net.HardwareAddress;
import io.ironlease.shared.net.Ipv4Address;
import io.ironlease.shared.options.HostRef;
import io.ironlease.shared.options.OptionDefinition;
import io.ironlease.shared.options.OptionValue;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** One-line statements of hosts, pools and classes: hardware, fixed-address, range, allow/deny, match. */
final class LeafParser {

    /** {@code allow|deny|ignore X;} outside pools (dhcpd's parse_allow_deny). */
    static final List<String> FLAGS = List.of("unknown-clients", "bootp", "booting", "dynamic-bootp",
            "duplicates", "declines", "client-updates", "leasequery");
    static final List<String> PERMITS = List.of("known-clients", "unknown-clients", "known clients",
            "unknown clients", "all clients", "dynamic bootp clients", "authenticated clients",
            "unauthenticated clients", "members of \"CLASS\"", "after DATE");

    private final TokenCursor cursor;
    private final OptionStatementParser options;

    LeafParser(TokenCursor cursor, OptionStatementParser options) {
        this.cursor = cursor;
        this.options = options;
    }

    Statement range(Token keyword) {
        boolean dynamicBootp = cursor.acceptWord("dynamic-bootp");
        Ipv4Address low = address("the first address of the range");
        Ipv4Address high = cursor.peek().isSymbol(";") ? low : address("the last address of the range");
        cursor.expectSemicolon("range");
        return new Statement.Range(keyword.pos(), dynamicBootp, low, high);
    }

    Ipv4Address address(String what) {
        Token token = cursor.expectWord(what + " (an IPv4 address)");
        Ipv4Address address = Ipv4Address.tryParse(token.text());
        if (address == null) {
            throw TokenCursor.error(token, "expected " + what + " (an IPv4 address), got " + token.describe());
        }
        return address;
    }

    Statement hardware(Token keyword) {
        Token typeToken = cursor.expectWord("a hardware type (ethernet, token-ring, fddi, infiniband)");
        int type = HardwareAddress.typeOf(typeToken.text().toLowerCase(Locale.ROOT));
        if (type < 0) {
            throw TokenCursor.error(typeToken, "unknown hardware type " + typeToken.describe()
                    + "; expected one of: ethernet, token-ring, fddi, infiniband");
        }
        Token value = cursor.nextJoiningColons();
        byte[] bytes = OptionValueParser.colonHex(value.text());
        if (bytes == null || bytes.length > HardwareAddress.MAX_LENGTH) {
            throw TokenCursor.error(value, "expected a hardware address of at most 16 colon-separated hex bytes, got "
                    + value.describe());
        }
        cursor.expectSemicolon("hardware");
        return new Statement.Hardware(keyword.pos(), HardwareAddress.of(type, bytes));
    }

    Statement fixedAddress(Token keyword) {
        List<HostRef> addresses = new ArrayList<>();
        do {
            addresses.add(OptionValueParser.hostRef(cursor.expectWord("an IP address or host name")));
        } while (cursor.accept(","));
        cursor.expectSemicolon("fixed-address");
        return new Statement.FixedAddress(keyword.pos(), addresses);
    }

    Statement uid(Token keyword) {
        byte[] value = OptionValueParser.data(cursor.nextJoiningColons(),
                "a client identifier (string or colon-separated hex)");
        cursor.expectSemicolon("uid");
        return new Statement.Uid(keyword.pos(), value);
    }

    Statement hostIdentifier(Token keyword) {
        cursor.expectKeyword("option", " after host-identifier");
        OptionDefinition definition = options.lookup(cursor.expectWord("an option name"));
        OptionValue value = new OptionValueParser(cursor).parse(definition.type(), definition.qualifiedName());
        cursor.expectSemicolon("host-identifier");
        return new Statement.HostIdentifier(keyword.pos(), definition, value);
    }

    Statement flag(Token keyword) {
        Access access = Access.valueOf(keyword.text().toUpperCase(Locale.ROOT));
        Token flag = cursor.expectWord("what to " + access.keyword());
        String text = flag.text().toLowerCase(Locale.ROOT);
        if (!FLAGS.contains(text)) {
            throw TokenCursor.error(flag, Suggestions.unknown(access.keyword() + " keyword", flag, FLAGS, FLAGS)
                    + (text.equals("known-clients") ? " (known-clients can only be allowed or denied in a pool)"
                    : ""));
        }
        cursor.expectSemicolon(access.keyword() + " " + text);
        return new Statement.AllowDeny(keyword.pos(), access, text);
    }

    Statement permit(Token keyword) {
        boolean allow = keyword.isWord("allow");
        Token word = cursor.expectWord("a permit (" + String.join(", ", PERMITS) + ")");
        String text = word.text().toLowerCase(Locale.ROOT);
        Permit permit = switch (text) {
            case "known-clients" -> Permit.of(Permit.Kind.KNOWN_CLIENTS);
            case "unknown-clients" -> Permit.of(Permit.Kind.UNKNOWN_CLIENTS);
            case "known" -> clients(Permit.Kind.KNOWN_CLIENTS);
            case "unknown" -> clients(Permit.Kind.UNKNOWN_CLIENTS);
            case "all" -> clients(Permit.Kind.ALL_CLIENTS);
            case "authenticated" -> clients(Permit.Kind.AUTHENTICATED_CLIENTS);
            case "unauthenticated" -> clients(Permit.Kind.UNAUTHENTICATED_CLIENTS);
            case "dynamic" -> {
                cursor.expectKeyword("bootp", " (dynamic bootp clients)");
                yield clients(Permit.Kind.DYNAMIC_BOOTP_CLIENTS);
            }
            case "members" -> {
                cursor.expectKeyword("of", " (members of \"CLASS\")");
                yield new Permit(Permit.Kind.MEMBERS_OF, cursor.expectName("a class name").text(), "");
            }
            case "after" -> {
                int start = cursor.mark();
                while (!cursor.peek().isSymbol(";") && !cursor.atEof() && !cursor.peek().isSymbol("}")) {
                    cursor.next();
                }
                yield new Permit(Permit.Kind.AFTER, "", cursor.textSince(start));
            }
            default -> throw TokenCursor.error(word, Suggestions.unknown("pool permit", word, PERMITS, PERMITS));
        };
        cursor.expectSemicolon((allow ? "allow " : "deny ") + permit.toText());
        return new Statement.PoolPermit(keyword.pos(), allow, permit);
    }

    private Permit clients(Permit.Kind kind) {
        cursor.expectKeyword("clients", " (" + kind.text() + ")");
        return Permit.of(kind);
    }

    Statement match(Token keyword) {
        String kind;
        if (keyword.isWord("spawn")) {
            cursor.expectKeyword("with", " after spawn");
            kind = "spawn with";
        } else {
            kind = cursor.acceptWord("if") ? "match if" : "match";
        }
        var expression = new ExpressionParser(cursor).parse();
        cursor.expectSemicolon(kind);
        return new Statement.Match(keyword.pos(), kind, expression);
    }

    Statement leaseLimit(Token keyword) {
        cursor.expectKeyword("limit", " (lease limit N)");
        Token number = cursor.expectWord("a lease limit");
        Long value = Numbers.parseDecimal(number.text());
        if (value == null || value > Integer.MAX_VALUE) {
            throw TokenCursor.error(number, "expected a number for lease limit, got " + number.describe());
        }
        cursor.expectSemicolon("lease limit");
        return new Statement.LeaseLimit(keyword.pos(), value.intValue());
    }

    /** The value of {@code subclass "CLASS" VALUE}: a string or colon-separated hex. */
    Token subclassValue() {
        Token value = cursor.nextJoiningColons();
        OptionValueParser.data(value, "the subclass value (a string or colon-separated hex)");
        return value;
    }
}
