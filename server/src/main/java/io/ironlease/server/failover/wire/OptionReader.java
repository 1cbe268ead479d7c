package io.ironlease.server.failover.wire;

import io.ironlease.shared.net.Ipv4Address;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.OptionalLong;

/**
 * Typed access to the options of one message. Options a type models may appear once (ISC rejects a
 * duplicate as a protocol error); everything else is handed back, in order, as extra options.
 */
final class OptionReader {

    private final List<RawOption> options;
    private final int[] offsets;
    private final Map<Integer, Integer> modeledIndex = new HashMap<>();
    private final List<FailoverOptionCode> modeled;

    OptionReader(List<RawOption> options, int[] offsets, List<FailoverOptionCode> modeled)
            throws FailoverProtocolException {
        this.options = options;
        this.offsets = offsets;
        this.modeled = modeled;
        for (int i = 0; i < options.size(); i++) {
            int code = options.get(i).code();
            if (isModeled(code) && modeledIndex.putIfAbsent(code, i) != null) {
                throw new FailoverProtocolException("duplicate option "
                        + FailoverOptionCode.fromCode(code).map(FailoverOptionCode::draftName).orElseThrow(), offsets[i]);
            }
        }
    }

    private boolean isModeled(int code) {
        for (FailoverOptionCode c : modeled) {
            if (c.code() == code) {
                return true;
            }
        }
        return false;
    }

    private Optional<Bytes> data(FailoverOptionCode code) throws FailoverProtocolException {
        Integer index = modeledIndex.get(code.code());
        if (index == null) {
            return Optional.empty();
        }
        Bytes data = options.get(index).data();
        int fixed = code.kind().fixedLength();
        if (fixed >= 0 && data.length() != fixed) {
            throw new FailoverProtocolException("option " + code.draftName() + " needs " + fixed
                    + " bytes, got " + data.length(), offsets[index]);
        }
        return Optional.of(data);
    }

    OptionalInt u8(FailoverOptionCode code) throws FailoverProtocolException {
        Optional<Bytes> data = data(code);
        return data.isPresent() ? OptionalInt.of(data.get().get(0)) : OptionalInt.empty();
    }

    OptionalInt u16(FailoverOptionCode code) throws FailoverProtocolException {
        Optional<Bytes> data = data(code);
        return data.isPresent() ? OptionalInt.of((data.get().get(0) << 8) | data.get().get(1)) : OptionalInt.empty();
    }

    OptionalLong u32(FailoverOptionCode code) throws FailoverProtocolException {
        Optional<Bytes> data = data(code);
        if (data.isEmpty()) {
            return OptionalLong.empty();
        }
        Bytes d = data.get();
        return OptionalLong.of(((long) d.get(0) << 24) | (d.get(1) << 16) | (d.get(2) << 8) | d.get(3));
    }

    Optional<Ipv4Address> ipv4(FailoverOptionCode code) throws FailoverProtocolException {
        Optional<Bytes> data = data(code);
        return data.isPresent() ? Optional.of(Ipv4Address.fromBytes(data.get().toArray())) : Optional.empty();
    }

    Optional<Bytes> bytes(FailoverOptionCode code) throws FailoverProtocolException {
        return data(code);
    }

    Optional<String> text(FailoverOptionCode code) throws FailoverProtocolException {
        Optional<Bytes> data = data(code);
        return data.isPresent()
                ? Optional.of(new String(data.get().toArray(), StandardCharsets.ISO_8859_1)) : Optional.empty();
    }

    FailoverOptions extra() {
        List<RawOption> rest = new ArrayList<>();
        for (RawOption option : options) {
            if (!isModeled(option.code())) {
                rest.add(option);
            }
        }
        return new FailoverOptions(rest);
    }
}
