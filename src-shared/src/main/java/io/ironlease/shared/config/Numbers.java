package io.ironlease.shared.config;

/** Integers as dhcpd reads them (strtol base 0): decimal, {@code 0x} hex, leading-zero octal, optional sign. */
final class Numbers {

    private Numbers() {
    }

    /** The value, or null when the text is not a number or does not fit 40 bits. */
    static Long parse(String text) {
        if (text.isEmpty()) {
            return null;
        }
        boolean negative = text.charAt(0) == '-';
        String digits = negative || text.charAt(0) == '+' ? text.substring(1) : text;
        int base = 10;
        if (digits.length() > 2 && (digits.startsWith("0x") || digits.startsWith("0X"))) {
            base = 16;
            digits = digits.substring(2);
        } else if (digits.length() > 1 && digits.charAt(0) == '0') {
            base = 8;
            digits = digits.substring(1);
        }
        if (digits.isEmpty() || digits.length() > 12) {
            return null;
        }
        long value = 0;
        for (int i = 0; i < digits.length(); i++) {
            int digit = Lexer.hexValue(digits.charAt(i));
            if (digit < 0 || digit >= base) {
                return null;
            }
            value = value * base + digit;
        }
        return negative ? -value : value;
    }

    /** Unsigned decimal only, for counts and ports; null otherwise. */
    static Long parseDecimal(String text) {
        if (text.isEmpty() || text.length() > 12) {
            return null;
        }
        long value = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c < '0' || c > '9') {
                return null;
            }
            value = value * 10 + (c - '0');
        }
        return value;
    }
}
