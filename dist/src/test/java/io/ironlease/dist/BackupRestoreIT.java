package io.ironlease.dist;

import static org.assertj.core.api.Assertions.assertThat;

import io.ironlease.server.probe.DhcpProbe;
import io.ironlease.shared.leases.BindingState;
import io.ironlease.shared.leases.Lease;
import io.ironlease.shared.leases.LeaseFileReader;
import io.ironlease.shared.leases.LeaseTable;
import io.ironlease.shared.net.HardwareAddress;
import io.ironlease.shared.net.Ipv4Address;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Stream;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The nightly backup of the seed how-to, done by {@code ironlease-backup} while the server is granting
 * leases, and {@code ironlease-restore} putting it back: every lease acknowledged before the backup began
 * is in the archive and, after the restore, the server gives each of those clients its address again.
 * Also: retention, refusals that change nothing. Loopback only (the server on 127.0.0.3, two relay
 * agents on 127.0.0.2 and 127.0.0.5 driving it), the packaged launchers from dist/target/ironlease.
 */
class BackupRestoreIT {

    private static final Path HOME = Path.of("target", "ironlease").toAbsolutePath();
    private static final String SERVER = "127.0.0.3";
    private static final List<String> RELAYS = List.of("127.0.0.2", "127.0.0.5");
    /** Bounds of the load: clients per relay agent, and time. */
    private static final int CLIENTS_PER_RELAY = 3000;
    private static final Duration LOAD_LIMIT = Duration.ofSeconds(90);

    @TempDir
    Path dir;
    private Process server;
    private int port;
    private final Map<HardwareAddress, Ipv4Address> acked = new ConcurrentHashMap<>();
    private final AtomicBoolean stopLoad = new AtomicBoolean();
    private final ExecutorService load = Executors.newFixedThreadPool(RELAYS.size());

    private record Run(int exit, String out) {
    }

    @AfterEach
    void stop() throws InterruptedException {
        stopLoad.set(true);
        load.shutdownNow();
        load.awaitTermination(30, TimeUnit.SECONDS);
        stopServer();
    }

    @Test
    void backupUnderLoadThenRestoreKeepsEveryAcknowledgedLease() throws Exception {
        Path etc = Files.createDirectories(dir.resolve("etc/dhcp"));
        Path lib = Files.createDirectories(dir.resolve("var/lib/dhcp"));
        Path dest = dir.resolve("backup");
        Files.writeString(etc.resolve("dhcpd.conf"), """
                # backup/restore test: one pool reached through relays on 127/8 (test only)
                authoritative;
                ping-check false;
                default-lease-time 86400;
                max-lease-time 86400;
                shared-network loopback {
                  subnet 127.0.0.0 netmask 255.0.0.0 {
                  }
                  subnet 10.40.0.0 netmask 255.255.0.0 {
                    option routers 10.40.0.1;
                    range 10.40.0.10 10.40.31.250;
                  }
                }
                """);
        port = LoopbackPorts.freeDhcpPort(List.of(SERVER, RELAYS.get(0), RELAYS.get(1)));
        startServer(etc, lib);

        // Load from two relay agents, each client a fresh MAC; every ACK is recorded as it arrives.
        long loadDeadline = System.nanoTime() + LOAD_LIMIT.toNanos();
        List<Future<?>> drivers = new ArrayList<>();
        for (int r = 0; r < RELAYS.size(); r++) {
            int relay = r;
            drivers.add(load.submit(() -> drive(relay, loadDeadline)));
        }
        Awaitility.await().atMost(Duration.ofSeconds(60)).until(() -> acked.size() >= 300);

        Map<HardwareAddress, Ipv4Address> beforeBackup = new HashMap<>(acked);
        Run backup = run(HOME.resolve("bin/ironlease-backup").toString(), "--config-dir", etc.toString(),
                "--lease-dir", lib.toString(), "--dest", dest.toString(), "--keep", "2");
        int ackedByBackupEnd = acked.size();
        assertThat(backup.exit()).as(backup.out()).isZero();
        assertThat(backup.out()).contains("dhcpd.leases: snapshot of", "checked", "wrote " + dest);
        // The backup really ran under load: clients kept being served while and after it ran.
        Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> acked.size() >= ackedByBackupEnd + 100);

