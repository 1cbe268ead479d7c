package io.ironlease.shell;

import static org.assertj.core.api.Assertions.assertThat;

import io.ironlease.omapi.server.OmapiServer;
import io.ironlease.omapi.testing.GoldenVectors;
import io.ironlease.omapi.testing.MemoryLeaseProvider;
import io.ironlease.omapi.wire.OmapiFrame;
import io.ironlease.omapi.wire.Opcode;
import java.io.File;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code ironlease-shell} as a process (main class, production classpath and logging setup) against
 * our server: a script on stdin prints omshell's text and nothing else, exit code 0; a one-shot takes
 * its secret from the environment.
 */
class ShellMainIT {

    private static OmapiServer server;
    @TempDir
    static Path dir;

    @BeforeAll
    static void start() throws Exception {
        MemoryLeaseProvider leases = new MemoryLeaseProvider(null);
        for (OmapiFrame frame : GoldenVectors.load("p05-lease-by-ip").serverMessages()) {
            if (frame.message().op() == Opcode.UPDATE && frame.message().object().contains("state")) {
                leases.add(MemoryLeaseProvider.fromValues(frame.message().object()));
            }
        }
        server = OmapiServer.builder().port(0).bindAddress(InetAddress.getLoopbackAddress()).key(GoldenVectors.labKey())
                .provider(leases).build().start();
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    private record Result(int exitCode, String out, String err) {
    }

    /** The main class on the module's own classpath: no test classes, so the shipped logging setup applies. */
    private static Result shell(String stdin, Map<String, String> environment, String... args) throws Exception {
        String classpath = Arrays.stream(System.getProperty("java.class.path").split(File.pathSeparator))
                .filter(entry -> !entry.contains("test-classes") && !entry.endsWith("-tests.jar"))
                .collect(Collectors.joining(File.pathSeparator));
        List<String> command = new ArrayList<>(List.of(ProcessHandle.current().info().command().orElse("java"), "-cp",
                classpath, ShellMain.class.getName()));
        command.addAll(List.of(args));
        Path out = dir.resolve("out");
        Path err = dir.resolve("err");
        ProcessBuilder builder = new ProcessBuilder(command).redirectOutput(out.toFile()).redirectError(err.toFile());
        builder.environment().putAll(environment);
        Process process = builder.start();
        process.getOutputStream().write(stdin.getBytes(StandardCharsets.ISO_8859_1));
        process.getOutputStream().close();
        if (!process.waitFor(60, TimeUnit.SECONDS)) {
            process.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
            throw new AssertionError("ironlease-shell did not finish within 60 s");
        }
        return new Result(process.exitValue(), Files.readString(out, StandardCharsets.ISO_8859_1),
                Files.readString(err, StandardCharsets.ISO_8859_1));
    }

    @Test
    void scriptOnStandardInputPrintsWhatOmshellPrinted() throws Exception {
        String script = new String(ShellMainIT.class.getResourceAsStream("/captures/omshell/p05-lease-by-ip.in").readAllBytes(),
                StandardCharsets.ISO_8859_1).replace("port 7912", "port " + server.port());
        String expected = new String(ShellMainIT.class.getResourceAsStream("/captures/omshell/p05-lease-by-ip.out")
                .readAllBytes(), StandardCharsets.ISO_8859_1);
        Result result = shell(script, Map.of());
        assertThat(result.err()).isEmpty();
        assertThat(result.exitCode()).isZero();
        // the memory provider answers with our server's handles for subnet and pool
        assertThat(result.out().replaceAll("(subnet|pool) = 00:00:00:0\\d", "$1 = x"))
                .isEqualTo(expected.replaceAll("(subnet|pool) = 00:00:00:0\\d", "$1 = x"));
    }

    @Test
    void oneShotWithTheSecretInTheEnvironment() throws Exception {
        Result result = shell("", Map.of("OMAPI_SECRET", GoldenVectors.labKey().secretBase64()), "lease", "--ip",
                "192.168.100.106", "--port", Integer.toString(server.port()), "--key-name", "omapi_key", "--key-env",
                "OMAPI_SECRET");
        assertThat(result.err()).isEmpty();
        assertThat(result.exitCode()).isZero();
        assertThat(result.out()).startsWith("lease 192.168.100.106\n").contains("abandoned (5)");
        Result missing = shell("", Map.of(), "lease", "--ip", "192.168.100.106", "--port", Integer.toString(server.port()),
                "--key-name", "omapi_key", "--key-env", "NO_SUCH_VARIABLE_HERE");
        assertThat(missing.exitCode()).isEqualTo(2);
        assertThat(missing.err()).isEqualTo("ironlease-shell: environment variable NO_SUCH_VARIABLE_HERE (--key-env) is not set\n");
    }
}
