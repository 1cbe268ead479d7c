package io.ironlease.shared.config;

import java.nio.charset.StandardCharsets;

/**
 * A lexical token of dhcpd.conf. Words are kept as text and classified by the parser (a word may be a
 * keyword, a number, a dotted quad, colon-separated hex or a host name, as ISC's lexer also leaves
 * open); strings carry the bytes their escapes denote.
 *
 * @param kind  what the token is
 * @param text  the word or symbol; for strings, the value decoded as UTF-8
 * @param bytes for strings, the exact bytes; empty otherwise
 * @param pos   where the token starts
 */
public record Token(Kind kind, String text, byte[] bytes, SourcePos pos) {

    /** Token kinds. */
    public enum Kind { WORD, STRING, SYMBOL, EOF }

    static Token word(String text, SourcePos pos) {
        return new Token(Kind.WORD, text, new byte[0], pos);
    }

    static Token symbol(String text, SourcePos pos) {
        return new Token(Kind.SYMBOL, text, new byte[0], pos);
    }

    static Token string(byte[] bytes, SourcePos pos) {
        return new Token(Kind.STRING, new String(bytes, StandardCharsets.UTF_8), bytes, pos);
    }

    static Token eof(SourcePos pos) {
        return new Token(Kind.EOF, "", new byte[0], pos);
    }

    @Override
    public byte[] bytes() {
        return bytes.clone();
    }

    public boolean isWord() {
        return kind == Kind.WORD;
    }

    public boolean isWord(String word) {
        return kind == Kind.WORD && text.equalsIgnoreCase(word);
    }

    public boolean isSymbol(String symbol) {
        return kind == Kind.SYMBOL && text.equals(symbol);
    }

    public boolean isString() {
        return kind == Kind.STRING;
    }

    public boolean isEof() {
        return kind == Kind.EOF;
    }

    /** The token as an error message quotes it. */
    public String describe() {
        return switch (kind) {
            case EOF -> "end of file";
            case STRING -> "string \"" + text + "\"";
            case SYMBOL -> "\"" + text + "\"";
            case WORD -> "\"" + text + "\"";
        };
    }

    /** The token as dhcpd.conf source would spell it (strings re-quoted). */
    public String source() {
        return kind == Kind.STRING ? io.ironlease.shared.options.OptionText.quote(bytes) : text;
    }

    @Override
    public String toString() {
        return pos + " " + kind + " " + source();
    }
}