        // A restore while the server uses the lease directory is refused, and touches nothing.
        Path archive = onlyArchive(dest);
        Run refused = run(HOME.resolve("bin/ironlease-restore").toString(), archive.toString(), "--config-dir",
                etc.toString(), "--lease-dir", lib.toString());
        assertThat(refused.exit()).as(refused.out()).isEqualTo(1);
        assertThat(refused.out()).contains("stop it first");

        stopLoad.set(true);
        for (Future<?> driver : drivers) {
            driver.get(60, TimeUnit.SECONDS);
        }
        stopServer();
        System.out.println("BACKUP_UNDER_LOAD acked before the backup " + beforeBackup.size() + ", by its end "
                + ackedByBackupEnd + ", in all " + acked.size());
        assertThat(acked.size()).as("load bounded by its client count").isLessThanOrEqualTo(2 * CLIENTS_PER_RELAY);

        // Restore over the live directories: the previous ones are kept beside them.
        Run restore = run(HOME.resolve("bin/ironlease-restore").toString(), archive.toString(), "--config-dir",
                etc.toString(), "--lease-dir", lib.toString());
        assertThat(restore.exit()).as(restore.out()).isZero();
        try (Stream<Path> kept = Files.list(lib)) {
            assertThat(kept.map(p -> p.getFileName().toString()))
                    .anyMatch(name -> name.startsWith("dhcpd.leases.before-restore-"));
        }
        try (Stream<Path> kept = Files.list(etc.getParent())) {
            assertThat(kept.map(p -> p.getFileName().toString())).anyMatch(name -> name.startsWith("dhcp.before-restore-"));
        }

        // Every lease acknowledged before the backup began is in the restored file, active, same client.
        LeaseTable restored = new LeaseTable();
        try (LeaseFileReader reader = LeaseFileReader.open(lib.resolve("dhcpd.leases"), LeaseFileReader.Options.lenient())) {
            reader.read(restored);
        }
        beforeBackup.forEach((client, address) -> {
            Lease lease = restored.lease(address).orElseThrow(() -> new AssertionError(address + " missing"));
            assertThat(lease.bindingState()).as(address.toString()).isEqualTo(BindingState.ACTIVE);
            assertThat(lease.hardware()).as(address.toString()).contains(client);
        });

        // The server starts on the restored files and gives those clients their addresses again.
        startServer(etc, lib);
        try (DhcpProbe probe = DhcpProbe.open(List.of(Ipv4Address.parse(SERVER)), port, Ipv4Address.parse(RELAYS.get(0)),
                Duration.ofSeconds(2), 3)) {
            int checked = 0;
            for (Map.Entry<HardwareAddress, Ipv4Address> entry : beforeBackup.entrySet()) {
                assertThat(probe.lease(entry.getKey()).address()).as(entry.getKey().toString()).isEqualTo(entry.getValue());
                if (++checked == 25) {
                    break;
                }
            }
        }
        stopServer();

