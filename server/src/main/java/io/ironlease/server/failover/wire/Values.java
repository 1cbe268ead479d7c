package io.ironlease.server.failover.wire;

import java.util.Optional;
import java.util.OptionalInt;
import java.util.OptionalLong;

/** Range checks shared by the message records, so a record that exists can always be encoded. */
final class Values {

    private Values() {
    }

    static long u32(long value, String name) {
        if (value < 0 || value > 0xffff_ffffL) {
            throw new IllegalArgumentException(name + " out of u32 range: " + value);
        }
        return value;
    }

    static OptionalLong u32(OptionalLong value, String name) {
        value.ifPresent(v -> u32(v, name));
        return value;
    }

    static OptionalInt u8(OptionalInt value, String name) {
        value.ifPresent(v -> {
            if (v < 0 || v > 0xff) {
                throw new IllegalArgumentException(name + " out of u8 range: " + v);
            }
        });
        return value;
    }

    static OptionalInt u16(OptionalInt value, String name) {
        value.ifPresent(v -> {
            if (v < 0 || v > 0xffff) {
                throw new IllegalArgumentException(name + " out of u16 range: " + v);
            }
        });
        return value;
    }

    /** Text options travel as single bytes (ISO-8859-1 keeps every byte value on a round trip). */
    static Optional<String> text(Optional<String> value, String name) {
        value.ifPresent(v -> {
            for (int i = 0; i < v.length(); i++) {
                if (v.charAt(i) > 0xff) {
                    throw new IllegalArgumentException(name + " has a character outside ISO-8859-1: " + v);
                }
            }
        });
        return value;
    }
}
