package io.ironlease.shared.config;

import java.util.List;

/** Rebuilds readable source text from tokens: one space where the source had a gap, none otherwise. */
final class SourceText {

    private SourceText() {
    }

    static String join(List<Token> tokens) {
        StringBuilder out = new StringBuilder();
        Token previous = null;
        for (Token token : tokens) {
            if (previous != null && gapBetween(previous, token)) {
                out.append(' ');
            }
            out.append(token.source());
            previous = token;
        }
        return out.toString();
    }

    private static boolean gapBetween(Token previous, Token token) {
        if (previous.pos().line() != token.pos().line() || !previous.pos().file().equals(token.pos().file())) {
            return true;
        }
        return previous.pos().column() + previous.source().length() != token.pos().column();
    }
}
