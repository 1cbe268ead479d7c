package io.ironlease.shared.leases;

import java.io.IOException;
import java.io.InputStream;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.util.Arrays;

/**
 * The byte buffer under the lease file lexer: refills from the stream while keeping the record being
 * parsed, grows for long records, and turns buffer indices into file:line:col. Line numbers are counted
 * only for bytes that leave the buffer, eight at a time.
 */
class LeaseInput {

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

    private static final boolean[] BLANK = new boolean[256];

    static {
        for (char c : new char[] {' ', '\n', '\t', '\r', '\f'}) {
            BLANK[c] = true;
        }
    }

    private static final VarHandle LONGS = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);

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

    LeaseInput(InputStream in, String fileName, int bufferSize, int maxRecordBytes) {
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
        byte[] b = buf;
        int p = pos;
        int end = limit;
        while (true) {
            if (p >= end) {
                pos = p;
                throw EndOfInput.INSTANCE;
            }
            int c = b[p] & 0xff;
            if (BLANK[c]) {
                p++;
            } else if (c == '#') {
                while (b[p] != '\n') {
                    if (++p >= end) {
                        pos = p;
                        throw EndOfInput.INSTANCE;
                    }
                }
            } else {
                pos = p;
                return;
            }
        }
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
