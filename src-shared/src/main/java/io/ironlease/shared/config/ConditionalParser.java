package io.ironlease.shared.config;

import io.ironlease.shared.config.ast.Statement;
import io.ironlease.shared.config.model.ScopeKind;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/** {@code if / elsif / else} blocks (bodies limited to what dhcpd allows) and {@code on EVENT { ... }}. */
final class ConditionalParser {

    /** Parses a braced block of statements in a scope (the file parser's). */
    @FunctionalInterface
    interface BlockParser {
        List<Statement> block(ScopeKind kind, Token opener, String what);
    }

    private final TokenCursor cursor;
    private final ParseState state;
    private final BlockParser blocks;

    ConditionalParser(TokenCursor cursor, ParseState state, BlockParser blocks) {
        this.cursor = cursor;
        this.state = state;
        this.blocks = blocks;
    }

    Statement ifStatement(Token token, ScopeKind kind) {
        List<Statement.Branch> branches = new ArrayList<>();
        branches.add(branch(token, kind));
        List<Statement> otherwise = List.of();
        while (true) {
            Token next = cursor.peek();
            if (next.isWord("elsif")) {
                cursor.next();
                branches.add(branch(next, kind));
            } else if (next.isWord("else") && cursor.peek(1).isWord("if")) {
                cursor.next();
                cursor.next();
                branches.add(branch(next, kind));
            } else if (next.isWord("else")) {
                cursor.next();
                otherwise = conditionalBody(blocks.block(kind, next, "else"));
                break;
            } else {
                break;
            }
        }
        return new Statement.If(token.pos(), branches, otherwise);
    }

    private Statement.Branch branch(Token token, ScopeKind kind) {
        var condition = new ExpressionParser(cursor).parse();
        return new Statement.Branch(token.pos(), condition, conditionalBody(blocks.block(kind, token, "if")));
    }

    /** dhcpd allows only options, parameters and executable statements inside if/else (no declarations). */
    private List<Statement> conditionalBody(List<Statement> body) {
        List<Statement> kept = new ArrayList<>();
        for (Statement statement : body) {
            if (statement instanceof Statement.Option || statement instanceof Statement.If
                    || statement instanceof Statement.On || statement instanceof Statement.Executable) {
                kept.add(statement);
            } else {
                state.error(statement.pos(), "declarations are not allowed inside if/else; only options, "
                        + "parameters and executable statements");
            }
        }
        return kept;
    }

    Statement on(Token token) {
        List<String> events = new ArrayList<>();
        do {
            Token event = cursor.expectWord("commit, release or expiry");
            String name = event.text().toLowerCase(Locale.ROOT);
            if (!Set.of("commit", "release", "expiry").contains(name)) {
                throw TokenCursor.error(event, "unknown event " + event.describe()
                        + "; expected one of: commit, release, expiry");
            }
            events.add(name);
        } while (cursor.acceptWord("or"));
        String body = new ExpressionParser(cursor).rawBlock("on " + String.join(" or ", events));
        cursor.accept(";");
        return new Statement.On(token.pos(), events, body);
    }
}
