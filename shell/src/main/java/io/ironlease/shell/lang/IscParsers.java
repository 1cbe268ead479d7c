package io.ironlease.shell.lang;

import io.ironlease.shell.lang.Token.Kind;
import java.io.ByteArrayOutputStream;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;

/**
 * The pieces of ISC's parser (parse.c) that omshell calls, with their warnings: {@code atoi} as
 * glibc does it, {@code convert_num} for colon-separated hex bytes, {@code parse_base64} for key
 * secrets and {@code parse_host_name} for key names.
 */
final class IscParsers {

    private static final String BASE64 = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
    private static final BigInteger LONG_MIN = BigInteger.valueOf(Long.MIN_VALUE);
    private static final BigInteger LONG_MAX = BigInteger.valueOf(Long.MAX_VALUE);

    private IscParsers() {
    }

    /** glibc's {@code atoi}: {@code (int) strtol(s, NULL, 10)}; out-of-range values clamp to a long first. */
    static int atoi(String text) {
        int i = 0;
        while (i < text.length() && Lexer.isSpace(text.charAt(i))) {
            i++;
        }
        boolean negative = false;
        if (i < text.length() && (text.charAt(i) == '-' || text.charAt(i) == '+')) {
            negative = text.charAt(i) == '-';
            i++;
        }
        int start = i;
        while (i < text.length() && Lexer.isDigit(text.charAt(i))) {
            i++;
        }
        if (i == start) {
            return 0;
        }
        BigInteger value = new BigInteger(text.substring(start, i));
        if (negative) {
            value = value.negate();
        }
        value = value.max(LONG_MIN).min(LONG_MAX);
        return (int) value.longValue();
    }

    /** ISC's {@code convert_num(cfile, buf, str, 16, 8)}: one byte from hex text, with its warnings. */
    static byte hexByte(Lexer lexer, String text) {
        int at = 0;
        boolean negative = false;
        if (!text.isEmpty() && text.charAt(0) == '-') {
            negative = true;
            at++;
        }
        long value = 0;
        do {
            int digit = at < text.length() ? text.charAt(at) : 0;
            at++;
            if (digit >= 'a') {
                digit = digit - 'a' + 10;
            } else if (digit >= 'A') {
                digit = digit - 'A' + 10;
            } else if (digit >= '0') {
                digit -= '0';
            } else {
                lexer.warn("Bogus number: " + text + ".");
                break;
            }
            if (digit >= 16) {
                lexer.warn("Bogus number " + text + ": digit " + digit + " not in base 16");
                break;
            }
            value = (value * 16 + digit) & 0xffff_ffffL;
        } while (at < text.length());
        int max = negative ? 128 : 255;
        if (value > max) {
            lexer.warn((negative ? "-" : "") + Long.toHexString(value) + " exceeds max (" + max + ") for precision.");
        }
        return (byte) (negative ? -value : value);
    }

    /**
     * ISC's {@code parse_host_name}: names and numbers joined by dots ({@code omapi_key},
     * {@code key.example.}); null when the next token cannot start one.
     */
    static String hostName(Lexer lexer) {
        List<String> parts = new ArrayList<>();
        boolean trailingDot;
        Token token;
        do {
            token = lexer.peek();
            if (!token.isIdentifier() && token.kind() != Kind.NUMBER) {
                trailingDot = false;
                break;
            }
            parts.add(lexer.next().text());
            token = lexer.peek();
            trailingDot = token.isChar('.');
            if (trailingDot) {
                lexer.next();
            }
        } while (trailingDot);
        if (parts.isEmpty()) {
            return null;
        }
        return String.join(".", parts) + (trailingDot ? "." : "");
    }

    /**
     * ISC's {@code parse_base64}: tokens are collected while the next one is made of base64 characters
     * (a '+' or '/' splits a secret into several tokens), then decoded; null where ISC returns no data.
     * At the end of input ISC checks a stale token value and, when it looks like base64, loops forever
     * (omshell hangs on a last line {@code key NAME SECRET} without a newline); here the end of input
     * always ends the collection.
     */
    static byte[] base64(Lexer lexer) {
        List<String> parts = new ArrayList<>();
        boolean more;
        do {
            parts.add(lexer.next().text());
            Token next = lexer.peek();
            more = next.kind() != Kind.EOF && isBase64Text(next.text());
        } while (more);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int k = 0;
        int acc = 0;
        boolean terminated = false;
        for (String part : parts) {
            for (int i = 0; i < part.length(); i++) {
                char c = part.charAt(i);
                if (terminated && c != '=') {
                    lexer.warn("stuff after base64 '=' terminator: " + part.substring(i) + ".");
                    return null;
                }
                int value = c == '=' ? 0 : BASE64.indexOf(c);
                if (c < ' ' || c > 'z' || value < 0) {
                    lexer.warn("invalid base64 character " + (int) (byte) c + ".");
                    return null;
                }
                if (c == '=') {
                    terminated = true;
                } else {
                    acc = (acc << 6) + value;
                    switch (k % 4) {
                        case 1 -> {
                            out.write(acc >> 4);
                            acc &= 0x0f;
                        }
                        case 2 -> {
                            out.write(acc >> 2);
                            acc &= 0x03;
                        }
                        case 3 -> {
                            out.write(acc);
                            acc = 0;
                        }
                        default -> { }
                    }
                }
                k++;
            }
        }
        if (k % 4 != 0 && acc != 0) {
            lexer.warn("partial base64 value left over: " + acc + ".");
        }
        return out.size() == 0 ? null : out.toByteArray();
    }

    private static boolean isBase64Text(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c < ' ' || c > 'z' || (c != '=' && BASE64.indexOf(c) < 0)) {
                return false;
            }
        }
        return true;
    }
}
