package io.ironlease.shared.config;

import io.ironlease.shared.config.ast.OptionMode;
import io.ironlease.shared.config.ast.Statement;
import io.ironlease.shared.options.OptionAtom;
import io.ironlease.shared.options.OptionDefinition;
import io.ironlease.shared.options.OptionSpace;
import io.ironlease.shared.options.OptionType;
import io.ironlease.shared.options.OptionValue;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Option statements: settings ({@code option routers 10.0.0.1;}, {@code supersede ...}, parameters
 * such as {@code default-lease-time 600;}), {@code option space NAME;} and
 * {@code option NAME code N = TYPE;}, whose definitions apply to the statements after them.
 */
final class OptionStatementParser {

    private static final String TYPES = "boolean, integer 8|16|32, signed integer 8|16|32, unsigned integer "
            + "8|16|32, ip-address, ip6-address, text, string, domain-name, domain-list [compressed], "
            + "encapsulate SPACE, zerolen, array of TYPE, { TYPE, TYPE, ... }";

    private final TokenCursor cursor;
    private final ParseState state;

    OptionStatementParser(TokenCursor cursor, ParseState state) {
        this.cursor = cursor;
        this.state = state;
    }

    /** After the {@code option} keyword. */
    Statement option(Token keyword) {
        if (cursor.peek().isWord("space") && cursor.peek(1).isWord()) {
            cursor.next();
            return space(keyword);
        }
        Token name = cursor.expectWord("an option name after \"option\"");
        if (cursor.peek().isWord("code")) {
            return definition(keyword, name);
        }
        return setting(keyword.pos(), OptionMode.OPTION, name);
    }

    /** {@code NAME VALUE;} or {@code NAME = EXPRESSION;} for a known option or parameter. */
    Statement setting(SourcePos pos, OptionMode mode, Token name) {
        OptionDefinition definition = lookup(name);
        return settingOf(pos, mode, definition);
    }

    /** A server parameter statement, e.g. {@code default-lease-time 600;}; the keyword is consumed. */
    Statement parameter(Token keyword, OptionDefinition definition) {
        return settingOf(keyword.pos(), OptionMode.OPTION, definition);
    }

    private Statement settingOf(SourcePos pos, OptionMode mode, OptionDefinition definition) {
        String label = definition.isServerParameter() ? definition.name() : "option " + definition.qualifiedName();
        if (cursor.accept("=")) {
            var expression = new ExpressionParser(cursor).parse();
            cursor.expectSemicolon(label + " = expression");
            return new Statement.Option(pos, mode, definition, null, expression);
        }
        OptionValue value = new OptionValueParser(cursor).parse(definition.type(), label);
        cursor.expectSemicolon(label);
        return new Statement.Option(pos, mode, definition, value, null);
    }

    OptionDefinition lookup(Token name) {
        String text = name.text();
        Optional<OptionDefinition> found = state.registry.byQualifiedName(text);
        if (found.isPresent()) {
            return found.get();
        }
        int dot = text.indexOf('.');
        String space = dot < 0 ? OptionSpace.DHCP : text.substring(0, dot);
        if (state.registry.space(space).isEmpty()) {
            throw TokenCursor.error(name, "unknown option space \"" + space + "\" in " + name.describe()
                    + " (declare it first: option space " + space + ";)");
        }
        String local = dot < 0 ? text : text.substring(dot + 1);
        List<String> names = state.registry.definitions(space).stream().map(OptionDefinition::name).toList();
        String hint = Suggestions.closest(local, names).map(s -> "; did you mean \""
                + (dot < 0 ? s : space + "." + s) + "\"?").orElse("");
        throw TokenCursor.error(name, "unknown option " + name.describe() + hint
                + " (define it with: option " + text + " code N = TYPE;)");
    }

    private Statement space(Token keyword) {
        Token name = cursor.expectWord("an option space name");
        int codeWidth = 1;
        int lengthWidth = 1;
        while (!cursor.peek().isSymbol(";")) {
            Token word = cursor.expectWord("\"code width\", \"length width\", \"hash size\" or \";\"");
            if (word.isWord("code") || word.isWord("length")) {
                cursor.expectKeyword("width", " after " + word.text());
                Token number = cursor.expectWord("a width");
                Long value = Numbers.parseDecimal(number.text());
                boolean code = word.isWord("code");
                if (value == null || (code ? !(value == 1 || value == 2 || value == 4) : value > 2)) {
                    throw TokenCursor.error(number, (code ? "code width must be 1, 2 or 4"
                            : "length width must be 0, 1 or 2") + ", got " + number.describe());
                }
                if (code) {
                    codeWidth = value.intValue();
                } else {
                    lengthWidth = value.intValue();
                }
            } else if (word.isWord("hash")) {
                cursor.expectKeyword("size", " after hash");
                cursor.expectWord("a hash size");
            } else {
                throw TokenCursor.error(word, "unexpected " + word.describe()
                        + " in option space; expected code width, length width or hash size");
            }
        }
        cursor.expectSemicolon("option space " + name.text());
        OptionSpace space = new OptionSpace(name.text(), codeWidth, lengthWidth);
        state.registry = state.registry.withSpace(space);
        return new Statement.OptionSpaceDecl(keyword.pos(), space);
    }

