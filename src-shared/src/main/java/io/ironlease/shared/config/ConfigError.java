package io.ironlease.shared.config;

import java.util.Objects;

/**
 * One problem found in a dhcpd.conf, at the position of the offending token. Prints as
 * {@code file:line:col: message}, the line format of {@code ironlease-server -t}.
 */
public record ConfigError(SourcePos pos, String message, Kind kind) implements Comparable<ConfigError> {

    /**
     * What kind of problem: the text could not be read as dhcpd.conf at all ({@code SYNTAX}: lexical,
     * grammar, includes), or it reads but means something invalid ({@code SEMANTIC}: a bad secret,
     * overlapping ranges, an undefined peer). Tools that only need the layout (the pools analyzer, as
     * dhcpd-pools does) can go on after semantic errors.
     */
    public enum Kind { SYNTAX, SEMANTIC }

    public ConfigError {
        Objects.requireNonNull(pos, "pos");
        Objects.requireNonNull(message, "message");
        Objects.requireNonNull(kind, "kind");
    }

    /** A syntax error. */
    public ConfigError(SourcePos pos, String message) {
        this(pos, message, Kind.SYNTAX);
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
