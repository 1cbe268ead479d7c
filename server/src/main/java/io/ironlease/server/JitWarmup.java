package io.ironlease.server;

import io.ironlease.shared.config.ConfigException;
import io.ironlease.shared.config.ConfigLoader;
import io.ironlease.shared.config.model.DhcpConfig;
import io.ironlease.shared.leases.LeaseFileException;
import io.netty.channel.EventLoopGroup;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import javax.management.JMException;
import javax.management.MBeanServer;
import javax.management.MalformedObjectNameException;
import javax.management.ObjectName;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Warms the JIT up before the real sockets open: a throwaway server, built by {@link DhcpServer} from
 * the same classes as the real one (epoll socket, lease engine on its event loop, journal with fsync
 * on a temporary file), serves relayed DORAs from a {@link WarmupRelay} on loopback. A server
 * restarted under load (every client retrying at once) otherwise answers its first seconds at
 * interpreter speed, and a warm-up through stand-ins (an embedded channel, a store that writes
 * nothing) is worse than none for the compiled code: the real classes then invalidate it and the
 * compiler works through the first seconds of real traffic. Bounded in time and count; touches only
 * loopback and a temporary directory that it removes; a warm-up that cannot run is logged and skipped.
 */
final class JitWarmup {

    private static final Logger LOG = LoggerFactory.getLogger(JitWarmup.class);

    /** An upper bound (the scratch lease file stays under ~60 MB); the compiler settles long before on a fast machine. */
    static final int MAX_EXCHANGES = 100_000;

    private static final String CONFIG = """
            authoritative; ping-check false; default-lease-time 3600; max-lease-time 3600;
            one-lease-per-client on; update-static-leases on;
            shared-network warmup {
              subnet 127.0.0.0 netmask 255.0.0.0 { }
              subnet 10.0.0.0 netmask 255.255.0.0 {
                option subnet-mask 255.255.0.0; option routers 10.0.0.1; option domain-name-servers 10.0.0.2;
                option domain-name "warmup.test";
                pool { range 10.0.1.0 10.0.255.254; }
              }
            }
            """;
    private static final String SERVER_ADDRESS = "127.0.0.1";
    private static final String RELAY_ADDRESS = "127.0.0.2";
    private static final String INTERFACE_TARGET = "127.0.0.3";

    private JitWarmup() {
    }

