package io.ironlease.shared.leases;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.Objects;

/**
 * A variable in a lease's binding scope, written {@code set NAME = VALUE;}: what dhcpd keeps for DDNS
 * ({@code ddns-fwd-name}), the client's vendor class ({@code vendor-class-identifier}), OMAPI's
 * {@code remote-handle} ({@code = %10}) and any {@code set} in dhcpd.conf. dhcpd accepts three kinds of
 * value in a lease file: a string, {@code %N} and {@code true}/{@code false}.
 */
public record LeaseVariable(String name, Value value) {

    public LeaseVariable {
        Objects.requireNonNull(value, "value");
        if (!isValidName(name)) {
            throw new IllegalArgumentException("not a variable name: \"" + name + "\"");
        }
    }

    public static LeaseVariable text(String name, String text) {
        return new LeaseVariable(name, Data.ofText(text));
    }

    public static LeaseVariable numeric(String name, long value) {
        return new LeaseVariable(name, new Numeric(value));
    }

    public static LeaseVariable bool(String name, boolean value) {
        return new LeaseVariable(name, new Bool(value));
    }

    /** Names as dhcpd's lexer reads them: letters, digits, '-', '_' and '.', starting with a letter or '_'. */
    public static boolean isValidName(String name) {
        if (name == null || name.isEmpty() || name.length() > 255) {
            return false;
        }
        char first = name.charAt(0);
        if (!(Character.isLetter(first) && first < 128) && first != '_') {
            return false;
        }
        for (int i = 1; i < name.length(); i++) {
            char c = name.charAt(i);
            boolean ok = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')
                    || c == '-' || c == '_' || c == '.';
            if (!ok) {
                return false;
            }
        }
        return true;
    }

    /** The value of a lease variable. */
    public sealed interface Value permits Data, Numeric, Bool {
    }

    /** Bytes, written as a quoted string with octal escapes ({@code set x = "a\001";}). */
    public record Data(byte[] bytes) implements Value {
        public Data {
            bytes = bytes.clone();
        }

        public static Data ofText(String text) {
            return new Data(text.getBytes(StandardCharsets.UTF_8));
        }

        @Override
        public byte[] bytes() {
            return bytes.clone();
        }

        /** The bytes read as UTF-8 text. */
        public String text() {
            return new String(bytes, StandardCharsets.UTF_8);
        }

        byte[] rawBytes() {
            return bytes;
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Data other && Arrays.equals(bytes, other.bytes);
        }

        @Override
        public int hashCode() {
            return Arrays.hashCode(bytes);
        }

        @Override
        public String toString() {
            return "Data[" + HexFormat.ofDelimiter(":").formatHex(bytes) + "]";
        }
    }

    /** A number, written {@code %N}. */
    public record Numeric(long value) implements Value {
    }

    /** A boolean, written {@code true} or {@code false}. */
    public record Bool(boolean value) implements Value {
    }
}
