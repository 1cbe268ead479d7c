package io.ironlease.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/**
 * The demo pair's configs (scripts/demo/conf) check clean with {@code ironlease-server -t} and say what
 * the server understood. The demo itself runs in the dist module's DemoIT, once every jar is built.
 */
class DemoConfigIT {

    /** The repository root; failsafe runs with the module directory as working directory. */
    private static final Path ROOT = Path.of("").toAbsolutePath().getParent();

    private static String check(String role) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine commandLine = ServerMain.commandLine();
        commandLine.setOut(new PrintWriter(out));
        commandLine.setErr(new PrintWriter(err));
        int exit = commandLine.execute("-t", "-cf", ROOT.resolve("scripts/demo/conf/" + role + ".conf").toString());
        assertThat(err.toString()).as("stderr of " + role).isEmpty();
        assertThat(exit).isZero();
        return out.toString();
    }

    @Test
    void primaryChecksClean() {
        assertThat(check("primary")).contains("failover peer \"failover-dhcp\": primary, address 127.0.0.1 port 6470, "
                + "peer address 127.0.0.2 port 6471, mclt 3600s, split 128", "omapi: port 7911, key omapi_key",
                "range 192.168.100.33 - 192.168.100.34: 2 addresses");
    }

    @Test
    void secondaryChecksClean() {
        assertThat(check("secondary")).contains("failover peer \"failover-dhcp\": secondary, address 127.0.0.2 "
                + "port 6471, peer address 127.0.0.1 port 6470", "omapi: port 7912, key omapi_key");
    }

    @Test
    void demoKeyIsMarkedTestOnly() throws IOException {
        for (String role : new String[] {"primary", "secondary"}) {
            assertThat(Files.readString(ROOT.resolve("scripts/demo/conf/" + role + ".conf"))).contains("TEST ONLY");
        }
    }
}
