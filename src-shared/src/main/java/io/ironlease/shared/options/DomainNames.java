package io.ironlease.shared.options;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Domain names in RFC 1035 wire format, with the message-compression scheme of RFC 1035 4.1.4
 * applied inside one option's data, as RFC 3397 specifies for the domain search option (119).
 */
public final class DomainNames {

    private static final int MAX_LABEL = 63;
    private static final int MAX_NAME = 255;
    private static final int MAX_POINTER_OFFSET = 0x3fff;

    private DomainNames() {
    }

    /** Checks a name's shape without encoding it; returns null when fine, else the reason. */
    public static String problem(String name) {
        String trimmed = trim(name);
        if (trimmed.isEmpty()) {
            return null;
        }
        int wire = 1;
        for (String label : trimmed.split("\\.", -1)) {
            if (label.isEmpty()) {
                return "empty label in \"" + name + "\"";
            }
            int length = label.getBytes(StandardCharsets.UTF_8).length;
            if (length > MAX_LABEL) {
                return "label longer than 63 bytes in \"" + name + "\"";
            }
            wire += length + 1;
        }
        return wire > MAX_NAME ? "name longer than 255 bytes: \"" + name + "\"" : null;
    }

    /** Encodes names one after another; with {@code compress}, repeated suffixes become pointers. */
    public static byte[] encode(List<String> names, boolean compress) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        Map<String, Integer> suffixOffsets = new HashMap<>();
        for (String name : names) {
            String problem = problem(name);
            if (problem != null) {
                throw new IllegalArgumentException(problem);
            }
            String[] labels = trim(name).isEmpty() ? new String[0] : trim(name).split("\\.");
            boolean pointed = false;
            for (int i = 0; i < labels.length; i++) {
                String suffix = String.join(".", java.util.Arrays.copyOfRange(labels, i, labels.length))
                        .toLowerCase(Locale.ROOT);
                Integer earlier = compress ? suffixOffsets.get(suffix) : null;
                if (earlier != null) {
                    out.write(0xc0 | (earlier >> 8));
                    out.write(earlier & 0xff);
                    pointed = true;
                    break;
                }
                if (compress && out.size() <= MAX_POINTER_OFFSET) {
                    suffixOffsets.put(suffix, out.size());
                }
                byte[] label = labels[i].getBytes(StandardCharsets.UTF_8);
                out.write(label.length);
                out.writeBytes(label);
            }
            if (!pointed) {
                out.write(0);
            }
        }
        return out.toByteArray();
    }

    /** Decodes consecutive names from option data; pointers must point backwards (no loops). */
    public static List<String> decode(byte[] data) throws OptionDecodeException {
        List<String> names = new ArrayList<>();
        int offset = 0;
        while (offset < data.length) {
            StringBuilder name = new StringBuilder();
            offset = readName(data, offset, name);
            names.add(name.toString());
        }
        return names;
    }

    /** Reads one name at {@code offset}; answers the offset after it (after the first pointer, if any). */
    private static int readName(byte[] data, int offset, StringBuilder name) throws OptionDecodeException {
        int position = offset;
        int end = -1;
        int limit = offset;
        int wireLength = 0;
        while (true) {
            if (position >= data.length) {
                throw new OptionDecodeException("domain name runs past the end of the data", position);
            }
            int length = data[position] & 0xff;
            if (length == 0) {
                return end >= 0 ? end : position + 1;
            }
            if ((length & 0xc0) == 0xc0) {
                if (position + 1 >= data.length) {
                    throw new OptionDecodeException("truncated compression pointer", position);
                }
                int target = ((length & 0x3f) << 8) | (data[position + 1] & 0xff);
                if (target >= limit) {
                    throw new OptionDecodeException("compression pointer does not point backwards", position);
                }
                if (end < 0) {
                    end = position + 2;
                }
                limit = target;
                position = target;
                continue;
            }
            if ((length & 0xc0) != 0) {
                throw new OptionDecodeException("bad label length byte " + length, position);
            }
            if (position + 1 + length > data.length) {
                throw new OptionDecodeException("label runs past the end of the data", position);
            }
            wireLength += length + 1;
            if (wireLength + 1 > MAX_NAME) {
                throw new OptionDecodeException("domain name longer than 255 bytes", position);
            }
            if (!name.isEmpty()) {
                name.append('.');
            }
            name.append(new String(data, position + 1, length, StandardCharsets.UTF_8));
            position += 1 + length;
        }
    }

    private static String trim(String name) {
        return name.endsWith(".") ? name.substring(0, name.length() - 1) : name;
    }
}
