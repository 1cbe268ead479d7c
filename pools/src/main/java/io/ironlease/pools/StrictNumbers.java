package io.ironlease.pools;

import java.util.regex.Pattern;

/**
 * C's {@code strtod} for option values, as dhcpd-pools' {@code strtod_or_err} accepts them: optional
 * leading blanks and sign, decimal digits with an optional fraction and exponent, nothing after.
 * {@link Double#parseDouble} alone would also take "1d", "0x1p3" or "NaN".
 */
final class StrictNumbers {

    private static final Pattern DECIMAL =
            Pattern.compile("[ \\t\\n\\x0B\\f\\r]*[+-]?(\\d+\\.?\\d*|\\.\\d+)([eE][+-]?\\d+)?");

    private StrictNumbers() {
    }

    static double strtod(String text) {
        if (!DECIMAL.matcher(text).matches()) {
            throw new UsageException("illegal argument: '" + text + "'");
        }
        return Double.parseDouble(text.strip());
    }
}
