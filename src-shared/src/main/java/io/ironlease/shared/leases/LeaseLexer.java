package io.ironlease.shared.leases;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * The values of dhcpd.leases: addresses, dates, quoted strings with dhcpd's escapes and colon-separated
 * hex. Every primitive of this lexer throws {@link EndOfInput} when it reaches the end of the buffered
 * bytes, so a record is parsed either whole or not at all: the reader then refills (keeping the record's
 * bytes) and parses the record again, or, at the end of the file, reports it as truncated. No regex, no
 * per-token objects.
 */
final class LeaseLexer extends LeaseTokens {

    private byte[] scratch = new byte[256];

    LeaseLexer(InputStream in, String fileName, int bufferSize, int maxRecordBytes) {
        super(in, fileName, bufferSize, maxRecordBytes);
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
        long canonical = canonicalDate();
        if (canonical != Long.MIN_VALUE) {
            return canonical;
        }
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

    /**
     * The form dhcpd writes, {@code " W YYYY/MM/DD HH:MM:SS"} right at {@code pos}, decoded by position
     * (the hot path: six dates a lease); {@link Long#MIN_VALUE} when the bytes take any other shape.
     */
    private long canonicalDate() {
        byte[] b = buf;
        int p = pos;
        if (p + 23 > limit || b[p] != ' ' || b[p + 2] != ' ' || b[p + 7] != '/' || b[p + 10] != '/'
                || b[p + 13] != ' ' || b[p + 16] != ':' || b[p + 19] != ':' || WORD[b[p + 22] & 0xff]) {
            return Long.MIN_VALUE;
        }
        int weekday = digit(b[p + 1]);
        int year = digit(b[p + 3]) * 1000 + digit(b[p + 4]) * 100 + digit(b[p + 5]) * 10 + digit(b[p + 6]);
        int month = digit(b[p + 8]) * 10 + digit(b[p + 9]);
        int day = digit(b[p + 11]) * 10 + digit(b[p + 12]);
        int hour = digit(b[p + 14]) * 10 + digit(b[p + 15]);
        int minute = digit(b[p + 17]) * 10 + digit(b[p + 18]);
        int second = digit(b[p + 20]) * 10 + digit(b[p + 21]);
        if ((weekday | year | month | day | hour | minute | second) < 0 || year < 1900 || month < 1 || month > 12
                || day < 1 || day > 31 || hour > 23 || minute > 59 || second > 60) {
            return Long.MIN_VALUE; // the general parser reports it, with its position
        }
        pos = p + 22;
        return LeaseTime.fromCivil(year, month, day, hour, minute, second);
    }

    /** A decimal digit's value, or a large negative number that poisons any sum it enters. */
    private static int digit(byte c) {
        return c >= '0' && c <= '9' ? c - '0' : -100_000;
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
        int length = string(); // first: string() may replace scratch with a bigger array
        return Arrays.copyOf(scratch, length);
    }

    String stringText() {
        int length = string(); // first: string() may replace scratch with a bigger array
        return new String(scratch, 0, length, StandardCharsets.UTF_8);
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
}
