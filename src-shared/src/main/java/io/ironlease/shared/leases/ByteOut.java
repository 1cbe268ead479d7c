package io.ironlease.shared.leases;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.WritableByteChannel;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/** A growable byte buffer with the few text primitives the lease file writer needs. */
final class ByteOut {

    private static final byte[] HEX = "0123456789abcdef".getBytes(StandardCharsets.US_ASCII);

    private byte[] buf = new byte[8192];
    private int size;

    int size() {
        return size;
    }

    void reset() {
        size = 0;
    }

    byte[] toByteArray() {
        return Arrays.copyOf(buf, size);
    }

    private void ensure(int more) {
        if (size + more > buf.length) {
            buf = Arrays.copyOf(buf, Math.max(buf.length * 2, size + more));
        }
    }

    ByteOut ascii(String text) {
        int n = text.length();
        ensure(n);
        for (int i = 0; i < n; i++) {
            buf[size++] = (byte) text.charAt(i);
        }
        return this;
    }

    ByteOut utf8(String text) {
        return bytes(text.getBytes(StandardCharsets.UTF_8));
    }

    ByteOut bytes(byte[] data) {
        ensure(data.length);
        System.arraycopy(data, 0, buf, size, data.length);
        size += data.length;
        return this;
    }

    ByteOut put(char c) {
        ensure(1);
        buf[size++] = (byte) c;
        return this;
    }

    ByteOut decimal(long value) {
        if (value < 0) {
            put('-');
            if (value == Long.MIN_VALUE) {
                return ascii("9223372036854775808");
            }
            value = -value;
        }
        if (value < 10) {
            return put((char) ('0' + value));
        }
        int digits = 0;
        for (long v = value; v > 0; v /= 10) {
            digits++;
        }
        ensure(digits);
        for (int i = size + digits - 1; i >= size; i--) {
            buf[i] = (byte) ('0' + value % 10);
            value /= 10;
        }
        size += digits;
        return this;
    }

    /** At least two digits, zero-padded, as printf's {@code %02d}. */
    ByteOut twoDigits(long value) {
        if (value >= 0 && value < 10) {
            put('0');
        }
        return decimal(value);
    }

    ByteOut ipv4(int bits) {
        return decimal(bits >>> 24).put('.').decimal((bits >>> 16) & 0xff).put('.').decimal((bits >>> 8) & 0xff)
                .put('.').decimal(bits & 0xff);
    }

    /** Lower-case two-digit hex octets joined by ':', as dhcpd's print_hw_addr and %2.2x. */
    ByteOut colonHex(byte[] data) {
        ensure(data.length * 3);
        for (int i = 0; i < data.length; i++) {
            if (i > 0) {
                buf[size++] = ':';
            }
            buf[size++] = HEX[(data[i] >> 4) & 0xf];
            buf[size++] = HEX[data[i] & 0xf];
        }
        return this;
    }

    /**
     * dhcpd's quotify_buf: '"' and '\' get a backslash, printable ASCII stays, every other byte becomes a
     * three-digit octal escape ({@code \001}).
     */
    ByteOut quoted(byte[] data) {
        ensure(data.length * 4);
        for (byte b : data) {
            int c = b & 0xff;
            if (c == '"' || c == '\\') {
                buf[size++] = '\\';
                buf[size++] = (byte) c;
            } else if (c >= 0x20 && c < 0x7f) {
                buf[size++] = (byte) c;
            } else {
                buf[size++] = '\\';
                buf[size++] = (byte) ('0' + (c >> 6));
                buf[size++] = (byte) ('0' + ((c >> 3) & 7));
                buf[size++] = (byte) ('0' + (c & 7));
            }
        }
        return this;
    }

    /** True when dhcpd's db_printable_len holds: printable ASCII with no '"' or '\'. */
    static boolean printable(byte[] data) {
        for (byte b : data) {
            if (b < 0x20 || b >= 0x7f || b == '"' || b == '\\') {
                return false;
            }
        }
        return true;
    }

    /** Writes everything to the channel and empties the buffer. */
    void drainTo(WritableByteChannel channel) throws IOException {
        ByteBuffer view = ByteBuffer.wrap(buf, 0, size);
        while (view.hasRemaining()) {
            channel.write(view);
        }
        size = 0;
    }
}
