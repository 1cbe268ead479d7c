package io.ironlease.server.dhcp;

import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;

/**
 * Relay agent information, option 82 (RFC 3046): the raw value a relay added, which the server echoes
 * unchanged in replies, and its sub-options (code, length, value; no pad or end inside).
 */
public final class RelayAgentInformation {

    public static final int CIRCUIT_ID = 1;
    public static final int REMOTE_ID = 2;
    public static final int LINK_SELECTION = 5;
    public static final int SUBSCRIBER_ID = 6;
    public static final int SERVER_ID_OVERRIDE = 11;
    /** RFC 8357: the relay listens on its source port, not on the server port. */
    public static final int RELAY_SOURCE_PORT = 19;

    /** One sub-option of option 82. */
    public record SubOption(int code, byte[] value) {
        public SubOption {
            if (code < 0 || code > 255) {
                throw new IllegalArgumentException("sub-option code must be 0-255, got " + code);
            }
            if (value.length > 255) {
                throw new IllegalArgumentException("sub-option " + code + " longer than 255 bytes");
            }
            value = value.clone();
        }

        @Override
        public byte[] value() {
            return value.clone();
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof SubOption other && code == other.code && Arrays.equals(value, other.value);
        }

        @Override
        public int hashCode() {
            return 31 * code + Arrays.hashCode(value);
        }

        @Override
        public String toString() {
            return code + "=" + HexFormat.of().formatHex(value);
        }
    }

    private final byte[] raw;
    private final List<SubOption> subOptions;

    private RelayAgentInformation(byte[] raw, List<SubOption> subOptions) {
        this.raw = raw;
        this.subOptions = List.copyOf(subOptions);
    }

    /** Parses an option 82 value; throws IllegalArgumentException naming the bad sub-option. */
    public static RelayAgentInformation parse(byte[] value) {
        List<SubOption> subs = new ArrayList<>();
        int i = 0;
        while (i < value.length) {
            if (i + 1 >= value.length) {
                throw new IllegalArgumentException("relay agent sub-option " + (value[i] & 0xff)
                        + " at byte " + i + " has no length byte");
            }
            int code = value[i] & 0xff;
            int length = value[i + 1] & 0xff;
            if (i + 2 + length > value.length) {
                throw new IllegalArgumentException("relay agent sub-option " + code + " at byte " + i
                        + " claims " + length + " bytes, only " + (value.length - i - 2) + " left");
            }
            subs.add(new SubOption(code, Arrays.copyOfRange(value, i + 2, i + 2 + length)));
            i += 2 + length;
        }
        return new RelayAgentInformation(value.clone(), subs);
    }

    public static RelayAgentInformation of(List<SubOption> subOptions) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (SubOption sub : subOptions) {
            out.write(sub.code());
            out.write(sub.value.length);
            out.writeBytes(sub.value);
        }
        return new RelayAgentInformation(out.toByteArray(), subOptions);
    }

    /** Circuit id (1) and remote id (2), the usual pair a switch adds. */
    public static RelayAgentInformation of(byte[] circuitId, byte[] remoteId) {
        return of(List.of(new SubOption(CIRCUIT_ID, circuitId), new SubOption(REMOTE_ID, remoteId)));
    }

    /** The option value exactly as received, for echoing (RFC 3046 2.2). */
    public byte[] raw() {
        return raw.clone();
    }

    public List<SubOption> subOptions() {
        return subOptions;
    }

    public Optional<byte[]> subOption(int code) {
        return subOptions.stream().filter(s -> s.code() == code).findFirst().map(SubOption::value);
    }

    public Optional<byte[]> circuitId() {
        return subOption(CIRCUIT_ID);
    }

    public Optional<byte[]> remoteId() {
        return subOption(REMOTE_ID);
    }

    public boolean hasRelaySourcePort() {
        return subOption(RELAY_SOURCE_PORT).isPresent();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof RelayAgentInformation other && Arrays.equals(raw, other.raw);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(raw);
    }

    @Override
    public String toString() {
        return "RelayAgentInformation" + subOptions;
    }
}
