package io.ironlease.shared.config;

import io.ironlease.shared.config.ast.OptionMode;
import io.ironlease.shared.config.ast.Statement;
import io.ironlease.shared.config.model.ScopeKind;
import io.ironlease.shared.net.Ipv4Address;
import io.ironlease.shared.options.OptionDefinition;
import io.ironlease.shared.options.OptionSpace;
import io.ironlease.shared.options.OptionValue;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * Parses the statements of one file (an included file gets its own parser over the shared state).
 * Each statement that fails is reported and skipped to its {@code ;} or block end, so one run
 * reports every problem.
 */
final class FileParser {

    private final TokenCursor cursor;
    private final ParseState state;
    private final Path path;
    private final OptionStatementParser options;
    private final FailoverParser failover;
    private final LeafParser leaves;
    private final IncludeResolver includes;
    private final ConditionalParser conditionals;

    FileParser(TokenCursor cursor, ParseState state, Path path) {
        this.cursor = cursor;
        this.state = state;
        this.path = path;
        this.options = new OptionStatementParser(cursor, state);
        this.failover = new FailoverParser(cursor, state);
        this.leaves = new LeafParser(cursor, options);
        this.includes = new IncludeResolver(state);
        this.conditionals = new ConditionalParser(cursor, state, this::block);
    }

    /** All statements up to the end of the file, as the body of a {@code kind} scope. */
    List<Statement> parseAll(ScopeKind kind) {
        List<Statement> out = new ArrayList<>();
        while (!cursor.atEof() && !state.tooManyErrors()) {
            if (cursor.peek().isSymbol("}")) {
                state.error(cursor.next().pos(), "unexpected \"}\": no block is open here");
                continue;
            }
            statement(kind, out);
        }
        return out;
    }

    private List<Statement> block(ScopeKind kind, Token opener, String what) {
        if (state.depth >= ParseState.MAX_DEPTH) {
            state.error(opener.pos(), what + " is nested deeper than " + ParseState.MAX_DEPTH + " levels");
            if (cursor.peek().isSymbol("{")) {
                cursor.skipBlock();
            }
            return List.of();
        }
        cursor.expectSymbol("{", " to open " + what);
        List<Statement> body = new ArrayList<>();
        state.depth++;
        try {
            while (!cursor.accept("}")) {
                if (cursor.atEof() || state.tooManyErrors()) {
                    state.error(opener.pos(), what + " opened here is not closed with \"}\"");
                    break;
                }
                statement(kind, body);
            }
        } finally {
            state.depth--;
        }
        cursor.accept(";");
        return body;
    }

    private void statement(ScopeKind kind, List<Statement> out) {
        SourcePos start = cursor.peek().pos();
        try {
            Statement statement = dispatch(kind, out);
            if (statement != null) {
                out.add(statement);
            }
        } catch (ParseError e) {
            state.error(e.error().pos(), e.error().message());
            cursor.recover(start, Keywords.SCOPES.keySet());
        }
    }

    private Statement dispatch(ScopeKind kind, List<Statement> out) {
        Token token = cursor.peek();
        if (!token.isWord()) {
            throw TokenCursor.error(token, "expected a statement, got " + token.describe());
        }
        String word = token.text().toLowerCase(Locale.ROOT);
        if (Keywords.DHCPV6_ONLY.contains(word)) {
            throw TokenCursor.error(token, "\"" + word + "\" is a DHCPv6 statement; this is a DHCPv4 server");
        }
        if (Keywords.SCOPES.containsKey(word) && !Keywords.allowed(word, kind)) {
            throw TokenCursor.error(token, "\"" + word + "\" is not allowed in " + describe(kind)
                    + " (allowed in: " + Keywords.whereAllowed(word) + ")");
        }
        if (Keywords.EXECUTABLE.contains(word)) {
            return new Statement.Executable(token.pos(), word, new ExpressionParser(cursor).rawStatement());
        }
        cursor.next();
        switch (word) {
            case "include" -> {
                out.addAll(includes.include(token, cursor, path, kind));
                return null;
            }
            case "shared-network" -> {
                String name = cursor.expectName("a shared-network name").text();
                return new Statement.SharedNetwork(token.pos(), name,
                        block(ScopeKind.SHARED_NETWORK, token, "shared-network " + name));
            }
            case "subnet" -> {
                return subnet(token);
            }
            case "pool" -> {
                return new Statement.Pool(token.pos(), block(ScopeKind.POOL, token, "pool"));
            }
            case "range" -> {
                return leaves.range(token);
            }
            case "host" -> {
                String name = cursor.expectName("a host name").text();
                return new Statement.Host(token.pos(), name, block(ScopeKind.HOST, token, "host " + name));
            }
            case "group" -> {
                return group(token, kind);
            }
            case "class", "vendor-class", "user-class" -> {
                String name = cursor.expectName("a class name").text();
                return new Statement.ClassDecl(token.pos(), word, name,
                        block(ScopeKind.CLASS, token, word + " \"" + name + "\""));
            }
            case "subclass" -> {
                return subclass(token);
            }
            case "key" -> {
                return failover.key(token);
            }
            case "failover" -> {
                return failover.failover(token, kind == ScopeKind.GLOBAL);
            }
            case "option" -> {
                return options.option(token);
            }
            case "supersede", "default", "prepend", "append" -> {
                OptionMode mode = OptionMode.valueOf(word.toUpperCase(Locale.ROOT));
                return options.setting(token.pos(), mode, cursor.expectWord("an option name after " + word));
            }
            case "authoritative" -> {
                return flagParameter(token, "authoritative", true);
            }
            case "not" -> {
                cursor.expectKeyword("authoritative", " after not");
                return flagParameter(token, "authoritative", false);
            }
            case "allow", "deny", "ignore" -> {
                return kind == ScopeKind.POOL ? leaves.permit(token) : leaves.flag(token);
            }
            case "server-identifier" -> {
                OptionDefinition definition = state.registry.byName(OptionSpace.DHCP, "dhcp-server-identifier")
                        .orElseThrow();
                return options.parameter(token, definition);
            }
            default -> {
                return hostOrClassStatement(token, word, kind);
            }
        }
    }

