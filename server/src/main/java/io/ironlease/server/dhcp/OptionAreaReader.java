package io.ironlease.server.dhcp;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Reads option areas (the options field, then file and sname when overloaded) into one ordered
 * option list, concatenating repeated codes in the order met (RFC 3396 5, RFC 2131 4.1).
 */
final class OptionAreaReader {

    private final byte[] data;
    private final int base;
    private final List<Integer> codes = new ArrayList<>();
    private final List<byte[]> values = new ArrayList<>();
    private final List<Integer> firstOffsets = new ArrayList<>();

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

    private void append(int code, int valueOffset, int length, int optionOffset) {
        int index = codes.indexOf(code);
        byte[] chunk = Arrays.copyOfRange(data, base + valueOffset, base + valueOffset + length);
        if (index < 0) {
            codes.add(code);
            values.add(chunk);
            firstOffsets.add(optionOffset);
        } else {
            byte[] old = values.get(index);
            byte[] joined = Arrays.copyOf(old, old.length + length);
            System.arraycopy(chunk, 0, joined, old.length, length);
            values.set(index, joined);
        }
    }

    /** The overload option read so far from the options field, checked; null when absent. */
    Overload overload() throws DhcpParseException {
        int index = codes.indexOf(OptionCodes.OVERLOAD);
        if (index < 0) {
            return null;
        }
        byte[] value = values.get(index);
        try {
            OptionChecks.check(OptionCodes.OVERLOAD, value);
        } catch (IllegalArgumentException e) {
            throw new DhcpParseException(e.getMessage(), firstOffsets.get(index));
        }
        return Overload.fromCode(value[0] & 0xff);
    }

    /** The concatenated options, each checked; a bad value reports its first instance's offset. */
    DhcpOptions build() throws DhcpParseException {
        List<DhcpOption> options = new ArrayList<>(codes.size());
        for (int k = 0; k < codes.size(); k++) {
            int code = codes.get(k);
            try {
                OptionChecks.check(code, values.get(k));
            } catch (IllegalArgumentException e) {
                throw new DhcpParseException(e.getMessage(), firstOffsets.get(k));
            }
            options.add(new DhcpOption(code, values.get(k)));
        }
        return options.isEmpty() ? DhcpOptions.empty() : new DhcpOptions(List.copyOf(options));
    }
}
