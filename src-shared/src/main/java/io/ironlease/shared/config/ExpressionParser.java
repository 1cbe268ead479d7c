package io.ironlease.shared.config;

import io.ironlease.shared.config.ast.Expression;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Parses dhcp-eval expressions ({@code man dhcp-eval}) into {@link Expression} trees. Precedence from
 * loosest: {@code or}, {@code and}, {@code not}, comparisons ({@code = != ~= ~~}), additive
 * ({@code + - | ^}), multiplicative ({@code * / % &}), then primaries: strings, numbers, names,
 * {@code option NAME}, {@code exists NAME}, calls {@code f(a, b)} and parentheses.
 */
final class ExpressionParser {

    private static final Set<String> COMPARISONS = Set.of("=", "!=", "~=", "~~", "==");
    private static final Set<String> ADDITIVE = Set.of("+", "-", "|", "^");
    private static final Set<String> MULTIPLICATIVE = Set.of("*", "/", "%", "&");
    private static final Set<String> OPTION_REFS = Set.of("option", "config-option", "exists");
    private static final int MAX_DEPTH = 60;

    private final TokenCursor cursor;
    private int depth;

    ExpressionParser(TokenCursor cursor) {
        this.cursor = cursor;
    }

    Expression parse() {
        return or();
    }

    private Expression or() {
        Expression left = and();
        while (cursor.peek().isWord("or")) {
            Token op = cursor.next();
            left = new Expression.Binary(op.pos(), "or", left, and());
        }
        return left;
    }

    private Expression and() {
        Expression left = not();
        while (cursor.peek().isWord("and")) {
            Token op = cursor.next();
            left = new Expression.Binary(op.pos(), "and", left, not());
        }
        return left;
    }

    private Expression not() {
        if (cursor.peek().isWord("not")) {
            Token op = cursor.next();
            enter(op);
            try {
                return new Expression.Not(op.pos(), not());
            } finally {
                depth--;
            }
        }
        return comparison();
    }

    private Expression comparison() {
        Expression left = additive();
        Token op = cursor.peek();
        if (op.kind() == Token.Kind.SYMBOL && COMPARISONS.contains(op.text())) {
            cursor.next();
            return new Expression.Binary(op.pos(), op.text(), left, additive());
        }
        return left;
    }

    private Expression additive() {
        Expression left = multiplicative();
        while (isOperator(cursor.peek(), ADDITIVE)) {
            Token op = cursor.next();
            left = new Expression.Binary(op.pos(), op.text(), left, multiplicative());
        }
        return left;
    }

    private Expression multiplicative() {
        Expression left = primary();
        while (isOperator(cursor.peek(), MULTIPLICATIVE)) {
            Token op = cursor.next();
            left = new Expression.Binary(op.pos(), op.text(), left, primary());
        }
        return left;
    }

    private static boolean isOperator(Token token, Set<String> operators) {
        return (token.kind() == Token.Kind.SYMBOL || token.isWord("-")) && operators.contains(token.text());
    }

    private Expression primary() {
        Token token = cursor.peek();
        enter(token);
        try {
            if (cursor.accept("(")) {
                Expression inner = or();
                cursor.expectSymbol(")", " to close the parenthesis");
                return inner;
            }
            if (token.isString()) {
                cursor.next();
                return new Expression.Str(token.pos(), token.bytes());
            }
            if (!token.isWord()) {
                throw TokenCursor.error(token, "expected an expression, got " + token.describe());
            }
            cursor.next();
            String word = token.text();
            if (OPTION_REFS.contains(word.toLowerCase(java.util.Locale.ROOT))) {
                Token name = cursor.expectWord("an option name after " + word);
                return new Expression.OptionRef(token.pos(), word, name.text());
            }
            if (cursor.peek().isSymbol("(")) {
                return call(token);
            }
            char first = word.charAt(0);
            return first >= '0' && first <= '9' || first == '-' && word.length() > 1
                    ? new Expression.Literal(token.pos(), word) : new Expression.Identifier(token.pos(), word);
        } finally {
            depth--;
        }
    }

    private Expression call(Token function) {
        cursor.expectSymbol("(", "");
        List<Expression> arguments = new ArrayList<>();
        if (!cursor.accept(")")) {
            do {
                arguments.add(or());
            } while (cursor.accept(","));
            cursor.expectSymbol(")", " to close the arguments of " + function.text());
        }
        return new Expression.Call(function.pos(), function.text(), arguments);
    }

    private void enter(Token token) {
        if (++depth > MAX_DEPTH) {
            throw TokenCursor.error(token, "expression nested deeper than " + MAX_DEPTH + " levels");
        }
    }

    /**
     * Consumes an executable statement as source text: up to the {@code ;} at bracket depth 0, or a
     * whole {@code { ... }} body (as {@code define f(x) { ... }} has), then an optional {@code ;}.
     */
    String rawStatement() {
        int start = cursor.mark();
        int parens = 0;
        while (!cursor.atEof()) {
            Token token = cursor.peek();
            if (parens == 0 && token.isSymbol(";")) {
                String text = cursor.textSince(start);
                cursor.next();
                return text;
            }
            if (parens == 0 && token.isSymbol("}")) {
                throw TokenCursor.error(token, "expected \";\" to end the statement, got \"}\"");
            }
            if (parens == 0 && token.isSymbol("{")) {
                cursor.skipBlock();
                String text = cursor.textSince(start);
                cursor.accept(";");
                return text;
            }
            if (token.isSymbol("(")) {
                parens++;
            } else if (token.isSymbol(")")) {
                parens = Math.max(0, parens - 1);
            }
            cursor.next();
        }
        throw TokenCursor.error(cursor.peek(), "unexpected end of file inside a statement");
    }

    /** Consumes a balanced {@code { ... }} and answers its source text, braces included. */
    String rawBlock(String what) {
        Token open = cursor.peek();
        if (!open.isSymbol("{")) {
            throw TokenCursor.error(open, "expected \"{\" to open " + what + ", got " + open.describe());
        }
        int start = cursor.mark();
        cursor.skipBlock();
        String text = cursor.textSince(start);
        if (!text.endsWith("}")) {
            throw TokenCursor.error(open, "the block of " + what + " opened here is not closed");
        }
        return text;
    }
}
