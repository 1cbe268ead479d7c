package io.ironlease.server.dhcp;

import java.util.Arrays;
import java.util.List;

/**
 * Reads option areas (the options field, then file and sname when overloaded) into one ordered
 * option list, concatenating repeated codes in the order met (RFC 3396 5, RFC 2131 4.1).
 */
final class OptionAreaReader {

    private final byte[] data;
    private final int base;
    // parallel arrays, grown on demand: a request carries a dozen options, decoded for every packet
    private int count;
    private int[] codes = new int[8];
    private byte[][] values = new byte[8][];
    private int[] firstOffsets = new int[8];

    OptionAreaReader(byte[] data, int base) {
        this.data = data;
        this.base = base;
    }

    /**
     * Reads [from, to) (offsets relative to the message). Stops at END; an area that ends without
     * END is accepted when its last option ends exactly at the area's end (ISC dhcpd 4.4.3 sends such
     * options fields). Lengths are checked before anything is copied.
     */
    void read(int from, int to, String area, boolean overloadAllowed) throws DhcpParseException {
        int i = from;
        while (i < to) {
            int code = data[base + i] & 0xff;
            if (code == OptionCodes.PAD) {
                i++;
                continue;
            }
            if (code == OptionCodes.END) {
                return;
            }
            if (i + 1 >= to) {
                throw new DhcpParseException("option " + code + " has no length byte before the end of the "
                        + area, i);
            }
            int length = data[base + i + 1] & 0xff;
            if (i + 2 + length > to) {
                throw new DhcpParseException("option " + code + " of length " + length + " runs past the end of the "
                        + area + " (" + (to - i - 2) + " bytes left)", i);
            }
            if (code == OptionCodes.OVERLOAD && !overloadAllowed) {
                throw new DhcpParseException("option overload (52) outside the options field, in the " + area, i);
            }
            append(code, i + 2, length, i);
            i += 2 + length;
        }
    }

    private int indexOf(int code) {
        for (int k = 0; k < count; k++) {
            if (codes[k] == code) {
                return k;
            }
        }
        return -1;
    }

    private void append(int code, int valueOffset, int length, int optionOffset) {
        int index = indexOf(code);
        if (index < 0) {
            if (count == codes.length) {
                codes = Arrays.copyOf(codes, count * 2);
                values = Arrays.copyOf(values, count * 2);
                firstOffsets = Arrays.copyOf(firstOffsets, count * 2);
            }
            codes[count] = code;
            values[count] = Arrays.copyOfRange(data, base + valueOffset, base + valueOffset + length);
            firstOffsets[count] = optionOffset;
            count++;
        } else {
            byte[] old = values[index];
            byte[] joined = Arrays.copyOf(old, old.length + length);
            System.arraycopy(data, base + valueOffset, joined, old.length, length);
            values[index] = joined;
        }
    }

    /** The overload option read so far from the options field, checked; null when absent. */
    Overload overload() throws DhcpParseException {
        int index = indexOf(OptionCodes.OVERLOAD);
        if (index < 0) {
            return null;
        }
        byte[] value = values[index];
        try {
            OptionChecks.check(OptionCodes.OVERLOAD, value);
        } catch (IllegalArgumentException e) {
            throw new DhcpParseException(e.getMessage(), firstOffsets[index]);
        }
        return Overload.fromCode(value[0] & 0xff);
    }

    /** The concatenated options, each checked; a bad value reports its first instance's offset. */
    DhcpOptions build() throws DhcpParseException {
        if (count == 0) {
            return DhcpOptions.empty();
        }
        DhcpOption[] options = new DhcpOption[count];
        for (int k = 0; k < count; k++) {
            try {
                OptionChecks.check(codes[k], values[k]);
            } catch (IllegalArgumentException e) {
                throw new DhcpParseException(e.getMessage(), firstOffsets[k]);
            }
            options[k] = DhcpOption.adopt(codes[k], values[k]); // the arrays were copied out of the datagram here
        }
        return new DhcpOptions(List.of(options));
    }
}
