package io.ironlease.omapi.interop;

import static org.awaitility.Awaitility.await;

import io.ironlease.shared.keys.OmapiKey;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * ISC dhcpd 4.4.3 in a network namespace made for the test (both ends of a veth pair inside it,
 * 192.168.100.1/24 on one; dhcpd cannot serve on {@code lo}), with an OMAPI key and a small lease file,
 * reachable from the test on a loopback port through {@link Relay}. {@link #close} stops only the
 * processes it started, by PID, and removes the namespace and its files. Public (with the test-jar)
 * so that other modules' interop tests can start dhcpd with their own configuration.
 */
public final class NetnsDhcpd implements AutoCloseable {

    /** The OMAPI port inside the namespace; a configuration passed to {@link #start} must use it. */
    public static final int OMAPI_PORT = 7911;
    private static final DateTimeFormatter LEASE_TIME = DateTimeFormatter.ofPattern("yyyy/MM/dd HH:mm:ss");

    private final String ip = Programs.require("/usr/sbin/ip", "/sbin/ip", "/usr/bin/ip", "/bin/ip");
    private final String dhcpd = Programs.require("/usr/sbin/dhcpd");
    private final String namespace = "ilomapi" + ProcessHandle.current().pid() % 100000
            + Integer.toHexString(ThreadLocalRandom.current().nextInt(0x1000));
    private final Path dir;
    private final List<Process> started = new ArrayList<>();
    private boolean namespaceCreated;
    private Process daemon;
    private int port;

    /** Starts everything; on any failure cleans up what was started and rethrows. */
    public NetnsDhcpd(OmapiKey key, Instant now) throws Exception {
        this(plainConfig(key), leases(now));
    }

    private NetnsDhcpd(String config, String leases) throws Exception {
        dir = Files.createTempDirectory("ironlease-dhcpd");
        try {
            setUpNamespace();
            Files.writeString(dir.resolve("dhcpd.conf"), config);
            Files.writeString(dir.resolve("dhcpd.leases"), leases);
            startDhcpd();
            startRelay();
        } catch (Exception | AssertionError e) {
            close();
            throw e;
        }
    }

    /**
     * dhcpd with this {@code dhcpd.conf} and lease file text. The configuration must set
     * {@code omapi-port} {@value #OMAPI_PORT} and may use addresses of 192.168.100.0/24 (the veth) and
     * 127.0.0.0/8 (the namespace's own loopback, e.g. for an unanswered failover peer).
     */
    public static NetnsDhcpd start(String config, String leases) throws Exception {
        return new NetnsDhcpd(config, leases);
    }

    /** The loopback port that reaches dhcpd's OMAPI listener. */
    public int port() {
        return port;
    }

    /** The network namespace dhcpd runs in (for {@code ip netns exec}). */
    public String namespace() {
        return namespace;
    }

    /** dhcpd's log so far (for failure messages). */
    public String log() {
        try {
            return Files.readString(dir.resolve("dhcpd.log"));
        } catch (IOException e) {
            return "(no log: " + e + ")";
        }
    }

    public boolean isRunning() {
        return daemon != null && daemon.isAlive();
    }

    private void setUpNamespace() throws Exception {
        Programs.check(ip, "netns", "add", namespace);
        namespaceCreated = true;
        Programs.check(ip, "-n", namespace, "link", "set", "lo", "up");
        Programs.check(ip, "-n", namespace, "link", "add", "ilo0", "type", "veth", "peer", "name", "ilo1");
        Programs.check(ip, "-n", namespace, "addr", "add", "192.168.100.1/24", "dev", "ilo0");
        Programs.check(ip, "-n", namespace, "link", "set", "ilo0", "up");
        Programs.check(ip, "-n", namespace, "link", "set", "ilo1", "up");
    }

    /** The OMAPI lab's plain configuration with {@code key} as the OMAPI key: one subnet, host fixed-one. */
    public static String plainConfig(OmapiKey key) {
        return String.join("\n",
                "# ironlease interop test: the OMAPI lab's plain configuration",
                "authoritative;", "ddns-update-style none;", "default-lease-time 3600;", "max-lease-time 7200;",
                "ping-check false;", "omapi-port " + OMAPI_PORT + ";",
                "key " + key.name() + " { algorithm " + key.algorithm().configName() + "; secret \""
                        + key.secretBase64() + "\"; };",
                "omapi-key " + key.name() + ";",
                "subnet 192.168.100.0 netmask 255.255.255.0 {", "  range 192.168.100.100 192.168.100.199;", "}",
                "host fixed-one { hardware ethernet 52:54:00:00:01:01; fixed-address 192.168.100.10; }", "");
    }

    /** Three active leases, 192.168.100.100-102, started ten minutes before {@code now}. */
    public static String leases(Instant now) {
        StringBuilder leases = new StringBuilder("# ironlease interop test leases\n");
        for (int i = 1; i <= 3; i++) {
            leases.append("lease 192.168.100.").append(99 + i).append(" {\n")
                    .append("  starts ").append(leaseTime(now.minusSeconds(600))).append(";\n")
                    .append("  ends ").append(leaseTime(now.plusSeconds(3000))).append(";\n")
                    .append("  cltt ").append(leaseTime(now.minusSeconds(600))).append(";\n")
                    .append("  binding state active;\n  next binding state free;\n  rewind binding state free;\n")
                    .append("  hardware ethernet 52:54:00:aa:00:0").append(i).append(";\n")
                    .append("  uid \"\\001RT\\000\\252\\000\\00").append(i).append("\";\n")
                    .append("  client-hostname \"interop-client-0").append(i).append("\";\n}\n");
        }
        return leases.toString();
    }

    /** A time as dhcpd.leases writes it ({@code 2 2026/11/24 23:10:27}, UTC). */
    public static String leaseTime(Instant instant) {
        ZonedDateTime utc = instant.atZone(ZoneOffset.UTC);
        return (utc.getDayOfWeek().getValue() % 7) + " " + LEASE_TIME.format(utc);
    }

    private void startDhcpd() throws Exception {
        daemon = new ProcessBuilder(ip, "netns", "exec", namespace, dhcpd, "-4", "-f", "-d",
                "-cf", dir.resolve("dhcpd.conf").toString(), "-lf", dir.resolve("dhcpd.leases").toString(),
                "-pf", dir.resolve("dhcpd.pid").toString(), "ilo0")
                .redirectErrorStream(true).redirectOutput(dir.resolve("dhcpd.log").toFile()).start();
        started.add(daemon);
        await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(100)).until(() -> {
            if (!daemon.isAlive()) {
                throw new AssertionError("dhcpd exited with " + daemon.exitValue() + ":\n" + log());
            }
            return Programs.run(List.of(ip, "netns", "exec", namespace, "ss", "-Hltn", "sport = :" + OMAPI_PORT), "", 10)
                    .stdout().contains("LISTEN");
        });
    }

    private void startRelay() throws Exception {
        Path socket = dir.resolve("omapi.sock");
        String java = ProcessHandle.current().info().command().orElse("java");
        Process relay = new ProcessBuilder(ip, "netns", "exec", namespace, java, "-cp",
                System.getProperty("java.class.path"), Relay.class.getName(), socket.toString(), "127.0.0.1",
                Integer.toString(OMAPI_PORT)).redirectError(ProcessBuilder.Redirect.INHERIT).start();
        started.add(relay);
        BufferedReader ready = new BufferedReader(new InputStreamReader(relay.getInputStream(), StandardCharsets.UTF_8));
        String line = ready.readLine();
        if (!"READY".equals(line)) {
            throw new AssertionError("relay did not start: " + line);
        }
        port = Relay.forwardLoopbackTo(socket);
    }

    @Override
    public void close() throws Exception {
        for (Process process : started) {
            process.destroy();
            if (!process.waitFor(10, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
            }
        }
        if (namespaceCreated) {
            Programs.run(List.of(ip, "netns", "del", namespace), "", 30);
        }
        try (Stream<Path> files = Files.walk(dir)) {
            for (Path path : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(path);
            }
        }
    }
}
