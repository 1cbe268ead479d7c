package io.ironlease.server.omapi;

import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The packaged {@code ironlease-server} (target/ironlease-server.jar, as the launcher runs it) as a
 * child process for *IT tests: relay mode on 127.0.0.3 with an ephemeral DHCP port, OMAPI on an
 * ephemeral port whose number is read from the start-up log. {@link #close} stops it by its own PID
 * (SIGTERM, then SIGKILL after 20 s).
 */
final class ServerProcess implements AutoCloseable {

    private static final Pattern LISTENING = Pattern.compile("OMAPI_LISTENING address=(\\S+) port=(\\d+)");

    final Path dir;
    final Path config;
    final Path leases;
    final Path pidFile;
    private final Path log;
    private final Process process;
    private final int omapiPort;
    private final String omapiAddress;

    private ServerProcess(Path dir, List<String> extraArgs) throws Exception {
        this.dir = dir;
        this.config = dir.resolve("dhcpd.conf");
        this.leases = dir.resolve("dhcpd.leases");
        this.pidFile = dir.resolve("dhcpd.pid");
        this.log = Files.createTempFile(dir, "server", ".log");
        Path jar = Path.of("target", "ironlease-server.jar").toAbsolutePath();
        if (!Files.exists(jar)) {
            throw new AssertionError(jar + " is not built: run the *IT tests through mvn verify");
        }
        List<String> command = new ArrayList<>(List.of(ProcessHandle.current().info().command().orElse("java"),
                "-Xmx256m"));
        extraArgs.stream().filter(a -> a.startsWith("-D") || a.startsWith("-XX")).forEach(command::add);
        command.addAll(List.of("-jar", jar.toString(), "-cf", config.toString(), "-lf", leases.toString(),
                "-pf", pidFile.toString(), "--listen", "127.0.0.3", "-p", "0", "--omapi-port", "0"));
        extraArgs.stream().filter(a -> !a.startsWith("-D") && !a.startsWith("-XX")).forEach(command::add);
        process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        String[] bound = new String[2];
        try {
            await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(50)).until(() -> {
                Matcher m = LISTENING.matcher(log());
                if (m.find()) {
                    bound[0] = m.group(1);
                    bound[1] = m.group(2);
                    return true;
                }
                if (!process.isAlive()) {
                    throw new AssertionError("ironlease-server exited with " + process.exitValue() + ":\n" + log());
                }
                return false;
            });
        } catch (RuntimeException | AssertionError e) {
            close();
            throw e;
        }
        omapiAddress = bound[0];
        omapiPort = Integer.parseInt(bound[1]);
    }

    /**
     * Starts a server on {@code dir}, which must hold dhcpd.conf and dhcpd.leases; arguments starting
     * with {@code -D} or {@code -XX} go to the JVM, the others to ironlease-server.
     */
    static ServerProcess start(Path dir, String... extraArgs) throws Exception {
        return new ServerProcess(dir, List.of(extraArgs));
    }

    int omapiPort() {
        return omapiPort;
    }

    /** The address the OMAPI listener reported (0.0.0.0 with a key, 127.0.0.1 without). */
    String omapiAddress() {
        return omapiAddress;
    }

    long pid() {
        return process.pid();
    }

    String log() throws IOException {
        return Files.readString(log);
    }

    /** Waits for the process to end by itself; its exit code. */
    int awaitExit(Duration timeout) throws InterruptedException {
        if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
            throw new AssertionError("ironlease-server still running after " + timeout);
        }
        return process.exitValue();
    }

    /** SIGTERM (a clean shutdown), then SIGKILL if it does not end within 20 s. */
    @Override
    public void close() throws InterruptedException {
        if (process.isAlive()) {
            process.destroy();
            if (!process.waitFor(20, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
            }
        }
    }
}
