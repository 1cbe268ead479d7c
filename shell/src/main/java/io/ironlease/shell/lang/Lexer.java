package io.ironlease.shell.lang;

import io.ironlease.shell.lang.Token.Kind;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Set;
import java.util.function.Consumer;
import java.util.stream.Collectors;

/**
 * ISC dhcp 4.4.3's configuration lexer (conflex) as omshell uses it: one lexer per input line, with
 * end-of-line tokens. Behaviour observed from /usr/bin/omshell is kept on purpose, because it shows in
 * what omshell prints: a character read past a token and put back is counted twice in the column
 * (so the next token's column is one too far), the kept line text holds at most 80 characters, a
 * byte 0xff reads as end of input, and warnings ({@link #warn}) print the line and a caret the way
 * ISC's {@code parse_warn} does: {@code <STDIN> line N: message}, the token's line, spaces, {@code ^}.
 */
final class Lexer {

    static final int EOF = -1;
    private static final int TOKEN_BUFFER = 1500;
    private static final int KEPT_LINE = 80;
    private static final Set<String> KEYWORDS = loadKeywords();

    private final String input;
    private final Consumer<String> errors;
    private int at;
    private int line = 1;
    private int lpos = 1;
    private boolean unread;
    private char[] current = new char[KEPT_LINE + 2];
    private char[] previous = new char[KEPT_LINE + 2];
    private char[] tokenLine = current;
    private int lexLine;
    private int lexChar;
    private int peekLine;
    private int peekChar;
    private Token peeked;
    private final char[] tokenBuffer = new char[TOKEN_BUFFER + 1];
    private final char[] charBuffer = new char[2];
    private boolean valueInCharBuffer;

    /**
     * A lexer over one line of byte text (one char per byte, as read); warnings go to {@code errors}
     * one output line at a time, without line ends.
     */
    Lexer(String input, Consumer<String> errors) {
        int nul = input.indexOf('\0');
        this.input = nul >= 0 ? input.substring(0, nul) : input;
        this.errors = errors;
    }

    /** The next token the parser sees (whitespace skipped). */
    Token next() {
        Token token;
        if (peeked != null) {
            if (lexLine != peekLine) {
                tokenLine = current;
            }
            lexChar = peekChar;
            lexLine = peekLine;
            token = peeked;
            peeked = null;
        } else {
            token = rawToken();
            tokenLine = current;
        }
        while (token.kind() == Kind.WHITESPACE) {
            token = rawToken();
            tokenLine = current;
        }
        return token;
    }

    /** The next token without consuming it. */
    Token peek() {
        if (peeked == null || peeked.kind() == Kind.WHITESPACE) {
            peekChar = lexChar;
            peekLine = lexLine;
            do {
                peeked = rawToken();
            } while (peeked.kind() == Kind.WHITESPACE);
            if (lexLine != peekLine) {
                tokenLine = previous;
            }
            int swap = lexChar;
            lexChar = peekChar;
            peekChar = swap;
            swap = lexLine;
            lexLine = peekLine;
            peekLine = swap;
        }
        return peeked;
    }

    /** ISC's {@code skip_to_semi}: drops tokens up to a ';' or the end of the line. */
    void skipToSemicolon() {
        int braces = 0;
        Token token;
        do {
            token = peek();
            if (token.isChar('}')) {
                next();
                if (braces == 0 || --braces == 0) {
                    return;
                }
            } else if (token.isChar('{')) {
                braces++;
            } else if ((token.isChar(';') && braces == 0) || token.kind() == Kind.EOL) {
                next();
                return;
            }
            token = next();
        } while (token.kind() != Kind.EOF);
    }

    /**
     * ISC's {@code parse_warn} as written to stderr: message with the line number, the token's line
     * (at most 80 characters kept), then a caret under the token; past column 80 the caret stands alone.
     */
    void warn(String message) {
        StringBuilder caret = new StringBuilder();
        String text = kept(tokenLine);
        for (int i = 0; i < text.length() && i < lexChar - 1; i++) {
            if (caret.length() < 255) {
                caret.append(' ');
            }
            if (text.charAt(i) == '\t') {
                while (caret.length() < 255 && (caret.length() & 7) != 0) {
                    caret.append(' ');
                }
            }
        }
        errors.accept("<STDIN> line " + lexLine + ": " + message);
        errors.accept(text);
        errors.accept((lexChar < 81 ? caret : "") + "^");
    }

