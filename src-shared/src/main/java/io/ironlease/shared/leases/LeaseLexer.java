package io.ironlease.shared.leases;

import java.io.IOException;
import java.io.InputStream;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * Byte-level tokens of dhcpd.leases over a refillable buffer. Every primitive throws
 * {@link EndOfInput} when it reaches the end of the buffered bytes, so a record is parsed either whole
 * or not at all: the reader then refills (keeping the record's bytes) and parses the record again, or,
 * at the end of the file, reports it as truncated. No regex, no per-token objects.
 */
final class LeaseLexer {

    /** The buffered bytes ran out; thrown without a stack trace. */
    static final class EndOfInput extends RuntimeException {
        private static final long serialVersionUID = 1L;
        static final EndOfInput INSTANCE = new EndOfInput();

        private EndOfInput() {
            super(null, null, false, false);
        }
    }

    /** A syntax error at a buffer index; becomes a {@link LeaseFileException} with file:line:col. */
    static final class SyntaxError extends RuntimeException {
        private static final long serialVersionUID = 1L;
        final int at;

        SyntaxError(int at, String message) {
            super(message, null, false, false);
            this.at = at;
        }
    }

    private static final boolean[] WORD = new boolean[256];
    /** Bytes that matter when skipping a statement: quote, comment, ';', braces. */
    private static final boolean[] STATEMENT_SPECIAL = new boolean[256];
    private static final VarHandle LONGS = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);

    static {
        for (int c = 0; c < 256; c++) {
            WORD[c] = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')
                    || c == '-' || c == '_' || c == '.';
        }
        for (char c : new char[] {'"', '#', ';', '{', '}'}) {
            STATEMENT_SPECIAL[c] = true;
        }
    }

    private final InputStream in;
    private final String fileName;
    private final int maxRecordBytes;
    byte[] buf;
    int pos;
    int limit;
    boolean eof;
    private long base;
    private int counted;
    private long line = 1;
    private long lineStart;
    private byte[] scratch = new byte[256];

    LeaseLexer(InputStream in, String fileName, int bufferSize, int maxRecordBytes) {
        this.in = in;
        this.fileName = fileName;
        this.maxRecordBytes = maxRecordBytes;
        this.buf = new byte[bufferSize];
    }

    /** Drops the bytes before {@code keepFrom}, then reads more; returns how far indices moved down. */
    int fill(int keepFrom) throws IOException, LeaseFileException {
        countLines(keepFrom);
        int keep = limit - keepFrom;
        if (keepFrom > 0) {
            System.arraycopy(buf, keepFrom, buf, 0, keep);
            base += keepFrom;
            counted = 0;
            pos -= keepFrom;
            limit = keep;
        }
        if (limit == buf.length) {
            if (buf.length >= maxRecordBytes) {
                throw new LeaseFileException(position(0), "record longer than " + maxRecordBytes + " bytes");
            }
            buf = Arrays.copyOf(buf, (int) Math.min((long) buf.length * 2, maxRecordBytes));
        }
        int n = in.read(buf, limit, buf.length - limit);
        if (n < 0) {
            eof = true;
        } else {
            limit += n;
        }
        return keepFrom;
    }

    long bytesRead() {
        return base + limit;
    }

    private void countLines(int upTo) {
        if (upTo <= counted) {
            return;
        }
        int newlines = countNewlines(buf, counted, upTo);
        if (newlines > 0) {
            line += newlines;
            int last = upTo - 1;
            while (buf[last] != '\n') {
                last--;
            }
            lineStart = base + last + 1;
        }
        counted = upTo;
    }

    /** Newlines in buf[from, to), eight bytes at a time (exact SWAR zero-byte test on x ^ '\n'). */
    static int countNewlines(byte[] b, int from, int to) {
        int n = 0;
        int i = from;
        for (; i + 8 <= to; i += 8) {
            long x = (long) LONGS.get(b, i) ^ 0x0a0a_0a0a_0a0a_0a0aL;
            long nonZero = ((x & 0x7f7f_7f7f_7f7f_7f7fL) + 0x7f7f_7f7f_7f7f_7f7fL) | x;
            n += Long.bitCount(~nonZero & 0x8080_8080_8080_8080L);
        }
        for (; i < to; i++) {
            if (b[i] == '\n') {
                n++;
            }
        }
        return n;
    }

    LeaseFilePosition position(int index) {
        long l = line;
        long start = lineStart;
        for (int i = counted; i < index && i < limit; i++) {
            if (buf[i] == '\n') {
                l++;
                start = base + i + 1;
            }
        }
        long offset = base + index;
        return new LeaseFilePosition(fileName, l, offset - start + 1, offset);
    }

    LeaseFileException error(SyntaxError e) {
        return new LeaseFileException(position(Math.min(e.at, limit)), e.getMessage());
    }

    SyntaxError syntax(int at, String message) {
        return new SyntaxError(at, message);
    }

    int peek() {
        if (pos >= limit) {
            throw EndOfInput.INSTANCE;
        }
        return buf[pos] & 0xff;
    }

    /** Skips blanks, newlines and {@code #} comments. */
    void skipSpace() {
        while (true) {
            if (pos >= limit) {
                throw EndOfInput.INSTANCE;
            }
            byte c = buf[pos];
            if (c == ' ' || c == '\n' || c == '\t' || c == '\r' || c == '\f') {
                pos++;
            } else if (c == '#') {
                while (buf[pos] != '\n') {
                    if (++pos >= limit) {
                        throw EndOfInput.INSTANCE;
                    }
                }
            } else {
                return;
            }
        }
    }

    /** Reads a word (letters, digits, '-', '_', '.') after blanks; returns its start, {@code pos} is its end. */
    int word() {
        skipSpace();
        int start = pos;
        while (true) {
            if (pos >= limit) {
                throw EndOfInput.INSTANCE;
            }
            if (!WORD[buf[pos] & 0xff]) {
                return start;
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

    /** A dotted-quad IPv4 address, as its 32 bits. */
    int ipv4() {
        int start = word();
        int bits = 0;
        int octets = 0;
        int value = -1;
        for (int i = start; i <= pos; i++) {
            int c = i < pos ? buf[i] : '.';
            if (c == '.') {
                if (value < 0 || ++octets > 4) {
                    throw syntax(start, "expected an IPv4 address, found " + describe(start));
                }
                bits = (bits << 8) | value;
                value = -1;
            } else if (c >= '0' && c <= '9' && value < 256) {
                value = (value < 0 ? 0 : value * 10) + (c - '0');
            } else {
                throw syntax(start, "expected an IPv4 address, found " + describe(start));
            }
            if (value > 255) {
                throw syntax(start, "expected an IPv4 address, found " + describe(start));
            }
        }
        if (octets != 4) {
            throw syntax(start, "expected an IPv4 address, found " + describe(start));
        }
        return bits;
    }

    private static final byte[] NEVER = {'n', 'e', 'v', 'e', 'r'};
    private static final byte[] EPOCH = {'e', 'p', 'o', 'c', 'h'};

    /**
     * A date as dhcpd writes it, up to but not including the ';': {@code W YYYY/MM/DD HH:MM:SS} (UTC; the
     * weekday is ignored), {@code epoch N} or {@code never}.
     */
    long date() {
        int start = word();
        if (is(start, NEVER)) {
            return LeaseTime.NEVER;
        }
        if (is(start, EPOCH)) {
            return number();
        }
        if (pos == start) {
            throw syntax(start, "expected a date, found " + describe(start));
        }
        for (int i = start; i < pos; i++) {
            if (buf[i] < '0' || buf[i] > '9') {
                throw syntax(start, "expected a date (weekday, never or epoch), found " + describe(start));
            }
        }
        int at = pos;
        long year = number();
        expect('/');
        long month = number();
        expect('/');
        long day = number();
        long hour = number();
        expect(':');
        long minute = number();
        expect(':');
        long second = number();
        if (year > 999_999 || month < 1 || month > 12 || day < 1 || day > 31 || hour > 23 || minute > 59
                || second > 60) {
            throw syntax(at, "date out of range");
        }
        if (year < 1900) {
            year += 1900; // dhcpd reads years as an offset from 1900 when they are small
        }
        return LeaseTime.fromCivil(year, (int) month, (int) day, (int) hour, (int) minute, (int) second);
    }

    /** A quoted string with dhcpd's escapes; the bytes land in {@link #scratch()}, the length is returned. */
    int string() {
        skipSpace();
        if (buf[pos] != '"') {
            throw syntax(pos, "expected a quoted string, found " + describe(pos));
        }
        pos++;
        int n = 0;
        while (true) {
            if (pos >= limit) {
                throw EndOfInput.INSTANCE;
            }
            int c = buf[pos++] & 0xff;
            if (c == '"') {
                return n;
            }
            if (c == '\\') {
                c = escape();
            }
            if (n == scratch.length) {
                scratch = Arrays.copyOf(scratch, n * 2);
            }
            scratch[n++] = (byte) c;
        }
    }

    private int escape() {
        int e = peek();
        pos++;
        switch (e) {
            case 't':
                return '\t';
            case 'r':
                return '\r';
            case 'n':
                return '\n';
            case 'b':
                return '\b';
            case 'x': {
                int value = 0;
                for (int i = 0; i < 2 && hexDigit(peek()) >= 0; i++) {
                    value = value * 16 + hexDigit(buf[pos++]);
                }
                return value;
            }
            default:
                if (e >= '0' && e <= '7') {
                    int value = e - '0';
                    for (int i = 0; i < 2 && peek() >= '0' && peek() <= '7'; i++) {
                        value = value * 8 + (buf[pos++] - '0');
                    }
                    return value & 0xff;
                }
                return e;
        }
    }

    byte[] scratch() {
        return scratch;
    }

    byte[] stringBytes() {
        return Arrays.copyOf(scratch, string());
    }

    String stringText() {
        return new String(scratch, 0, string(), StandardCharsets.UTF_8);
    }

    static int hexDigit(int c) {
        if (c >= '0' && c <= '9') {
            return c - '0';
        }
        if (c >= 'a' && c <= 'f') {
            return c - 'a' + 10;
        }
        if (c >= 'A' && c <= 'F') {
            return c - 'A' + 10;
        }
        return -1;
    }

    /** Colon-separated hex octets of one or two digits, into {@link #scratch()}; returns the count. */
    int colonHex(String what) {
        skipSpace();
        int start = pos;
        int n = 0;
        while (true) {
            int high = hexDigit(peek());
            if (high < 0) {
                throw syntax(pos, "expected " + what + " (hex octets separated by ':'), found " + describe(pos));
            }
            pos++;
            int low = hexDigit(peek());
            if (low >= 0) {
                pos++;
                high = high * 16 + low;
            }
            if (n == scratch.length) {
                scratch = Arrays.copyOf(scratch, n * 2);
            }
            scratch[n++] = (byte) high;
            if (peek() != ':') {
                break;
            }
            pos++;
        }
        if (WORD[peek()]) {
            throw syntax(start, "expected " + what + " (hex octets separated by ':'), found " + describe(start));
        }
        return n;
    }

    /** Either a quoted string or colon-separated hex, as dhcpd accepts for {@code uid} and DUIDs. */
    byte[] stringOrHex(String what) {
        skipSpace();
        int n = buf[pos] == '"' ? string() : colonHex(what);
        return Arrays.copyOf(scratch, n);
    }

    /**
     * Skips the rest of a statement: up to a ';' outside braces, or to the '}' that closes a block the
     * statement opened ({@code on expiry { ... }}). Strings and comments are honoured.
     */
    void skipStatement() {
        int depth = 0;
        while (true) {
            if (pos >= limit) {
                throw EndOfInput.INSTANCE;
            }
            byte c = buf[pos++];
            if (!STATEMENT_SPECIAL[c & 0xff]) {
                continue;
            }
            if (c == '"') {
                skipStringBody();
            } else if (c == '#') {
                while (peek() != '\n') {
                    pos++;
                }
            } else if (c == ';') {
                if (depth == 0) {
                    return;
                }
            } else if (c == '{') {
                depth++;
            } else if (c == '}') {
                if (depth == 0) {
                    throw syntax(pos - 1, "expected ';' before '}'");
                }
                if (--depth == 0) {
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

    /** Skips blanks, comments and stray ';' between records, refilling; false at the end of the file. */
    boolean skipBetweenRecords() throws IOException, LeaseFileException {
        while (true) {
            int mark = pos;
            try {
                skipSpace();
                if (buf[pos] != ';') {
                    return true;
                }
                pos++; // an empty statement between declarations
            } catch (EndOfInput e) {
                int resume = commentStart(mark);
                if (eof) {
                    pos = limit;
                    return false;
                }
                pos = resume;
                fill(pos);
            }
        }
    }

    /** Where to resume after running out inside blanks: at the comment that was cut, if any. */
    private int commentStart(int from) {
        int hash = -1;
        for (int i = from; i < limit; i++) {
            if (buf[i] == '#' && hash < 0) {
                hash = i;
            } else if (buf[i] == '\n') {
                hash = -1;
            }
        }
        return hash >= 0 ? hash : limit;
    }

    /** After an error: moves to the next line that starts with a letter, where a declaration can begin. */
    void resync(int from) throws IOException, LeaseFileException {
        pos = from;
        boolean lineStart = false;
        while (true) {
            if (pos >= limit) {
                if (eof) {
                    return;
                }
                fill(pos);
                continue;
            }
            byte c = buf[pos];
            if (lineStart && ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'))) {
                return;
            }
            lineStart = c == '\n';
            pos++;
        }
    }
}
