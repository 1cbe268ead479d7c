package io.ironlease.shared.leases;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;

/**
 * Words, punctuation, numbers and whole statements of dhcpd.leases, read in place from the buffer:
 * a word is returned as its start index and compared byte by byte, never as a String.
 */
class LeaseTokens extends LeaseInput {

    /** Letters, digits, '-', '_' and '.': what dhcpd's lexer reads as one name or number. */
    static final boolean[] WORD = new boolean[256];
    /** Bytes that matter when skipping a statement: quote, comment, ';', braces. */
    private static final boolean[] STATEMENT_SPECIAL = new boolean[256];

    static {
        for (int c = 0; c < 256; c++) {
            WORD[c] = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')
                    || c == '-' || c == '_' || c == '.';
        }
        for (char c : new char[] {'"', '#', ';', '{', '}'}) {
            STATEMENT_SPECIAL[c] = true;
        }
    }

    LeaseTokens(InputStream in, String fileName, int bufferSize, int maxRecordBytes) {
        super(in, fileName, bufferSize, maxRecordBytes);
    }

    /** Reads a word (letters, digits, '-', '_', '.') after blanks; returns its start, {@code pos} is its end. */
    int word() {
        skipSpace();
        byte[] b = buf;
        int start = pos;
        int p = start;
        int end = limit;
        while (p < end && WORD[b[p] & 0xff]) {
            p++;
        }
        pos = p;
        if (p >= end) {
            throw EndOfInput.INSTANCE;
        }
        return start;
    }

    /**
     * The first word of the next statement in a block, or -1 once the block's closing '}' is consumed;
     * empty statements (a lone ';') are skipped.
     */
    int nextStatement(String what) {
        while (true) {
            skipSpace();
            byte c = buf[pos];
            if (c == '}') {
                pos++;
                return -1;
            }
            if (c != ';') {
                return requireWord(what);
            }
            pos++;
        }
    }

    /** Reads a word and fails unless it is non-empty. */
    int requireWord(String what) {
        int start = word();
        if (pos == start) {
            throw syntax(start, "expected " + what + ", found " + describe(start));
        }
        return start;
    }

    boolean is(int start, byte[] keyword) {
        int len = pos - start;
        if (len != keyword.length) {
            return false;
        }
        for (int i = 0; i < len; i++) {
            if (buf[start + i] != keyword[i]) {
                return false;
            }
        }
        return true;
    }

    String text(int start) {
        return new String(buf, start, pos - start, StandardCharsets.UTF_8);
    }

    void expect(char c) {
        skipSpace();
        if (buf[pos] != c) {
            throw syntax(pos, "expected '" + c + "', found " + describe(pos));
        }
        pos++;
    }

    /** Consumes {@code c} after blanks if it is there. */
    boolean accept(char c) {
        skipSpace();
        if (buf[pos] == c) {
            pos++;
            return true;
        }
        return false;
    }

    String describe(int at) {
        if (at >= limit) {
            return "end of file";
        }
        int c = buf[at] & 0xff;
        if (WORD[c]) {
            int end = at;
            while (end < limit && end - at < 40 && WORD[buf[end] & 0xff]) {
                end++;
            }
            return "'" + new String(buf, at, end - at, StandardCharsets.UTF_8) + "'";
        }
        return c >= 0x20 && c < 0x7f ? "'" + (char) c + "'" : String.format("byte 0x%02x", c);
    }

    /** An unsigned decimal number, after blanks. */
    long number() {
        skipSpace();
        return -digits(false);
    }

    /** A number with an optional leading '-', down to {@link Long#MIN_VALUE}. */
    long signedNumber() {
        skipSpace();
        if (buf[pos] == '-') {
            pos++;
            return digits(true);
        }
        return -digits(false);
    }

    /** Accumulates digits negatively (so Long.MIN_VALUE fits); returns the negated value. */
    private long digits(boolean negative) {
        int start = pos;
        long value = 0;
        while (true) {
            if (pos >= limit) {
                throw EndOfInput.INSTANCE;
            }
            int d = buf[pos] - '0';
            if (d < 0 || d > 9) {
                break;
            }
            if (value < (Long.MIN_VALUE + d) / 10) {
                throw syntax(start, "number out of range");
            }
            value = value * 10 - d;
            pos++;
        }
        if (pos == start) {
            throw syntax(start, "expected a number, found " + describe(start));
        }
        if (!negative && value == Long.MIN_VALUE) {
            throw syntax(start, "number out of range");
        }
        return value;
    }

    /**
     * Skips the rest of a statement: up to a ';' outside braces, or to the '}' that closes a block the
     * statement opened ({@code on expiry { ... }}). Strings and comments are honoured.
     */
    void skipStatement() {
        byte[] b = buf;
        int end = limit;
        int p = pos;
        int depth = 0;
        while (true) {
            while (p < end && !STATEMENT_SPECIAL[b[p] & 0xff]) {
                p++;
            }
            if (p >= end) {
                pos = p;
                throw EndOfInput.INSTANCE;
            }
            byte c = b[p++];
            if (c == '"') {
                pos = p;
                skipStringBody();
                p = pos;
            } else if (c == '#') {
                while (p < end && b[p] != '\n') {
                    p++;
                }
            } else if (c == ';') {
                if (depth == 0) {
                    pos = p;
                    return;
                }
            } else if (c == '{') {
                depth++;
            } else if (c == '}') {
                if (depth == 0) {
                    throw syntax(p - 1, "expected ';' before '}'");
                }
                if (--depth == 0) {
                    pos = p;
                    return;
                }
            }
        }
    }

    private void skipStringBody() {
        while (true) {
            if (pos >= limit) {
                throw EndOfInput.INSTANCE;
            }
            byte c = buf[pos++];
            if (c == '"') {
                return;
            }
            if (c == '\\') {
                peek();
                pos++;
            }
        }
    }

    /** A statement verbatim from {@code start} to its end. */
    String rawStatement(int start) {
        skipStatement();
        return new String(buf, start, pos - start, StandardCharsets.UTF_8);
    }
}
