package io.ironlease.shared.config;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Splits dhcpd.conf text into tokens. A word is a run of letters, digits and {@code _ - . :}, so
 * {@code 192.168.100.1}, {@code 52:54:00:aa:00:01}, {@code default-lease-time} and
 * {@code agent.circuit-id} are each one word; {@code #} starts a comment to the end of the line;
 * strings take ISC's escapes ({@code \" \\ \t \n \r \b}, octal {@code \NNN}, hex {@code \xNN}).
 * Lexical problems (an unterminated string) are collected, never thrown.
 */
public final class Lexer {

    private final String file;
    private final String text;
    private final List<ConfigError> errors;
    private int index;
    private int line = 1;
    private int column = 1;

    private Lexer(String file, String text, List<ConfigError> errors) {
        this.file = file;
        this.text = text;
        this.errors = errors;
    }

    /** Tokens of {@code text}, ending with an EOF token; problems are added to {@code errors}. */
    public static List<Token> tokenize(String file, String text, List<ConfigError> errors) {
        return new Lexer(file, text, errors).run();
    }

    private List<Token> run() {
        List<Token> tokens = new ArrayList<>();
        if (text.startsWith("\uFEFF")) {
            index = 1;
        }
        while (true) {
            skipBlanksAndComments();
            SourcePos pos = pos();
            if (index >= text.length()) {
                tokens.add(Token.eof(pos));
                return tokens;
            }
            char c = text.charAt(index);
            if (c == '"') {
                tokens.add(readString(pos));
            } else if (isWordChar(c)) {
                int start = index;
                while (index < text.length() && isWordChar(text.charAt(index))) {
                    advance();
                }
                tokens.add(Token.word(text.substring(start, index), pos));
            } else {
                tokens.add(Token.symbol(readSymbol(), pos));
            }
        }
    }

    static boolean isWordChar(char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')
                || c == '_' || c == '-' || c == '.' || c == ':' || (c >= 0x80 && !Character.isWhitespace(c));
    }

    private void skipBlanksAndComments() {
        while (index < text.length()) {
            char c = text.charAt(index);
            if (c == '#') {
                while (index < text.length() && text.charAt(index) != '\n') {
                    advance();
                }
            } else if (Character.isWhitespace(c) || Character.isISOControl(c)) {
                advance();
            } else {
                return;
            }
        }
    }

    private String readSymbol() {
        char c = text.charAt(index);
        advance();
        if (index < text.length()) {
            char next = text.charAt(index);
            if ((c == '!' || c == '~' || c == '=') && next == '=' || c == '~' && next == '~') {
                advance();
                return "" + c + next;
            }
        }
        return String.valueOf(c);
    }

    private Token readString(SourcePos start) {
        advance();
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        while (index < text.length()) {
            char c = text.charAt(index);
            advance();
            if (c == '"') {
                return Token.string(bytes.toByteArray(), start);
            }
            if (c != '\\') {
                writeChar(bytes, c);
                continue;
            }
            if (index >= text.length()) {
                break;
            }
            readEscape(bytes);
        }
        errors.add(new ConfigError(start, "unterminated string (missing closing \")"));
        return Token.string(bytes.toByteArray(), start);
    }

    private void readEscape(ByteArrayOutputStream bytes) {
        char c = text.charAt(index);
        advance();
        switch (c) {
            case 't' -> bytes.write('\t');
            case 'n' -> bytes.write('\n');
            case 'r' -> bytes.write('\r');
            case 'b' -> bytes.write('\b');
            case 'x' -> {
                int value = 0;
                int digits = 0;
                while (digits < 2 && index < text.length() && hexValue(text.charAt(index)) >= 0) {
                    value = value * 16 + hexValue(text.charAt(index));
                    advance();
                    digits++;
                }
                bytes.write(digits == 0 ? 'x' : value);
            }
            default -> {
                if (c >= '0' && c <= '7') {
                    int value = c - '0';
                    for (int digits = 1; digits < 3 && index < text.length()
                            && text.charAt(index) >= '0' && text.charAt(index) <= '7'; digits++) {
                        value = value * 8 + (text.charAt(index) - '0');
                        advance();
                    }
                    bytes.write(value & 0xff);
                } else {
                    writeChar(bytes, c);
                }
            }
        }
    }

    private void writeChar(ByteArrayOutputStream bytes, char c) {
        if (c < 0x80) {
            bytes.write(c);
        } else if (Character.isHighSurrogate(c) && index < text.length()
                && Character.isLowSurrogate(text.charAt(index))) {
            bytes.writeBytes(new String(new char[] {c, text.charAt(index)}).getBytes(StandardCharsets.UTF_8));
            advance();
        } else {
            bytes.writeBytes(String.valueOf(c).getBytes(StandardCharsets.UTF_8));
        }
    }

    static int hexValue(char c) {
        if (c >= '0' && c <= '9') {
            return c - '0';
        }
        if (c >= 'a' && c <= 'f') {
            return c - 'a' + 10;
        }
        return c >= 'A' && c <= 'F' ? c - 'A' + 10 : -1;
    }

    private void advance() {
        if (text.charAt(index) == '\n') {
            line++;
            column = 1;
        } else {
            column++;
        }
        index++;
    }

    private SourcePos pos() {
        return new SourcePos(file, line, column);
    }
}
