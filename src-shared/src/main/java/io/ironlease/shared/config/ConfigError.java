package io.ironlease.shared.config;

import java.util.Objects;

/**
 * One problem found in a dhcpd.conf, at the position of the offending token. Prints as
 * {@code file:line:col: message}, the line format of {@code ironlease-server -t}.
 */
public record ConfigError(SourcePos pos, String message) implements Comparable<ConfigError> {

    public ConfigError {
        Objects.requireNonNull(pos, "pos");
        Objects.requireNonNull(message, "message");
    }

    @Override
    public int compareTo(ConfigError other) {
        int byPos = pos.compareTo(other.pos);
        return byPos != 0 ? byPos : message.compareTo(other.message);
    }

    @Override
    public String toString() {
        return pos + ": " + message;
    }
}