    /**
     * Runs the warm-up for {@code real}'s settings (engine mode, event loop threads; the time budget is its
     * upper bound) until the compiler has settled; returns the exchanges run.
     *
     * @param interfaceSockets whether the real server serves interfaces: the scratch server then does too,
     *                         on {@code lo}, so that requests take the interface sockets' path as they will
     * @param group            the real server's event loop group, which the scratch server shares (and leaves
     *                         running), or null
     */
    static int run(ServerSettings real, boolean interfaceSockets, int maxExchanges, EventLoopGroup group) {
        long t0 = System.nanoTime();
        Path dir = null;
        Thread removeOnExit = null;
        try {
            dir = Files.createTempDirectory("ironlease-warmup");
            // a server stopped during its warm-up (SIGTERM) exits before the finally below
            Path created = dir;
            removeOnExit = new Thread(() -> deleteQuietly(created), "ironlease-warmup-cleanup");
            Runtime.getRuntime().addShutdownHook(removeOnExit);
            CompilerActivity compiler = new CompilerActivity();
            int exchanges = serve(real, interfaceSockets, dir, t0 + real.warmup().toNanos(), maxExchanges, compiler,
                    group);
            LOG.info("JIT_WARMUP {} exchanges through a scratch server on loopback in {} ms (compiler {})", exchanges,
                    TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - t0), compiler.settled() ? "settled" : "still busy");
            return exchanges;
        } catch (IOException | RuntimeException | LeaseFileException e) {
            LOG.warn("JIT_WARMUP skipped: {}", e.toString());
            return 0;
        } finally {
            deleteQuietly(dir);
            if (removeOnExit != null) {
                try {
                    Runtime.getRuntime().removeShutdownHook(removeOnExit);
                } catch (IllegalStateException shuttingDown) {
                    // the hook runs anyway; the directory is already gone
                }
            }
        }
    }

    private static int serve(ServerSettings real, boolean interfaceSockets, Path dir, long deadline, int maxExchanges,
            CompilerActivity compiler, EventLoopGroup group) throws IOException, LeaseFileException {
        DhcpConfig config;
        try {
            config = ConfigLoader.parseStrict("warmup.conf", CONFIG);
        } catch (ConfigException e) {
            throw new IllegalStateException(e);
        }
        InetAddress server = InetAddress.getByName(SERVER_ADDRESS);
        InetAddress relay = InetAddress.getByName(RELAY_ADDRESS);
        // with interface sockets, requests go to an address only the socket on lo has (the unicast socket is
        // bound to SERVER_ADDRESS), as relayed requests reach a real server's interface socket
        InetAddress target = interfaceSockets ? InetAddress.getByName(INTERFACE_TARGET) : server;
        Path leases = dir.resolve("warmup.leases");
        Files.createFile(leases);
        // interface sockets need a fixed port: a free one, taken again at once (another program may take it
        // in between: then the next attempt); the relay listens on it too, as relays do
        for (int attempt = 1; ; attempt++) {
            int port = freePort(server);
            ServerSettings scratch = ServerSettings.relay(config, leases, server, port)
                    .withInterfaces(interfaceSockets ? List.of("lo") : List.of(), false)
                    .withEngineThread(real.engineThread())
                    .withEventLoopThreads(real.eventLoopThreads());
            try (DhcpServer scratchServer = DhcpServer.start(scratch, false, group);
                    WarmupRelay client = new WarmupRelay(new InetSocketAddress(relay, port),
                            new InetSocketAddress(target, port), new InetSocketAddress(server, port))) {
                return client.run(deadline, maxExchanges, compiler::settled);
            } catch (IOException e) {
                if (attempt == 3) {
                    throw e;
                }
            }
        }
    }

    private static int freePort(InetAddress address) throws IOException {
        try (DatagramSocket probe = new DatagramSocket(new InetSocketAddress(address, 0))) {
            return probe.getLocalPort();
        }
    }

    /**
     * Whether the optimizing compiler (C2) has settled: nothing compiling or queued for it (the
     * {@code Compiler.queue} diagnostic command, as {@code jcmd} shows it) on every look for
     * {@link #QUIET_NANOS}. Looks at most every {@link #LOOK_NANOS}; where the diagnostic
     * command is not available, never settled (the time budget ends the warm-up).
     */
    static final class CompilerActivity {
        private static final long LOOK_NANOS = TimeUnit.MILLISECONDS.toNanos(50);
        private static final long QUIET_NANOS = TimeUnit.MILLISECONDS.toNanos(500);

        private final MBeanServer server = ManagementFactory.getPlatformMBeanServer();
        private ObjectName diagnostics;
        private long lastLook;
        private long quietSince = -1;
        private boolean settled;

        CompilerActivity() {
            try {
                diagnostics = new ObjectName("com.sun.management:type=DiagnosticCommand");
            } catch (MalformedObjectNameException e) {
                diagnostics = null;
            }
        }

        boolean settled() {
            long now = System.nanoTime();
            if (settled || now - lastLook < LOOK_NANOS) {
                return settled;
            }
            lastLook = now;
            if (!queueEmpty()) {
                quietSince = -1;
            } else if (quietSince < 0) {
                quietSince = now;
            } else if (now - quietSince >= QUIET_NANOS) {
                settled = true;
            }
            return settled;
        }

        /** True when no C2 compilation is running or queued; false when busy or unknown. */
        private boolean queueEmpty() {
            if (diagnostics == null) {
                return false;
            }
            try {
                Object text = server.invoke(diagnostics, "compilerQueue", new Object[] {null},
                        new String[] {String[].class.getName()});
                return text instanceof String queue && idle(queue);
            } catch (JMException | RuntimeException e) {
                diagnostics = null;
                return false;
            }
        }

        /**
         * No C2 task running or queued in a {@code Compiler.queue} listing: C1's quick compiles (of method
         * handles and the like, which never stop entirely) do not count.
         */
        static boolean idle(String queue) {
            String section = "";
            for (String raw : queue.split("\n")) {
                String line = raw.strip();
                if (line.endsWith(":")) {
                    section = line;
                } else if (line.isEmpty() || line.equals("Empty")) {
                    continue;
                } else if (section.startsWith("Current compiles") ? line.startsWith("C2") : section.startsWith("C2")) {
                    return false;
                }
            }
            return true;
        }
    }

    private static void deleteQuietly(Path dir) {
        if (dir == null) {
            return;
        }
        try (Stream<Path> paths = Files.walk(dir)) {
            paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            LOG.warn("JIT_WARMUP cannot remove {}: {}", dir, e.toString());
        }
    }
}
