package io.ironlease.shared.options;

import io.ironlease.shared.net.Ipv4Address;

/**
 * IPv6 address text without any name lookup (InetAddress.getByName would query DNS for a name):
 * parses RFC 4291 2.2 forms and prints RFC 5952 canonical text.
 */
public final class Ipv6Text {

    private Ipv6Text() {
    }

    /** The 16 bytes of an IPv6 literal, or null when the text is not one. */
    public static byte[] tryParse(String text) {
        if (text == null || text.length() < 2 || text.length() > 45) {
            return null;
        }
        String body = text;
        int lastColon = body.lastIndexOf(':');
        if (lastColon < 0) {
            return null;
        }
        String tail = body.substring(lastColon + 1);
        if (tail.indexOf('.') >= 0) {
            Ipv4Address v4 = Ipv4Address.tryParse(tail);
            if (v4 == null) {
                return null;
            }
            body = body.substring(0, lastColon + 1) + Integer.toHexString(v4.bits() >>> 16) + ":"
                    + Integer.toHexString(v4.bits() & 0xffff);
        }
        int gap = body.indexOf("::");
        if (gap >= 0 && body.indexOf("::", gap + 1) >= 0) {
            return null;
        }
        int[] head = groups(gap >= 0 ? body.substring(0, gap) : body);
        int[] rest = gap >= 0 ? groups(body.substring(gap + 2)) : new int[0];
        if (head == null || rest == null || (gap < 0 ? head.length != 8 : head.length + rest.length > 7)) {
            return null;
        }
        byte[] out = new byte[16];
        for (int i = 0; i < head.length; i++) {
            out[2 * i] = (byte) (head[i] >>> 8);
            out[2 * i + 1] = (byte) head[i];
        }
        for (int i = 0; i < rest.length; i++) {
            int at = 8 - rest.length + i;
            out[2 * at] = (byte) (rest[i] >>> 8);
            out[2 * at + 1] = (byte) rest[i];
        }
        return out;
    }

    private static int[] groups(String text) {
        if (text.isEmpty()) {
            return new int[0];
        }
        String[] parts = text.split(":", -1);
        if (parts.length > 8) {
            return null;
        }
        int[] values = new int[parts.length];
        for (int i = 0; i < parts.length; i++) {
            String part = parts[i];
            if (part.isEmpty() || part.length() > 4) {
                return null;
            }
            for (int j = 0; j < part.length(); j++) {
                int digit = hexDigit(part.charAt(j));
                if (digit < 0) {
                    return null;
                }
                values[i] = values[i] * 16 + digit;
            }
        }
        return values;
    }

    /** The value of an ASCII hex digit, or -1 (Character.digit would also accept non-ASCII digits). */
    static int hexDigit(char c) {
        if (c >= '0' && c <= '9') {
            return c - '0';
        }
        if (c >= 'a' && c <= 'f') {
            return c - 'a' + 10;
        }
        return c >= 'A' && c <= 'F' ? c - 'A' + 10 : -1;
    }

    /** RFC 5952 text: lower case, no leading zeros, the longest run of two or more zero groups as "::". */
    public static String format(byte[] address) {
        int[] groups = new int[8];
        for (int i = 0; i < 8; i++) {
            groups[i] = ((address[2 * i] & 0xff) << 8) | (address[2 * i + 1] & 0xff);
        }
        int bestStart = -1;
        int bestLength = 1;
        for (int i = 0; i < 8; ) {
            int j = i;
            while (j < 8 && groups[j] == 0) {
                j++;
            }
            if (j - i > bestLength) {
                bestStart = i;
                bestLength = j - i;
            }
            i = j == i ? i + 1 : j;
        }
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < 8; i++) {
            if (i == bestStart) {
                out.append("::");
                i += bestLength - 1;
                continue;
            }
            if (!out.isEmpty() && out.charAt(out.length() - 1) != ':') {
                out.append(':');
            }
            out.append(Integer.toHexString(groups[i]));
        }
        return out.toString();
    }
}
