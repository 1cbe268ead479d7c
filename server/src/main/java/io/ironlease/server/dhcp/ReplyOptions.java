package io.ironlease.server.dhcp;

import io.ironlease.shared.net.Ipv4Address;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * Collects a reply's options and emits them in {@link OptionOrdering}'s order in one pass, without
 * per-code tables: a reply has a few dozen options at most and this runs for every packet.
 */
final class ReplyOptions {

    private final List<DhcpOption> available = new ArrayList<>(16);

    private int indexOf(int code) {
        for (int i = 0; i < available.size(); i++) {
            if (available.get(i).code() == code) {
                return i;
            }
        }
        return -1;
    }

    ReplyOptions put(DhcpOption option) {
        int i = indexOf(option.code());
        if (i >= 0) {
            available.set(i, option);
        } else {
            available.add(option);
        }
        return this;
    }

    /** Takes {@code value} over (the callers make it for this option). */
    ReplyOptions put(int code, byte[] value) {
        return put(DhcpOption.adopt(code, value));
    }

    ReplyOptions messageType(MessageType type) {
        return put(OptionCodes.MESSAGE_TYPE, new byte[] {(byte) type.code()});
    }

    ReplyOptions address(int code, Ipv4Address address) {
        return put(code, address.toBytes());
    }

    ReplyOptions uint32(int code, long value) {
        return put(code, Ipv4Address.fromLong(value).toBytes());
    }

    /** The options ordered for a client that sent {@code prl}: leading codes, PRL order, the rest, option 82 last. */
    DhcpOptions ordered(List<Integer> prl) {
        int n = available.size();
        if (n == 0) {
            return DhcpOptions.empty();
        }
        DhcpOption[] out = new DhcpOption[n];
        long[] placed = new long[4];
        int k = 0;
        mark(placed, OptionCodes.RELAY_AGENT_INFORMATION);
        for (int code : OptionOrdering.LEADING) {
            k = take(code, placed, out, k);
        }
        for (int code : prl) {
            k = take(code, placed, out, k);
        }
        for (DhcpOption option : available) {
            k = take(option.code(), placed, out, k);
        }
        int agent = indexOf(OptionCodes.RELAY_AGENT_INFORMATION);
        if (agent >= 0) {
            out[k++] = available.get(agent);
        }
        return new DhcpOptions(Collections.unmodifiableList(java.util.Arrays.asList(out)));
    }

    private int take(int code, long[] placed, DhcpOption[] out, int k) {
        if (code <= 0 || code > 255 || (placed[code >>> 6] & (1L << code)) != 0) {
            return k;
        }
        int i = indexOf(code);
        if (i < 0) {
            return k;
        }
        mark(placed, code);
        out[k] = available.get(i);
        return k + 1;
    }

    private static void mark(long[] placed, int code) {
        placed[code >>> 6] |= 1L << code;
    }
}
