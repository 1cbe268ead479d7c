package io.ironlease.server.omapi;

import io.ironlease.omapi.interop.NetnsDhcpd;
import io.ironlease.omapi.server.HandleRegistry;
import io.ironlease.omapi.server.ObjectProvider;
import io.ironlease.omapi.server.OmapiServer;
import io.ironlease.omapi.wire.OmapiValues;
import io.ironlease.shared.keys.KeyAlgorithm;
import io.ironlease.shared.keys.OmapiKey;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.epoll.EpollIoHandler;
import io.netty.channel.epoll.EpollServerSocketChannel;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;

/**
 * The OMAPI benchmark behind {@code scripts/bench/omapi}: lease lookups (OPEN lease by ip-address,
 * cycling over the active leases) per second against the packaged ironlease-server and against ISC
 * dhcpd 4.4.3 in a network namespace, with the same dhcpd.conf, lease file and client (ours, one JVM
 * per server on the server's side of loopback: inside the namespace for dhcpd). The servers run side by
 * side and the runs alternate between them, so a busy machine slows both alike. A third target is our
 * OMAPI listener answering a canned lease at once on its network thread: how fast any server could be
 * with this client on this machine. Not a test.
 * {@code run [--lookups N] [--runs R] [--leases L] [--no-isc] [--server-jvm -Dx=y]}.
 */
public final class OmapiBench {

    private static final List<String> MODES = List.of("c1w1", "c1w8", "c1w32", "c1w256", "c64w1");
    /** dhcpd 4.4.3 aborts with 32 requests in flight on one connection (OMAPI-NOTES section 9). */
    private static final List<String> ISC_MODES = List.of("c1w1", "c1w8", "c64w1");

    /** Linux USER_HZ: /proc/PID/stat times are in these ticks per second. */
    private static final double CLOCK_TICKS = 100;

    private OmapiBench() {
    }

    /** CPU time (user + system, every thread) of a process in clock ticks, or -1. */
    static long cpuTicks(long pid) {
        if (pid <= 0) {
            return -1;
        }
        try {
            String stat = Files.readString(Path.of("/proc/" + pid + "/stat"));
            String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            return Long.parseLong(f[11]) + Long.parseLong(f[12]);
        } catch (Exception e) {
            return -1;
        }
    }

    /** The dhcpd process of a namespace ({@code ip netns pids}). */
    private static long dhcpdPid(String namespace) throws Exception {
        Process pids = new ProcessBuilder("ip", "netns", "pids", namespace).start();
        for (String line : new String(pids.getInputStream().readAllBytes(), StandardCharsets.US_ASCII).split("\\s+")) {
            if (!line.isBlank() && Files.readString(Path.of("/proc/" + line.strip() + "/comm")).strip().equals("dhcpd")) {
                return Long.parseLong(line.strip());
            }
        }
        return -1;
    }

