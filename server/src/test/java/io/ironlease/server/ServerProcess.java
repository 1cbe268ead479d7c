package io.ironlease.server;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.awaitility.Awaitility;

/**
 * {@code ironlease-server} as a separate JVM (this test run's class path), optionally inside a network
 * namespace: started with dhcpd's flags, ready once it logs DHCP_LISTENING, stopped with SIGTERM or
 * killed with SIGKILL, always by its own PID.
 */
public final class ServerProcess implements AutoCloseable {

    private static final Pattern LISTENING = Pattern.compile("DHCP_LISTENING \\S+ port (\\d+)");
    private static final Pattern STOPPED = Pattern.compile("DHCP_STOPPED (Snapshot\\[.*?\\]) (Snapshot\\[.*?\\])");

    /** JVM option: the server's own logback.xml instead of the test class path's logback-test.xml. */
    public static final String PRODUCTION_LOGGING = "-Dlogback.configurationFile=logback.xml";

    private final Process process;
    private final Path log;
    private int port;

    private ServerProcess(Process process, Path log) {
        this.process = process;
        this.log = log;
    }

    /** Starts the server with {@code args} (in {@code namespace} when not null); waits until it listens. */
    public static ServerProcess start(String namespace, Path log, List<String> args)
            throws IOException, InterruptedException {
        return start(namespace, log, List.of(), args);
    }

    /**
     * As {@link #start(String, Path, List)}, with JVM options; {@link #PRODUCTION_LOGGING} makes the
     * server log as it does when installed (every INFO event, failover included), not as tests do.
     */
    public static ServerProcess start(String namespace, Path log, List<String> jvmOptions, List<String> args)
            throws IOException, InterruptedException {
        List<String> command = new ArrayList<>();
        if (namespace != null) {
            command.addAll(List.of("ip", "netns", "exec", namespace));
        }
        command.addAll(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx512m"));
        command.addAll(jvmOptions);
        command.addAll(List.of("-cp", System.getProperty("java.class.path"), ServerMain.class.getName()));
        command.addAll(args);
        Process p = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        return attach(p, log);
    }

    /** Watches a server process started by the caller (its output going to {@code log}) until it listens. */
    public static ServerProcess attach(Process p, Path log) throws InterruptedException {
        ServerProcess server = new ServerProcess(p, log);
        try {
            Awaitility.await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(100)).until(() -> {
                if (!p.isAlive()) {
                    throw new IllegalStateException("the server exited (" + p.exitValue() + "): " + server.log());
                }
                Matcher m = LISTENING.matcher(server.log());
                if (m.find()) {
                    server.port = Integer.parseInt(m.group(1));
                    return true;
                }
                return false;
            });
        } catch (RuntimeException e) {
            server.close();
            throw e;
        }
        return server;
    }

    public boolean alive() {
        return process.isAlive();
    }

    public long pid() {
        return process.pid();
    }

    public int port() {
        return port;
    }

    public String log() throws IOException {
        return Files.readString(log, StandardCharsets.UTF_8);
    }

    /** SIGTERM and wait: the exit code (0 for a clean shutdown). */
    public int stop() throws IOException, InterruptedException {
        process.destroy();
        if (!process.waitFor(60, TimeUnit.SECONDS)) {
            process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            throw new IOException("the server did not stop within 60 s after SIGTERM");
        }
        return process.exitValue();
    }

    /** SIGKILL: a crash. */
    public void kill() throws InterruptedException {
        process.destroyForcibly();
        process.waitFor(10, TimeUnit.SECONDS);
    }

    /** The engine and transport counters of the DHCP_STOPPED line (after {@link #stop}). */
    public String[] stoppedCounters() throws IOException {
        Matcher m = STOPPED.matcher(log());
        if (!m.find()) {
            throw new IllegalStateException("no DHCP_STOPPED line in " + log());
        }
        return new String[] {m.group(1), m.group(2)};
    }

    /** A counter of a Snapshot[...] text, e.g. counter(text, "writeFailures"). */
    public static long counter(String snapshot, String name) {
        Matcher m = Pattern.compile(name + "=(\\d+)").matcher(snapshot);
        if (!m.find()) {
            throw new IllegalArgumentException(name + " not in " + snapshot);
        }
        return Long.parseLong(m.group(1));
    }

    @Override
    public void close() throws InterruptedException {
        if (process.isAlive()) {
            process.destroy();
            if (!process.waitFor(30, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            }
        }
    }
}
