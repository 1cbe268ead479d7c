package io.ironlease.server.dhcp;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Decides where each option goes: the options field, then file, then sname (RFC 2131 4.1, RFC 2132
 * 9.3), and which options to drop when even that is not enough. Options up to 255 bytes are never
 * split, so clients without RFC 3396 support still read them; longer ones are split across instances
 * and areas. Wire order follows the given order; drop priority is the given order, except that the
 * options a reply cannot do without are kept first.
 */
final class OptionAreaWriter {

    /** Kept before any other option when space runs out. */
    static final Set<Integer> ESSENTIAL = Set.of(OptionCodes.MESSAGE_TYPE, OptionCodes.SERVER_IDENTIFIER,
            OptionCodes.LEASE_TIME, OptionCodes.RENEWAL_TIME, OptionCodes.REBINDING_TIME);

    /** One instance of an option in one area: value bytes [from, to). */
    record Chunk(int area, int code, byte[] value, int from, int to) {
        int encodedLength() {
            return 2 + to - from;
        }
    }

    /** The outcome: chunks per area in wire order, and the codes that did not fit. */
    record Layout(List<Chunk> chunks, List<Integer> dropped, int[] used) {
        boolean uses(int area) {
            return used.length > area && used[area] > 0;
        }
    }

    private OptionAreaWriter() {
    }

    /** Lays out {@code options} in areas of the given capacities (END already subtracted). */
    static Layout layout(List<DhcpOption> options, int[] capacities) {
        int total = 0;
        boolean small = true;
        for (DhcpOption option : options) {
            total += option.length() + 2;
            small &= option.length() <= 255;
        }
        if (small && capacities.length > 0 && total <= capacities[0]) {
            // the common case: everything fits the options field as it is
            List<Chunk> chunks = new ArrayList<>(options.size());
            for (DhcpOption option : options) {
                chunks.add(new Chunk(0, option.code(), option.rawValue(), 0, option.length()));
            }
            int[] used = new int[capacities.length];
            used[0] = total;
            return new Layout(chunks, List.of(), used);
        }
        boolean[] kept = new boolean[options.size()];
        List<Integer> order = new ArrayList<>();
        for (int i = 0; i < options.size(); i++) {
            if (ESSENTIAL.contains(options.get(i).code())) {
                order.add(i);
            }
        }
        for (int i = 0; i < options.size(); i++) {
            if (!ESSENTIAL.contains(options.get(i).code())) {
                order.add(i);
            }
        }
        Layout best = place(List.of(), capacities);
        for (int index : order) {
            kept[index] = true;
            Layout attempt = place(select(options, kept), capacities);
            if (attempt == null) {
                kept[index] = false;
            } else {
                best = attempt;
            }
        }
        List<Integer> dropped = new ArrayList<>();
        for (int i = 0; i < options.size(); i++) {
            if (!kept[i]) {
                dropped.add(options.get(i).code());
            }
        }
        return new Layout(best.chunks(), List.copyOf(dropped), best.used());
    }

    private static List<DhcpOption> select(List<DhcpOption> options, boolean[] kept) {
        List<DhcpOption> selected = new ArrayList<>();
        for (int i = 0; i < options.size(); i++) {
            if (kept[i]) {
                selected.add(options.get(i));
            }
        }
        return selected;
    }

    /** Next-fit placement in wire order; null when the options do not fit. */
    private static Layout place(List<DhcpOption> options, int[] capacities) {
        int[] used = new int[capacities.length];
        List<Chunk> chunks = new ArrayList<>();
        int area = 0;
        for (DhcpOption option : options) {
            byte[] value = option.rawValue();
            if (value.length <= 255) {
                int need = value.length + 2;
                while (area < capacities.length && capacities[area] - used[area] < need) {
                    area++;
                }
                if (area == capacities.length) {
                    return null;
                }
                chunks.add(new Chunk(area, option.code(), value, 0, value.length));
                used[area] += need;
                continue;
            }
            int pos = 0;
            while (pos < value.length) {
                while (area < capacities.length && capacities[area] - used[area] < 3) {
                    area++;
                }
                if (area == capacities.length) {
                    return null;
                }
                int take = Math.min(255, Math.min(capacities[area] - used[area] - 2, value.length - pos));
                chunks.add(new Chunk(area, option.code(), value, pos, pos + take));
                used[area] += take + 2;
                pos += take;
            }
        }
        return new Layout(chunks, List.of(), used);
    }

    /** Writes {@code option} as instances of at most 255 bytes at {@code offset}; returns the end. */
    static int writeSplit(byte[] out, int offset, int code, byte[] value) {
        int pos = 0;
        do {
            int take = Math.min(255, value.length - pos);
            out[offset++] = (byte) code;
            out[offset++] = (byte) take;
            System.arraycopy(value, pos, out, offset, take);
            offset += take;
            pos += take;
        } while (pos < value.length);
        return offset;
    }

    static int write(byte[] out, int offset, Chunk chunk) {
        out[offset++] = (byte) chunk.code();
        out[offset++] = (byte) (chunk.to() - chunk.from());
        System.arraycopy(chunk.value(), chunk.from(), out, offset, chunk.to() - chunk.from());
        return offset + chunk.to() - chunk.from();
    }
}