    private Statement hostOrClassStatement(Token token, String word, ScopeKind kind) {
        switch (word) {
            case "hardware" -> {
                return leaves.hardware(token);
            }
            case "fixed-address" -> {
                return leaves.fixedAddress(token);
            }
            case "uid" -> {
                return leaves.uid(token);
            }
            case "host-identifier" -> {
                return leaves.hostIdentifier(token);
            }
            case "dynamic", "deleted" -> {
                cursor.expectSemicolon(word);
                return new Statement.HostFlag(token.pos(), word);
            }
            case "match", "spawn" -> {
                return leaves.match(token);
            }
            case "lease" -> {
                return leaves.leaseLimit(token);
            }
            case "if" -> {
                return conditionals.ifStatement(token, kind);
            }
            case "on" -> {
                return conditionals.on(token);
            }
            case "zone" -> {
                String name = cursor.expectName("a zone name").text();
                String body = new ExpressionParser(cursor).rawBlock("zone " + name);
                cursor.accept(";");
                return new Statement.Zone(token.pos(), name, body);
            }
            default -> {
                Optional<OptionDefinition> parameter = state.registry.byName(OptionSpace.SERVER, word);
                if (parameter.isPresent()) {
                    return options.parameter(token, parameter.get());
                }
                throw TokenCursor.error(token, unknownStatement(token, kind));
            }
        }
    }

    private String unknownStatement(Token token, ScopeKind kind) {
        Optional<OptionDefinition> option = state.registry.byQualifiedName(token.text());
        if (option.isPresent()) {
            return "\"" + token.text() + "\" is an option, not a statement; write: option " + token.text()
                    + " VALUE; (" + option.get().type().typeText() + ")";
        }
        Set<String> candidates = new TreeSet<>(Keywords.expectedIn(kind));
        state.registry.definitions(OptionSpace.SERVER).forEach(d -> candidates.add(d.name()));
        List<String> expected = new ArrayList<>(Keywords.expectedIn(kind));
        expected.add("or a parameter such as default-lease-time (see man dhcpd.conf)");
        return Suggestions.unknown("statement", token, candidates, expected);
    }

    private Statement flagParameter(Token token, String name, boolean value) {
        OptionDefinition definition = state.registry.byName(OptionSpace.SERVER, name).orElseThrow();
        cursor.expectSemicolon(value ? name : "not " + name);
        return new Statement.Option(token.pos(), OptionMode.OPTION, definition,
                OptionValue.of(definition.type(), new OptionValue.Flag(value)), null);
    }

    private Statement subnet(Token token) {
        Ipv4Address network = leaves.address("the subnet number");
        cursor.expectKeyword("netmask", " after the subnet number");
        SourcePos netmaskPos = cursor.peek().pos();
        Ipv4Address netmask = leaves.address("the netmask");
        String label = "subnet " + network + " netmask " + netmask;
        return new Statement.Subnet(token.pos(), network, netmask, netmaskPos, block(ScopeKind.SUBNET, token, label));
    }

    private Statement group(Token token, ScopeKind kind) {
        if (kind == ScopeKind.HOST) {
            String name = cursor.expectName("a group name").text();
            cursor.expectSemicolon("group");
            return new Statement.GroupRef(token.pos(), name);
        }
        String name = cursor.peek().isSymbol("{") ? "" : cursor.expectName("a group name or \"{\"").text();
        return new Statement.Group(token.pos(), name, block(ScopeKind.GROUP, token,
                name.isEmpty() ? "group" : "group " + name));
    }

    private Statement subclass(Token token) {
        String className = cursor.expectName("a class name").text();
        Token value = leaves.subclassValue();
        byte[] bytes = OptionValueParser.data(value, "the subclass value");
        List<Statement> body = List.of();
        if (cursor.peek().isSymbol("{")) {
            body = block(ScopeKind.SUBCLASS, token, "subclass \"" + className + "\"");
        } else {
            cursor.expectSemicolon("subclass");
        }
        return new Statement.Subclass(token.pos(), className, bytes, value.source(), body);
    }

    private static String describe(ScopeKind kind) {
        return kind == ScopeKind.GLOBAL ? "the top level" : "a " + kind.keyword();
    }
}
