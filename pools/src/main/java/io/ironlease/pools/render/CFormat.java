package io.ironlease.pools.render;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;

/**
 * The few C {@code printf} conversions dhcpd-pools uses ({@code %g}, {@code %.3f}, padded {@code %s}),
 * reproduced exactly as glibc prints them: rounding on the exact binary value, half to even, and
 * {@code nan}/{@code -nan} by the sign bit. {@link String#format} rounds the shortest decimal form
 * half up instead (0.3125 becomes 0.313 where C prints 0.312), so it cannot be used here.
 */
public final class CFormat {

    /** The NaN that x86 division 0.0/0.0 produces: sign bit set, printed {@code -nan} by glibc. */
    public static final double NEG_NAN = Double.longBitsToDouble(0xfff8_0000_0000_0000L);
    /** The NaN of C's {@code NAN} macro, printed {@code nan}. */
    public static final double NAN = Double.longBitsToDouble(0x7ff8_0000_0000_0000L);

    private static final MathContext SIX_DIGITS = new MathContext(6, RoundingMode.HALF_EVEN);

    private CFormat() {
    }

    /**
     * C's {@code (float)(100 * part) / whole}: the percentage as dhcpd-pools computes it, with the
     * product narrowed to float first. A zero whole gives what x86 gives: {@code -nan} for 0/0.
     */
    public static double percent(double part, double whole) {
        double hundredfold = (float) (100 * part);
        if (whole == 0) {
            return hundredfold == 0 ? NEG_NAN : Math.copySign(Double.POSITIVE_INFINITY, hundredfold);
        }
        return hundredfold / whole;
    }

    /** As {@link #percent} but {@link #NAN} for a zero whole, as dhcpd-pools guards some columns. */
    public static double guardedPercent(double part, double whole) {
        return whole == 0 ? NAN : percent(part, whole);
    }

    /** {@code %g}: six significant digits, trailing zeros removed, exponent form outside 1e-4..1e6. */
    public static String g(double value) {
        String special = special(value);
        if (special != null) {
            return special;
        }
        String sign = isNegative(value) ? "-" : "";
        double magnitude = Math.abs(value);
        if (magnitude == 0) {
            return sign + "0";
        }
        BigDecimal rounded = new BigDecimal(magnitude).round(SIX_DIGITS);
        int exponent = rounded.precision() - rounded.scale() - 1;
        if (exponent < -4 || exponent >= 6) {
            BigDecimal mantissa = rounded.movePointLeft(exponent);
            String digits = stripZeros(mantissa.setScale(5, RoundingMode.UNNECESSARY).toPlainString());
            String exp = String.valueOf(Math.abs(exponent));
            return sign + digits + (exponent < 0 ? "e-" : "e+") + (exp.length() < 2 ? "0" + exp : exp);
        }
        return sign + stripZeros(rounded.setScale(5 - exponent, RoundingMode.UNNECESSARY).toPlainString());
    }

    /** {@code %.3f}. */
    public static String f3(double value) {
        String special = special(value);
        if (special != null) {
            return special;
        }
        String digits = new BigDecimal(Math.abs(value)).setScale(3, RoundingMode.HALF_EVEN).toPlainString();
        return (isNegative(value) ? "-" : "") + digits;
    }

    /** {@code %Ns}: right-justified in {@code width} columns, never truncated. */
    public static String right(String text, int width) {
        return text.length() >= width ? text : " ".repeat(width - text.length()) + text;
    }

    /** {@code %-Ns}: left-justified in {@code width} columns, never truncated. */
    public static String left(String text, int width) {
        return text.length() >= width ? text : text + " ".repeat(width - text.length());
    }

    private static String special(double value) {
        if (Double.isNaN(value)) {
            return Double.doubleToRawLongBits(value) < 0 ? "-nan" : "nan";
        }
        if (Double.isInfinite(value)) {
            return value < 0 ? "-inf" : "inf";
        }
        return null;
    }

    private static boolean isNegative(double value) {
        return Double.doubleToRawLongBits(value) < 0;
    }

    private static String stripZeros(String plain) {
        if (plain.indexOf('.') < 0) {
            return plain;
        }
        int end = plain.length();
        while (plain.charAt(end - 1) == '0') {
            end--;
        }
        if (plain.charAt(end - 1) == '.') {
            end--;
        }
        return plain.substring(0, end);
    }
}
