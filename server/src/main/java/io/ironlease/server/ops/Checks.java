package io.ironlease.server.ops;

import io.ironlease.server.cli.LeaseFileCheck;
import io.ironlease.shared.config.ConfigError;
import io.ironlease.shared.config.ConfigLoader;
import io.ironlease.shared.config.ConfigResult;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.Optional;
import java.util.stream.Collectors;

/** The server's own {@code -t} and {@code -T} checks, for what goes into or comes out of an archive. */
final class Checks {

    private Checks() {
    }

    /** The errors of a dhcpd.conf, one {@code file:line:col: message} per line, or empty when it checks clean. */
    static Optional<String> configErrors(Path conf) {
        ConfigResult result = ConfigLoader.loadLenient(conf);
        if (result.errors().isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(result.errors().stream().map(ConfigError::toString).collect(Collectors.joining("\n")));
    }

    /** What {@code ironlease-server -T} says against a lease file, or empty when it reads. */
    static Optional<String> leaseFileErrors(Path leases) {
        StringWriter err = new StringWriter();
        int exit = new LeaseFileCheck(new PrintWriter(new StringWriter()), new PrintWriter(err), true).run(leases);
        return exit == 0 ? Optional.empty() : Optional.of(err.toString().strip());
    }
}
