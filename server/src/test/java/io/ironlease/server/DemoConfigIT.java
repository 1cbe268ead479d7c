package io.ironlease.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/**
 * The demo pair's configs (scripts/demo/conf) check clean with {@code ironlease-server -t}, and the
 * README's first command, {@code scripts/ironlease-demo}, succeeds against the packaged jar.
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

    @Test
    void demoScriptRunsFromAnotherDirectory() throws Exception {
        Path log = Files.createTempFile("ironlease-demo", ".log");
        try {
            Process process = new ProcessBuilder("bash", ROOT.resolve("scripts/ironlease-demo").toString())
                    .directory(Path.of(System.getProperty("java.io.tmpdir")).toFile())
                    .redirectErrorStream(true).redirectOutput(log.toFile()).start();
            assertThat(process.waitFor(300, TimeUnit.SECONDS)).as("ironlease-demo finished").isTrue();
            String output = Files.readString(log);
            assertThat(process.exitValue()).as(output).isZero();
            assertThat(output).contains("== both demo configurations check clean");
            assertThat(output.split("configuration OK", -1)).hasSize(3);
        } finally {
            Files.deleteIfExists(log);
        }
    }
}