    private static String kept(char[] buffer) {
        int end = 0;
        while (buffer[end] != 0) {
            end++;
        }
        return new String(buffer, 0, end);
    }

    private int getChar() {
        int c;
        if (at >= input.length()) {
            c = EOF;
        } else {
            int b = input.charAt(at++) & 0xff;
            c = b == 0xff ? EOF : b;   // ISC reads through a signed char: 0xff is EOF
        }
        if (!unread) {
            if (c == '\n') {
                char[] swap = current;
                current = previous;
                previous = swap;
                line++;
                lpos = 1;
                current[0] = 0;
            } else if (c != EOF) {
                if (lpos <= KEPT_LINE) {
                    current[lpos - 1] = (char) c;
                    current[lpos] = 0;
                }
                lpos++;
            }
        } else {
            unread = false;
        }
        return c;
    }

    private void ungetChar(int c) {
        if (c != EOF) {
            at--;
            unread = true;
        }
    }

    private Token rawToken() {
        while (true) {
            int l = line;
            int p = lpos;
            int c = getChar();
            if (c != '\n' && isSpace(c)) {
                return whitespace(c);
            }
            if (c == '#') {
                skipToEol();
                continue;
            }
            if (c == EOF) {
                return endOfInput();
            }
            lexLine = l;
            lexChar = p;
            if (c == '"') {
                return string();
            }
            if (isDigit(c) || c == '-') {
                return number(c);
            }
            if (isAlpha(c)) {
                return name(c);
            }
            charBuffer[0] = (char) c;
            valueInCharBuffer = true;
            return new Token(c == '\n' ? Kind.EOL : Kind.CHAR, String.valueOf((char) c), false);
        }
    }

    /**
     * End of input. ISC leaves the token value pointing at the last token's buffer, which later tokens
     * (whitespace included) may have overwritten: {@code parse_base64} reads that stale text.
     */
    private Token endOfInput() {
        return new Token(Kind.EOF, valueInCharBuffer ? String.valueOf(charBuffer[0]) : kept(tokenBuffer), false);
    }

    private void skipToEol() {
        int c;
        do {
            c = getChar();
        } while (c != EOF && c != '\n');
    }

    private Token whitespace(int first) {
        int c = first;
        int length = 0;
        do {
            tokenBuffer[length++] = (char) c;
            c = getChar();
            if (c == EOF) {
                return endOfInput();
            }
        } while (c != '\n' && isSpace(c) && length < TOKEN_BUFFER);
        ungetChar(c);
        tokenBuffer[length] = 0;   // ISC's token buffer is shared: the terminator shows in later tokens
        valueInCharBuffer = false;
        return new Token(Kind.WHITESPACE, new String(tokenBuffer, 0, length), false);
    }

    private Token string() {
        int i;
        int escape = 0;
        int value = 0;
        boolean hex = false;
        for (i = 0; i < TOKEN_BUFFER; i++) {
            int c = getChar();
            while (true) {
                if (c == EOF) {
                    warn("eof in string constant");
                    break;
                }
                if (escape == 1) {
                    switch (c) {
                        case 't' -> tokenBuffer[i] = '\t';
                        case 'r' -> tokenBuffer[i] = '\r';
                        case 'n' -> tokenBuffer[i] = '\n';
                        case 'b' -> tokenBuffer[i] = '\b';
                        case '0', '1', '2', '3', 'x' -> {
                            hex = c == 'x';
                            value = hex ? 0 : c - '0';
                            escape++;
                            c = getChar();
                            continue;
                        }
                        default -> tokenBuffer[i] = (char) c;
                    }
                    escape = 0;
                } else if (escape > 1) {
                    int digit = hex ? Character.digit(c, 16) : (c >= '0' && c <= '7' ? c - '0' : -1);
                    if (digit < 0) {
                        if (hex) {
                            warn("invalid hex digit: " + Integer.toHexString((byte) c));
                            escape = 0;
                            break;
                        }
                        if (value != 0) {
                            warn("invalid octal digit " + Integer.toHexString((byte) c));
                            break;
                        }
                        tokenBuffer[i] = 0;
                        escape = 0;
                    } else {
                        value = value * (hex ? 16 : 8) + digit;
                    }
                    if (++escape == 4) {
                        tokenBuffer[i] = (char) (value & 0xff);
                        escape = 0;
                    } else {
                        c = getChar();
                        continue;
                    }
                } else if (c == '\\') {
                    escape = 1;
                    c = getChar();
                    continue;
                } else if (c == '"') {
                    return stringToken(i);
                } else {
                    tokenBuffer[i] = (char) c;
                }
                break;
            }
            if (c == EOF) {
                break;
            }
        }
        if (i == TOKEN_BUFFER) {
            warn("string constant larger than internal buffer");
            i--;
        }
        return stringToken(i);
    }

