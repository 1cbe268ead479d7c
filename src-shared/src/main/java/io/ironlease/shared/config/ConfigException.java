package io.ironlease.shared.config;

import java.util.List;
import java.util.stream.Collectors;

/**
 * A dhcpd.conf that cannot be used: every error found, sorted by position. The message is the errors,
 * one {@code file:line:col: message} per line.
 */
public final class ConfigException extends Exception {
    private static final long serialVersionUID = 1L;

    private final transient List<ConfigError> errors;

    public ConfigException(List<ConfigError> errors) {
        super(errors.stream().sorted().map(ConfigError::toString).collect(Collectors.joining("\n")));
        if (errors.isEmpty()) {
            throw new IllegalArgumentException("a ConfigException needs at least one error");
        }
        this.errors = errors.stream().sorted().toList();
    }

    public List<ConfigError> errors() {
        return errors;
    }
}
