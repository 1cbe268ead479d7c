package io.ironlease.server.failover.wire;

import java.util.List;

/**
 * An ordered, immutable list of raw options. Each message record keeps here the options it does not
 * model (unknown codes, codes the draft allows but this type ignores, a message-digest), so that
 * they survive a decode and re-encode.
 */
public record FailoverOptions(List<RawOption> list) {

    public static final FailoverOptions NONE = new FailoverOptions(List.of());

    public FailoverOptions {
        list = List.copyOf(list);
    }

    public static FailoverOptions of(RawOption... options) {
        return new FailoverOptions(List.of(options));
    }

    public boolean isEmpty() {
        return list.isEmpty();
    }

    int encodedLength() {
        int total = 0;
        for (RawOption option : list) {
            total += option.encodedLength();
        }
        return total;
    }
}