    public static void main(String[] args) throws Exception {
        int lookups = 50_000;
        int runs = 5;
        int leases = 100;
        boolean isc = true;
        List<String> serverJvm = new ArrayList<>();
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "run" -> { }
                case "--lookups" -> lookups = Math.max(1000, Math.min(1_000_000, Integer.parseInt(args[++i])));
                case "--runs" -> runs = Math.max(1, Math.min(15, Integer.parseInt(args[++i])));
                case "--leases" -> leases = Math.max(1, Math.min(100, Integer.parseInt(args[++i])));
                case "--no-isc" -> isc = false;
                case "--server-jvm" -> serverJvm.add(args[++i]);
                default -> throw new IllegalArgumentException("unknown argument " + args[i]);
            }
        }
        OmapiKey key = TestConfigs.key("omapi_key", KeyAlgorithm.HMAC_MD5);
        String config = NetnsDhcpd.plainConfig(key);
        String leaseFile = TestConfigs.leases(Instant.now(), leases, 0);
        Path dir = Files.createTempDirectory("ironlease-omapi-bench");
        Files.writeString(dir.resolve("dhcpd.conf"), config);
        Files.writeString(dir.resolve("dhcpd.leases"), leaseFile);
        System.out.printf(Locale.ROOT, "OMAPI lease lookups per second: %d active leases cycled, %d lookups per run, "
                + "median of %d alternating runs; %d CPUs, load average before: %s%n", leases, lookups, runs,
                Runtime.getRuntime().availableProcessors(), Files.readString(Path.of("/proc/loadavg")).strip());
        List<String> serverArgs = new ArrayList<>(serverJvm);
        serverArgs.addAll(List.of("--omapi-listen", "127.0.0.1", "-q"));
        Map<String, Map<String, List<Double>>> results = new LinkedHashMap<>();
        Map<String, Map<String, List<Double>>> cpu = new LinkedHashMap<>();
        NetnsDhcpd dhcpd = null;
        EventLoopGroup nullGroup = new MultiThreadIoEventLoopGroup(1, EpollIoHandler.newFactory());
        List<BenchClient> clients = new ArrayList<>();
        try (ServerProcess server = ServerProcess.start(dir, serverArgs.toArray(String[]::new));
                OmapiServer canned = OmapiServer.builder().port(0).bindAddress(InetAddress.getLoopbackAddress())
                        .key(key).provider(new CannedLease()).eventLoops(nullGroup, EpollServerSocketChannel.class)
                        .build().start()) {
            clients.add(BenchClient.start("ironlease", List.of(), server.omapiPort(), key, leases, MODES, server.pid()));
            if (isc) {
                dhcpd = NetnsDhcpd.start(config, leaseFile);
                clients.add(BenchClient.start("isc-dhcpd", List.of("ip", "netns", "exec", dhcpd.namespace()),
                        NetnsDhcpd.OMAPI_PORT, key, leases, ISC_MODES, dhcpdPid(dhcpd.namespace())));
            }
            clients.add(BenchClient.start("canned", List.of(), canned.port(), key, leases, MODES, -1));
            for (String mode : MODES) {
                for (int run = 0; run < runs + 1; run++) { // run 0 warms up
                    for (BenchClient client : clients) {
                        if (client.modes.contains(mode)) {
                            int count = run == 0 ? Math.max(2000, lookups / 5) : lookups;
                            long before = client.cpuTicks();
                            double rate = client.measure(mode, count);
                            long ticks = client.cpuTicks() - before;
                            if (run > 0 || rate < 0) {
                                results.computeIfAbsent(client.name, n -> new LinkedHashMap<>())
                                        .computeIfAbsent(mode, m -> new ArrayList<>()).add(rate);
                                if (before >= 0) {
                                    cpu.computeIfAbsent(client.name, n -> new LinkedHashMap<>())
                                            .computeIfAbsent(mode, m -> new ArrayList<>())
                                            .add(ticks * 1e6 / CLOCK_TICKS / count);
                                }
                            }
                        }
                    }
                }
            }
            if (dhcpd != null && !dhcpd.isRunning()) {
                System.out.println("isc-dhcpd stopped during the run:\n" + dhcpd.log());
            }
        } finally {
            for (BenchClient client : clients) {
                client.close();
            }
            if (dhcpd != null) {
                dhcpd.close();
            }
            nullGroup.shutdownGracefully(0, 1, TimeUnit.SECONDS);
            try (var files = Files.walk(dir)) {
                files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
        BenchReport.print(results, cpu, MODES, ISC_MODES);
    }

    /** A lookup client in its own JVM ({@link BenchClientMain}), driven line by line over its stdin/stdout. */
    static final class BenchClient implements AutoCloseable {
        final String name;
        final List<String> modes;
        private final long serverPid;
        private final Process process;
        private final PrintWriter commands;
        private final BufferedReader results;

        private BenchClient(String name, List<String> modes, Process process, long serverPid) {
            this.name = name;
            this.modes = modes;
            this.serverPid = serverPid;
            this.process = process;
            this.commands = new PrintWriter(process.getOutputStream(), true, StandardCharsets.UTF_8);
            this.results = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
        }

        static BenchClient start(String name, List<String> prefix, int port, OmapiKey key, int leases,
                List<String> modes, long serverPid) throws Exception {
            List<String> command = new ArrayList<>(prefix);
            command.addAll(List.of(ProcessHandle.current().info().command().orElse("java"), "-cp",
                    System.getProperty("java.class.path"), BenchClientMain.class.getName(), "127.0.0.1",
                    Integer.toString(port), key.name(), key.secretBase64(), Integer.toString(leases)));
            return new BenchClient(name, modes, new ProcessBuilder(command)
                    .redirectError(ProcessBuilder.Redirect.INHERIT).start(), serverPid);
        }

        /** The server's CPU time so far, in clock ticks; -1 when it is not a process of its own. */
        long cpuTicks() {
            return OmapiBench.cpuTicks(serverPid);
        }

        /** Lookups per second for one run, or -1 when it failed (printed). */
        double measure(String mode, int lookups) throws Exception {
            commands.println(mode + " " + lookups);
            String line = results.readLine();
            if (line == null) {
                System.out.println(name + " " + mode + ": the client ended");
                return -1;
            }
            String[] f = line.split(" ", 4);
            if (f[2].equals("FAILED")) {
                System.out.println(name + " " + mode + ": " + (f.length > 3 ? f[3] : "failed"));
                return -1;
            }
            return Double.parseDouble(f[2]);
        }

        @Override
        public void close() throws InterruptedException {
            commands.close();
            if (!process.waitFor(30, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
            }
        }
    }

    /** Every lease lookup answers with the same active lease, in line on the network thread. */
    private static final class CannedLease implements ObjectProvider<String> {
        private final OmapiValues lease = LeaseAttributes.render(io.ironlease.shared.leases.Lease.builder(
                io.ironlease.shared.net.Ipv4Address.parse("192.168.100.100"))
                .bindingState(io.ironlease.shared.leases.BindingState.ACTIVE).build(), 3, 4);

        @Override
        public String type() {
            return LeaseProvider.TYPE;
        }

        @Override
        public Optional<Executor> executor() {
            return Optional.of(Runnable::run);
        }

        @Override
        public Optional<String> lookup(OmapiValues keys) {
            return Optional.of("lease");
        }

        @Override
        public OmapiValues render(String object, HandleRegistry handles) {
            return lease;
        }
    }
}