        // Retention: --keep 2 leaves the two newest archives.
        for (int i = 0; i < 2; i++) {
            Run again = run(HOME.resolve("bin/ironlease-backup").toString(), "--config-dir", etc.toString(),
                    "--lease-dir", lib.toString(), "--dest", dest.toString(), "--keep", "2");
            assertThat(again.exit()).as(again.out()).isZero();
        }
        try (Stream<Path> archives = Files.list(dest)) {
            assertThat(archives.filter(p -> p.getFileName().toString().endsWith(".tar.gz"))).hasSize(2)
                    .noneMatch(p -> p.equals(archive));
        }
    }

    @Test
    void refusalsSayWhyAndChangeNothing() throws Exception {
        Path etc = Files.createDirectories(dir.resolve("etc/dhcp"));
        Path lib = Files.createDirectories(dir.resolve("var/lib/dhcp"));
        Files.writeString(etc.resolve("dhcpd.conf"), "subnet 10.40.0.0 netmask 255.255.0.0 { range 10.40.0.10 10.40.0.20; }\n");
        Files.writeString(lib.resolve("dhcpd.leases"), "# test only\n");

        Run missing = run(HOME.resolve("bin/ironlease-backup").toString(), "--config-dir", etc.toString(),
                "--lease-dir", dir.resolve("nowhere").toString(), "--dest", dir.resolve("backup").toString());
        assertThat(missing.exit()).isEqualTo(1);
        assertThat(missing.out()).contains("lease directory " + dir.resolve("nowhere") + " does not exist");

        Run cron = run(HOME.resolve("bin/ironlease-backup").toString(), "--print-cron", "--dest", "/srv/backup");
        assertThat(cron.exit()).isZero();
        assertThat(cron.out()).startsWith("0 2 * * * ").contains("ironlease-backup", "--dest /srv/backup", "--keep 14");

        // An archive whose dhcpd.conf does not check is refused before anything is replaced.
        Path bad = dir.resolve("bad");
        Files.createDirectories(bad.resolve("config"));
        Files.createDirectories(bad.resolve("leases"));
        Files.writeString(bad.resolve("config/dhcpd.conf"), "subnet 10.40.0.0 netmask 255.255.0.0 {\n");
        Files.writeString(bad.resolve("leases/dhcpd.leases"), "# test only\n");
        Path archive = dir.resolve("bad.tar.gz");
        assertThat(new ProcessBuilder("tar", "-C", bad.toString(), "-czf", archive.toString(), "config", "leases")
                .start().waitFor()).isZero();
        String confBefore = Files.readString(etc.resolve("dhcpd.conf"));
        Run refused = run(HOME.resolve("bin/ironlease-restore").toString(), archive.toString(), "--config-dir",
                etc.toString(), "--lease-dir", lib.toString());
        assertThat(refused.exit()).isEqualTo(1);
        assertThat(refused.out()).contains("does not check clean; nothing restored", "dhcpd.conf:");
        assertThat(Files.readString(etc.resolve("dhcpd.conf"))).isEqualTo(confBefore);
        try (Stream<Path> files = Files.list(etc.getParent())) {
            assertThat(files).hasSize(1);
        }
    }

    private void drive(int relay, long deadline) {
        try (DhcpProbe probe = DhcpProbe.open(List.of(Ipv4Address.parse(SERVER)), port,
                Ipv4Address.parse(RELAYS.get(relay)), Duration.ofSeconds(1), 3)) {
            for (int i = 0; i < CLIENTS_PER_RELAY && !stopLoad.get() && System.nanoTime() < deadline; i++) {
                HardwareAddress client = HardwareAddress.ethernet(
                        new byte[] {2, 0, (byte) relay, 0, (byte) (i >> 8), (byte) i});
                try {
                    acked.put(client, probe.lease(client).address());
                } catch (IOException noLease) {
                    // dropped under load or while stopping: not acknowledged, so nothing to keep
                }
            }
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private void startServer(Path etc, Path lib) throws Exception {
        Path log = dir.resolve("server.log");
        server = new ProcessBuilder(HOME.resolve("bin/ironlease-server").toString(), "-f", "-cf",
                etc.resolve("dhcpd.conf").toString(), "-lf", lib.resolve("dhcpd.leases").toString(), "-pf",
                dir.resolve("dhcpd.pid").toString(), "-p", Integer.toString(port), "--listen", SERVER, "--no-omapi")
                .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile())).start();
        Process started = server;
        Awaitility.await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(100))
                .until(() -> !started.isAlive() || Files.readString(log).contains("DHCP_LISTENING"));
        assertThat(started.isAlive()).as(Files.readString(log)).isTrue();
        Files.writeString(log, "");
    }

    private void stopServer() throws InterruptedException {
        if (server != null && server.isAlive()) {
            server.destroy();
            if (!server.waitFor(30, TimeUnit.SECONDS)) {
                server.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            }
        }
        server = null;
    }

    private Run run(String... command) throws IOException, InterruptedException {
        Path out = Files.createTempFile(dir, "run", ".txt");
        Process process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(out.toFile()).start();
        if (!process.waitFor(120, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new AssertionError("timed out: " + String.join(" ", command));
        }
        String text = Files.readString(out);
        Files.delete(out);
        return new Run(process.exitValue(), text);
    }

    private static Path onlyArchive(Path dest) throws IOException {
        try (Stream<Path> files = Files.list(dest)) {
            List<Path> archives = files.filter(p -> p.getFileName().toString().endsWith(".tar.gz")).toList();
            assertThat(archives).hasSize(1);
            return archives.get(0);
        }
    }
}
