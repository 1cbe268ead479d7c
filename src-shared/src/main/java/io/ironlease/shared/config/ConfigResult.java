package io.ironlease.shared.config;

import io.ironlease.shared.config.model.DhcpConfig;
import java.util.List;

/**
 * What a lenient load answers: the model built from everything that parsed, with the errors and
 * warnings found (each sorted by position). Tools that only read a config, like the pools analyzer,
 * can go on despite errors that do not concern them (a placeholder key secret, say).
 */
public record ConfigResult(DhcpConfig config, List<ConfigError> errors, List<ConfigError> warnings) {

    public ConfigResult {
        errors = errors.stream().sorted().toList();
        warnings = warnings.stream().sorted().toList();
    }

    public boolean ok() {
        return errors.isEmpty();
    }

    /** The config when there are no errors; otherwise a {@link ConfigException} with all of them. */
    public DhcpConfig orThrow() throws ConfigException {
        if (!errors.isEmpty()) {
            throw new ConfigException(errors);
        }
        return config;
    }
}
