package io.ironlease.shared.config;

import java.util.List;

/** A position in one file's tokens, with the expect-or-fail helpers and error recovery of the parser. */
final class TokenCursor {

    private final List<Token> tokens;
    private int index;

    TokenCursor(List<Token> tokens) {
        if (tokens.isEmpty() || !tokens.get(tokens.size() - 1).isEof()) {
            throw new IllegalArgumentException("tokens must end with EOF");
        }
        this.tokens = tokens;
    }

    Token peek() {
        return tokens.get(index);
    }

    Token peek(int ahead) {
        return tokens.get(Math.min(index + ahead, tokens.size() - 1));
    }

    Token next() {
        Token token = tokens.get(index);
        if (!token.isEof()) {
            index++;
        }
        return token;
    }

    boolean atEof() {
        return peek().isEof();
    }

    /** Consumes the symbol if it is next. */
    boolean accept(String symbol) {
        if (peek().isSymbol(symbol)) {
            next();
            return true;
        }
        return false;
    }

    /** Consumes the word (any case) if it is next. */
    boolean acceptWord(String word) {
        if (peek().isWord(word)) {
            next();
            return true;
        }
        return false;
    }

    Token expectSymbol(String symbol, String context) {
        Token token = peek();
        if (!token.isSymbol(symbol)) {
            throw error(token, "expected \"" + symbol + "\"" + context + ", got " + token.describe());
        }
        return next();
    }

    /** Expects the {@code ;} that ends a statement. */
    void expectSemicolon(String statement) {
        Token token = peek();
        if (!token.isSymbol(";")) {
            throw error(token, "expected \";\" after " + statement + ", got " + token.describe());
        }
        next();
    }

    Token expectWord(String what) {
        Token token = peek();
        if (!token.isWord()) {
            throw error(token, "expected " + what + ", got " + token.describe());
        }
        return next();
    }

    void expectKeyword(String keyword, String context) {
        Token token = peek();
        if (!token.isWord(keyword)) {
            throw error(token, "expected \"" + keyword + "\"" + context + ", got " + token.describe());
        }
        next();
    }

    Token expectString(String what) {
        Token token = peek();
        if (!token.isString()) {
            throw error(token, "expected " + what + " (a quoted string), got " + token.describe());
        }
        return next();
    }

    /** A name given as a word or a quoted string (dhcpd accepts both for keys, hosts, groups, peers). */
    Token expectName(String what) {
        Token token = peek();
        if (!token.isWord() && !token.isString()) {
            throw error(token, "expected " + what + ", got " + token.describe());
        }
        return next();
    }

    /**
     * The next token, with colon-separated hex that the source broke over blanks or lines joined into
     * one word ({@code ff:ff:\n 00:00} reads as {@code ff:ff:00:00}), as dhcpd's lexer, which makes
     * every colon its own token, allows.
     */
    Token nextJoiningColons() {
        Token first = next();
        if (!first.isWord()) {
            return first;
        }
        StringBuilder text = new StringBuilder(first.text());
        while (peek().isWord() && (text.charAt(text.length() - 1) == ':' || peek().text().startsWith(":"))) {
            text.append(next().text());
        }
        return text.length() == first.text().length() ? first : Token.word(text.toString(), first.pos());
    }

    static ParseError error(Token token, String message) {
        return new ParseError(token.pos(), message);
    }

    /**
     * Skips the rest of a broken statement: through the next {@code ;}, or to (not past) the {@code }}
     * that closes the enclosing block; a nested block met on the way is skipped whole.
     */
    void recover() {
        recover(null, java.util.Set.of());
    }

    /**
     * As {@link #recover()}, but also stops before a word from {@code keywords} that begins a later line
     * than {@code start}: a statement missing its {@code ;} then costs one error, not the next block.
     */
    void recover(SourcePos start, java.util.Set<String> keywords) {
        while (!atEof()) {
            Token token = peek();
            if (start != null && token.isWord() && token.pos().line() > start.line()
                    && token.pos().file().equals(start.file())
                    && keywords.contains(token.text().toLowerCase(java.util.Locale.ROOT))) {
                return;
            }
            if (token.isSymbol(";")) {
                next();
                return;
            }
            if (token.isSymbol("}")) {
                return;
            }
            if (token.isSymbol("{")) {
                skipBlock();
                accept(";");
                return;
            }
            next();
        }
    }

    /** Skips a balanced {@code { ... }} starting at the current {@code {}. */
    void skipBlock() {
        int depth = 0;
        while (!atEof()) {
            Token token = next();
            if (token.isSymbol("{")) {
                depth++;
            } else if (token.isSymbol("}") && --depth == 0) {
                return;
            }
        }
    }

    /** Source text of the tokens from {@code start} (an index) to the current position. */
    String textSince(int start) {
        return SourceText.join(tokens.subList(start, index));
    }

    int mark() {
        return index;
    }
}
