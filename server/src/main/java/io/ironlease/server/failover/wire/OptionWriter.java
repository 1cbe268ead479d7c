package io.ironlease.server.failover.wire;

import io.ironlease.shared.net.Ipv4Address;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.OptionalLong;

/** Collects a message's options in the order the record lists them; absent values are skipped. */
final class OptionWriter {

    private final List<RawOption> out = new ArrayList<>();

    private OptionWriter put(FailoverOptionCode code, byte[] data) {
        out.add(new RawOption(code.code(), Bytes.wrap(data)));
        return this;
    }

    OptionWriter u8(FailoverOptionCode code, OptionalInt value) {
        return value.isPresent() ? put(code, new byte[] {(byte) value.getAsInt()}) : this;
    }

    OptionWriter u16(FailoverOptionCode code, OptionalInt value) {
        if (value.isEmpty()) {
            return this;
        }
        int v = value.getAsInt();
        return put(code, new byte[] {(byte) (v >>> 8), (byte) v});
    }

    OptionWriter u32(FailoverOptionCode code, OptionalLong value) {
        if (value.isEmpty()) {
            return this;
        }
        long v = value.getAsLong();
        return put(code, new byte[] {(byte) (v >>> 24), (byte) (v >>> 16), (byte) (v >>> 8), (byte) v});
    }

    OptionWriter ipv4(FailoverOptionCode code, Optional<Ipv4Address> value) {
        return value.isPresent() ? put(code, value.get().toBytes()) : this;
    }

    OptionWriter bytes(FailoverOptionCode code, Optional<Bytes> value) {
        return value.isPresent() ? put(code, value.get().toArray()) : this;
    }

    OptionWriter text(FailoverOptionCode code, Optional<String> value) {
        return value.isPresent() ? put(code, value.get().getBytes(StandardCharsets.ISO_8859_1)) : this;
    }

    List<RawOption> finish(FailoverOptions extra) {
        out.addAll(extra.list());
        return out;
    }
}