    private Statement definition(Token keyword, Token name) {
        cursor.expectKeyword("code", "");
        String text = name.text();
        int dot = text.indexOf('.');
        String spaceName = dot < 0 ? OptionSpace.DHCP : text.substring(0, dot);
        String local = dot < 0 ? text : text.substring(dot + 1);
        OptionSpace space = state.registry.space(spaceName).orElseThrow(() -> TokenCursor.error(name,
                "unknown option space \"" + spaceName + "\" (declare it first: option space " + spaceName + ";)"));
        Token codeToken = cursor.expectWord("an option code");
        Long code = Numbers.parseDecimal(codeToken.text());
        long max = OptionSpace.DHCP.equals(space.name()) ? 254 : space.maxCode();
        if (code == null || code < 1 || code > Math.min(max, 65535)) {
            throw TokenCursor.error(codeToken, "option code must be a number from 1 to " + Math.min(max, 65535)
                    + ", got " + codeToken.describe());
        }
        cursor.expectSymbol("=", " after the option code");
        OptionType type = type();
        cursor.expectSemicolon("the option definition");
        OptionDefinition definition = new OptionDefinition(space.name(), local, code.intValue(), type);
        state.registry = state.registry.withDefinitions(List.of(definition));
        return new Statement.OptionDefinitionDecl(keyword.pos(), definition);
    }

    private OptionType type() {
        if (cursor.acceptWord("array")) {
            cursor.expectKeyword("of", " after array");
            if (cursor.peek().isSymbol("{")) {
                OptionType record = record();
                return new OptionType(record.fields(), OptionType.Repeat.ALL, false);
            }
            return new OptionType(List.of(simple()), OptionType.Repeat.ALL, false);
        }
        if (cursor.peek().isSymbol("{")) {
            return record();
        }
        return new OptionType(List.of(simple()), OptionType.Repeat.NONE, false);
    }

    private OptionType record() {
        Token open = cursor.expectSymbol("{", "");
        List<OptionType.Field> fields = new ArrayList<>();
        boolean lastArray = false;
        do {
            if (lastArray) {
                throw TokenCursor.error(cursor.peek(), "only the last field of a record may be an array");
            }
            if (cursor.acceptWord("array")) {
                cursor.expectKeyword("of", " after array");
                lastArray = true;
            }
            fields.add(simple());
        } while (cursor.accept(","));
        cursor.expectSymbol("}", " to close the record type");
        if (fields.isEmpty()) {
            throw TokenCursor.error(open, "a record type needs at least one field");
        }
        return new OptionType(fields, lastArray ? OptionType.Repeat.LAST : OptionType.Repeat.NONE, false);
    }

    private OptionType.Field simple() {
        Token word = cursor.expectWord("an option type (" + TYPES + ")");
        String text = word.text().toLowerCase(java.util.Locale.ROOT);
        OptionAtom atom = switch (text) {
            case "boolean" -> OptionAtom.FLAG;
            case "ip-address" -> OptionAtom.IP_ADDRESS;
            case "ip6-address" -> OptionAtom.IP6_ADDRESS;
            case "text" -> OptionAtom.TEXT;
            case "string" -> OptionAtom.STRING;
            case "domain-name" -> OptionAtom.DOMAIN_NAME;
            case "zerolen" -> OptionAtom.ZERO_LENGTH;
            case "domain-list" -> cursor.acceptWord("compressed") ? OptionAtom.DOMAIN_LIST_COMPRESSED
                    : OptionAtom.DOMAIN_LIST;
            case "integer" -> integer(true);
            case "signed", "unsigned" -> {
                cursor.expectKeyword("integer", " after " + text);
                yield integer(text.equals("signed"));
            }
            case "encapsulate" -> null;
            default -> throw TokenCursor.error(word, "unknown option type " + word.describe()
                    + "; expected one of: " + TYPES);
        };
        if (atom == null) {
            Token space = cursor.expectWord("an option space name after encapsulate");
            if (state.registry.space(space.text()).isEmpty()) {
                throw TokenCursor.error(space, "unknown option space \"" + space.text() + "\" to encapsulate");
            }
            return new OptionType.Field(OptionAtom.ENCAPSULATION, space.text());
        }
        return OptionType.Field.of(atom);
    }

    private OptionAtom integer(boolean signed) {
        Token width = cursor.expectWord("an integer width (8, 16 or 32)");
        return switch (width.text()) {
            case "8" -> signed ? OptionAtom.INT8 : OptionAtom.UINT8;
            case "16" -> signed ? OptionAtom.INT16 : OptionAtom.UINT16;
            case "32" -> signed ? OptionAtom.INT32 : OptionAtom.UINT32;
            default -> throw TokenCursor.error(width, "integer width must be 8, 16 or 32, got " + width.describe());
        };
    }
}