    private Token stringToken(int length) {
        tokenBuffer[length] = 0;
        valueInCharBuffer = false;
        String text = new String(tokenBuffer, 0, length);
        int nul = text.indexOf('\0');
        return new Token(Kind.STRING, nul >= 0 ? text.substring(0, nul) : text, false);
    }

    private Token number(int first) {
        int i = 0;
        Kind kind = Kind.NUMBER;
        tokenBuffer[i++] = (char) first;
        for (; i < TOKEN_BUFFER; i++) {
            int c = getChar();
            if (c < 0 || c > 127) {
                ungetChar(c);
                break;
            }
            if (kind == Kind.NUMBER && isDigit(c)) {
                tokenBuffer[i] = (char) c;
                continue;
            }
            if (kind != Kind.NAME && isHexDigit(c)) {
                kind = Kind.NUMBER_OR_NAME;
            } else if (i == 2 && isHexDigit(c) && tokenBuffer[0] == '0'
                    && (tokenBuffer[1] == 'x' || tokenBuffer[1] == 'X')) {
                kind = Kind.NUMBER_OR_NAME;   // "0x" then a hex digit: hex again
            } else if (c == '-' || c == '_' || isAlpha(c) || isDigit(c)) {
                kind = Kind.NAME;
            } else {
                ungetChar(c);
                break;
            }
            tokenBuffer[i] = (char) c;
        }
        tokenBuffer[i] = 0;
        valueInCharBuffer = false;
        return new Token(kind, new String(tokenBuffer, 0, i), false);
    }

    private Token name(int first) {
        int i = 0;
        Kind kind = Kind.NUMBER_OR_NAME;
        tokenBuffer[i++] = (char) first;
        for (; i < TOKEN_BUFFER; i++) {
            int c = getChar();
            if (c < 0 || c > 127 || (c != '-' && c != '_' && !isAlpha(c) && !isDigit(c))) {
                ungetChar(c);
                break;
            }
            if (!isHexDigit(c)) {
                kind = Kind.NAME;
            }
            tokenBuffer[i] = (char) c;
        }
        tokenBuffer[i] = 0;
        valueInCharBuffer = false;
        String text = new String(tokenBuffer, 0, i);
        return new Token(kind, text, KEYWORDS.contains(text.toLowerCase(Locale.ROOT)));
    }

    static boolean isSpace(int c) {
        return c == ' ' || c == '\t' || c == '\n' || c == 0x0b || c == '\f' || c == '\r';
    }

    static boolean isDigit(int c) {
        return c >= '0' && c <= '9';
    }

    static boolean isHexDigit(int c) {
        return isDigit(c) || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
    }

    static boolean isAlpha(int c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
    }

    private static Set<String> loadKeywords() {
        try (InputStream in = Lexer.class.getResourceAsStream("isc-keywords.txt")) {
            if (in == null) {
                throw new IllegalStateException("isc-keywords.txt is missing from the shell's resources");
            }
            return new BufferedReader(new InputStreamReader(in, StandardCharsets.US_ASCII)).lines()
                    .map(String::strip).filter(word -> !word.isEmpty() && !word.startsWith("#"))
                    .collect(Collectors.toUnmodifiableSet());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
