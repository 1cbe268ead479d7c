package io.ironlease.shell.lang;

import java.nio.charset.StandardCharsets;

/**
 * A value of omshell's local object, typed as omshell types it (OMAPI-NOTES section 4): what was set
 * with {@code set} keeps the type it was typed with, what came from the server is data. The type
 * decides how omshell prints the value; on the wire every value is just bytes.
 */
sealed interface Value {

    /** The bytes sent for this value; empty for null (omshell's {@code unset}). */
    byte[] wire();

    /** The value as omshell prints it after {@code NAME = }. */
    String render();

    /** {@code set NAME = 5}: a 4-byte integer, printed in decimal. */
    record Int(int value) implements Value {
        @Override
        public byte[] wire() {
            return new byte[] {(byte) (value >>> 24), (byte) (value >>> 16), (byte) (value >>> 8), (byte) value};
        }

        @Override
        public String render() {
            return Integer.toString(value);
        }
    }

    /** {@code set NAME = "text"}: printed in quotes as it is, inner quotes unescaped. {@code text} is byte text. */
    record Text(String text) implements Value {
        @Override
        public byte[] wire() {
            return text.getBytes(StandardCharsets.ISO_8859_1);
        }

        @Override
        public String render() {
            return '"' + text + '"';
        }
    }

    /** Dotted quads, colon-separated hex, and every value the server sent: printed by {@link #printable}. */
    record Data(byte[] bytes) implements Value {
        public Data {
            bytes = bytes.clone();
        }

        @Override
        public byte[] wire() {
            return bytes.clone();
        }

        @Override
        public String render() {
            return printable(bytes);
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Data other && java.util.Arrays.equals(bytes, other.bytes);
        }

        @Override
        public int hashCode() {
            return java.util.Arrays.hashCode(bytes);
        }

        @Override
        public String toString() {
            return "Data[" + render() + "]";
        }
    }

    /** A name without a value: {@code unset NAME}, or a zero-length value from the server. */
    record Null() implements Value {
        @Override
        public byte[] wire() {
            return new byte[0];
        }

        @Override
        public String render() {
            return "<null>";
        }
    }

    /**
     * ISC's {@code print_hex_or_string} with omshell's 1025-byte buffer: {@code "text"} when every byte
     * is printable ASCII (at most 1022 of them shown), otherwise colon-separated hex (at most 341 bytes).
     */
    static String printable(byte[] bytes) {
        final int limit = 1025;
        for (int i = 0; i < limit - 3 && i < bytes.length; i++) {
            if (bytes[i] < 0x20 || bytes[i] > 0x7e) {
                StringBuilder hex = new StringBuilder();
                for (int j = 0; j < limit / 3 && j < bytes.length; j++) {
                    if (j > 0) {
                        hex.append(':');
                    }
                    hex.append(Character.forDigit((bytes[j] >> 4) & 0xf, 16)).append(Character.forDigit(bytes[j] & 0xf, 16));
                }
                return hex.toString();
            }
        }
        return '"' + new String(bytes, 0, Math.min(bytes.length, limit - 3), StandardCharsets.ISO_8859_1) + '"';
    }
}
