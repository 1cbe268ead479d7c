package io.ironlease.server.cli;

import io.ironlease.shared.config.ConfigError;
import io.ironlease.shared.config.ConfigLoader;
import io.ironlease.shared.config.ConfigResult;
import java.io.PrintWriter;
import java.nio.file.Path;

/**
 * {@code ironlease-server -t}: loads a config as {@code dhcpd -t} would and reports. Errors and
 * warnings go to stderr, one {@code file:line:col: message} per line; on success a summary of what
 * was understood goes to stdout (never key secrets).
 */
public final class ConfigCheck {

    private final PrintWriter out;
    private final PrintWriter err;
    private final boolean quiet;

    public ConfigCheck(PrintWriter out, PrintWriter err, boolean quiet) {
        this.out = out;
        this.err = err;
        this.quiet = quiet;
    }

    /** Exit code: 0 when the config is usable, 1 when it has errors. */
    public int run(Path configFile) {
        ConfigResult result = ConfigLoader.loadLenient(configFile);
        for (ConfigError warning : result.warnings()) {
            err.println(warning.pos() + ": warning: " + warning.message());
        }
        if (!result.ok()) {
            result.errors().forEach(err::println);
            err.println("ironlease-server: " + configFile + ": " + result.errors().size() + " error"
                    + (result.errors().size() == 1 ? "" : "s") + "; configuration rejected");
            err.flush();
            return 1;
        }
        if (!quiet) {
            out.print(ConfigSummary.render(result.config()));
            out.println("ironlease-server: " + configFile + ": configuration OK");
        }
        out.flush();
        err.flush();
        return 0;
    }
}
