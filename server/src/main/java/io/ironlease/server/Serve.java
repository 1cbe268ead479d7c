package io.ironlease.server;

import io.ironlease.server.alloc.LeaseOwnershipPolicy;
import io.ironlease.server.omapi.OmapiSettings;
import io.ironlease.server.omapi.OmapiWiring;
import io.ironlease.server.store.JournalLeaseStore;
import io.ironlease.shared.config.ConfigError;
import io.ironlease.shared.config.ConfigLoader;
import io.ironlease.shared.config.ConfigResult;
import io.ironlease.shared.leases.LeaseFileException;
import java.io.IOException;
import java.io.PrintWriter;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code ironlease-server} serving: loads the config (refusing it with file:line:col errors, like
 * dhcpd), starts the {@link DhcpServer}, writes the PID file and runs until SIGTERM or SIGINT, then
 * closes the sockets, drains the journal (fsync) and removes the PID file.
 */
final class Serve {

    private final ServerMain main;
    private final PrintWriter out;
    private final PrintWriter err;

    Serve(ServerMain main, PrintWriter out, PrintWriter err) {
        this.main = main;
        this.out = out;
        this.err = err;
    }

    int run() {
        // before the first logger: -d logs to stderr as dhcpd does, otherwise stdout (the journal under systemd)
        System.setProperty("ironlease.log.target", main.debug ? "System.err" : "System.out");
        Logger log = LoggerFactory.getLogger(Serve.class);
        if (System.getProperty("io.netty.leakDetection.level") == null) {
            // sampling buffers for leaks records a stack trace now and then on the hot path; tests keep it on
            io.netty.util.ResourceLeakDetector.setLevel(io.netty.util.ResourceLeakDetector.Level.DISABLED);
        }
        ConfigResult config = ConfigLoader.loadLenient(main.configFile);
        config.warnings().forEach(w -> log.warn("CONFIG_WARNING {}: {}", w.pos(), w.message()));
        if (!config.ok()) {
            config.errors().forEach(e -> err.println(e));
            err.println("ironlease-server: " + main.configFile + ": " + config.errors().size()
                    + " errors; configuration rejected");
            err.flush();
            return ServerMain.EXIT_CONFIG_ERRORS;
        }
        if (!main.quiet) {
            log.info("ironlease-server 0.1.0 (ISC dhcpd compatible); config {}; lease file {}; PID file {}",
                    main.configFile, main.leaseFile, main.pidFile);
        }
        DhcpServer server;
        try {
            Optional<InetAddress> listen = main.listen == null ? Optional.empty()
                    : Optional.of(InetAddress.getByName(main.listen));
            ServerSettings settings = new ServerSettings(config.config(), main.leaseFile, listen, main.port,
                    main.interfaces, listen.isEmpty(), Clock.systemUTC(), null, null, JournalLeaseStore.Options.defaults(),
                    LeaseOwnershipPolicy.STANDALONE, Duration.ofSeconds(1), 1,
                    main.engineThread, main.noWarmup ? Duration.ZERO : Duration.ofSeconds(main.warmupSeconds));
            server = DhcpServer.start(settings);
        } catch (LeaseFileException e) {
            err.println(e.getMessage());
            err.println("ironlease-server: " + main.leaseFile + ": lease file rejected");
            err.flush();
            return ServerMain.EXIT_CONFIG_ERRORS;
        } catch (IOException | RuntimeException e) {
            log.error("DHCP_START_FAILED {}", e.toString());
            err.println("ironlease-server: cannot start: " + e.getMessage());
            err.flush();
            return ServerMain.EXIT_START_FAILED;
        }
        CountDownLatch stop = new CountDownLatch(1);
        OmapiWiring omapi;
        try {
            omapi = OmapiWiring.start(config.config(), server, OmapiSettings.of(config.config(), main.omapi), null,
                    stop::countDown).orElse(null);
        } catch (IOException | RuntimeException e) {
            log.error("OMAPI_START_FAILED {}", e.toString());
            err.println("ironlease-server: cannot start OMAPI: " + e.getMessage());
            err.flush();
            server.close();
            return ServerMain.EXIT_START_FAILED;
        }
        writePid(log);
        Thread hook = new Thread(() -> shutdown(server, omapi, log), "ironlease-shutdown");
        Runtime.getRuntime().addShutdownHook(hook);
        for (String signal : new String[] {"TERM", "INT"}) {
            try {
                sun.misc.Signal.handle(new sun.misc.Signal(signal), s -> stop.countDown());
            } catch (IllegalArgumentException unavailable) {
                // the shutdown hook still closes cleanly; the exit code is then the JVM's
            }
        }
        try {
            stop.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        log.info("DHCP_SHUTDOWN signal or control request received; closing");
        Runtime.getRuntime().removeShutdownHook(hook);
        shutdown(server, omapi, log);
        out.flush();
        return 0;
    }

    private void shutdown(DhcpServer server, OmapiWiring omapi, Logger log) {
        if (omapi != null) {
            omapi.close();
        }
        server.close();
        try {
            Files.deleteIfExists(main.pidFile);
        } catch (IOException e) {
            log.warn("PID_FILE {} not removed: {}", main.pidFile, e.toString());
        }
    }

    private void writePid(Logger log) {
        Path pid = main.pidFile;
        try {
            Files.writeString(pid, ProcessHandle.current().pid() + "\n", StandardCharsets.US_ASCII);
        } catch (IOException e) {
            log.warn("PID_FILE cannot write {}: {} (serving anyway)", pid, e.toString());
        }
    }
}
