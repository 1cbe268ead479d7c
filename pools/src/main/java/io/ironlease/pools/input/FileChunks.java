package io.ironlease.pools.input;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.util.ArrayList;
import java.util.List;

/**
 * Cuts a dhcpd.leases into parts that start where a lease declaration starts, so that the parts can be
 * read side by side, each by its own reader. dhcpd writes every declaration from the start of a line
 * and indents what is inside, and its strings hold no raw line feed, so "{@code \nlease }" only occurs
 * in front of a lease. A reader that meets anything odd in a part reports it, and the caller then
 * reads the file again in one piece, which stays the reference.
 */
public final class FileChunks {

    /** A part: bytes {@code [start, end)}. */
    public record Chunk(long start, long end) {
        public long length() {
            return end - start;
        }
    }

    private static final byte[] MARK = "\nlease ".getBytes(java.nio.charset.StandardCharsets.US_ASCII);
    private static final int WINDOW = 1 << 16;

    private FileChunks() {
    }

    /** Up to {@code parts} chunks covering the file, each at least {@code minimum} bytes but the last. */
    public static List<Chunk> plan(FileChannel file, int parts, long minimum) throws IOException {
        long size = file.size();
        List<Chunk> chunks = new ArrayList<>();
        long start = 0;
        for (int i = 1; i < parts; i++) {
            long target = Math.max(start + minimum, size * i / parts);
            if (target >= size) {
                break;
            }
            long boundary = nextDeclaration(file, target);
            if (boundary < 0 || boundary >= size) {
                break;
            }
            chunks.add(new Chunk(start, boundary));
            start = boundary;
        }
        chunks.add(new Chunk(start, size));
        return chunks;
    }

    /** The offset of the first "lease" that begins a line at or after {@code from}, or -1. */
    static long nextDeclaration(FileChannel file, long from) throws IOException {
        ByteBuffer window = ByteBuffer.allocate(WINDOW + MARK.length);
        for (long at = Math.max(0, from - 1); at < file.size(); at += WINDOW) {
            window.clear();
            int read = readFully(file, window, at);
            byte[] bytes = window.array();
            for (int i = 0; i + MARK.length <= read; i++) {
                if (bytes[i] == '\n' && matches(bytes, i)) {
                    return at + i + 1;
                }
            }
            if (read < window.capacity()) {
                return -1;
            }
        }
        return -1;
    }

    private static boolean matches(byte[] bytes, int at) {
        for (int j = 1; j < MARK.length; j++) {
            if (bytes[at + j] != MARK[j]) {
                return false;
            }
        }
        return true;
    }

    private static int readFully(FileChannel file, ByteBuffer into, long position) throws IOException {
        int total = 0;
        while (into.hasRemaining()) {
            int n = file.read(into, position + total);
            if (n < 0) {
                break;
            }
            total += n;
        }
        return total;
    }

    /** The number of line feeds in {@code [0, end)}: the line a chunk's first line has, minus one. */
    public static long linesBefore(FileChannel file, long end) throws IOException {
        ByteBuffer buffer = ByteBuffer.allocate(1 << 20);
        long lines = 0;
        for (long at = 0; at < end; ) {
            buffer.clear();
            buffer.limit((int) Math.min(buffer.capacity(), end - at));
            int n = file.read(buffer, at);
            if (n <= 0) {
                break;
            }
            byte[] bytes = buffer.array();
            for (int i = 0; i < n; i++) {
                if (bytes[i] == '\n') {
                    lines++;
                }
            }
            at += n;
        }
        return lines;
    }

    /** A stream over one chunk, read with positional reads so that chunks can be read at once. */
    public static InputStream stream(FileChannel file, Chunk chunk) {
        return new InputStream() {
            private long position = chunk.start();

            @Override
            public int read() throws IOException {
                byte[] one = new byte[1];
                return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
            }

            @Override
            public int read(byte[] b, int off, int len) throws IOException {
                if (position >= chunk.end()) {
                    return -1;
                }
                int want = (int) Math.min(len, chunk.end() - position);
                int n = file.read(ByteBuffer.wrap(b, off, want), position);
                if (n > 0) {
                    position += n;
                }
                return n;
            }
        };
    }
}
