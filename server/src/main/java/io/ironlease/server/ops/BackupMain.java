package io.ironlease.server.ops;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.channels.FileChannel;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.time.Clock;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code ironlease-backup}: the seed how-to's nightly tar of the config and the lease database, made
 * safe to run while the server writes. Lease files are copied whole and cut back to their complete
 * records ({@link JournalSnapshot}), then must pass the server's {@code -T} check before they are
 * archived; the archive is written under a temporary name and renamed; old archives beyond
 * {@code --keep} are removed.
 */
@Command(name = "ironlease-backup", mixinStandardHelpOptions = true, version = "ironlease-backup 0.1.0",
        sortOptions = false,
        description = {"Back up the DHCP configuration and lease database into a date-stamped tar.gz, safely "
                + "while the server runs.",
                "The lease files are copied as they are and cut back to their complete records (the server "
                + "fsyncs every record before it acknowledges a lease, so the copy holds every lease "
                + "acknowledged before it began); each copy must read back (as ironlease-server -T) before it is "
                + "archived. The config is checked too (a warning only). Only the newest --keep archives stay."},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:archive written", "1:any failure (message on stderr; no partial archive is left)",
                "2:bad usage"})
public final class BackupMain implements Callable<Integer> {

    static final String PREFIX = "ironlease-backup-";
    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HHmmss.SSS'Z'")
            .withZone(ZoneOffset.UTC);

    @CommandLine.Mixin
    DhcpDirectories dirs = new DhcpDirectories();

    @Option(names = "--dest", paramLabel = "DIR", defaultValue = "/backup",
            description = "Where the archives go, created if missing (default: ${DEFAULT-VALUE}).")
    Path dest;

    @Option(names = "--keep", paramLabel = "N", defaultValue = "14",
            description = "How many archives to keep, the newest (default: ${DEFAULT-VALUE}).")
    int keep;

    @Option(names = "--print-cron", description = "Print the crontab line for a nightly run at 02:00 and exit.")
    boolean printCron;

    @Spec
    CommandLine.Model.CommandSpec spec;

    private final Clock clock;

    public BackupMain() {
        this(Clock.systemUTC());
    }

    BackupMain(Clock clock) {
        this.clock = clock;
    }

    public static void main(String[] args) {
        System.exit(new CommandLine(new BackupMain()).execute(args));
    }

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        if (keep < 1) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--keep must be a positive number, not " + keep);
        }
        if (printCron) {
            out.printf("0 2 * * * %s --config-dir %s --lease-dir %s --dest %s --keep %d%n", launcher(),
                    shellQuote(dirs.config), shellQuote(dirs.leases), shellQuote(dest), keep);
            out.flush();
            return 0;
        }
        try {
            run(out, err);
            return 0;
        } catch (Failure | IOException e) {
            err.println("ironlease-backup: " + e.getMessage());
            return 1;
        } finally {
            out.flush();
            err.flush();
        }
    }

    private void run(PrintWriter out, PrintWriter err) throws Failure, IOException {
        if (!Files.isDirectory(dirs.config)) {
            throw new Failure("config directory " + dirs.config + " does not exist");
        }
        if (!Files.isDirectory(dirs.leases)) {
            throw new Failure("lease directory " + dirs.leases + " does not exist");
        }
        try {
            Files.createDirectories(dest);
        } catch (IOException e) {
            throw new Failure("cannot create destination " + dest + ": " + e.getMessage());
        }
        if (!Files.isWritable(dest)) {
            throw new Failure("destination " + dest + " is not writable");
        }
        Path work = Files.createTempDirectory("ironlease-backup");
        try {
            Trees.copy(dirs.config, work.resolve("config"));
            snapshotLeases(work.resolve("leases"), out, err);
            Path conf = work.resolve("config/dhcpd.conf");
            if (Files.isRegularFile(conf)) {
                Optional<String> errors = Checks.configErrors(conf);
                errors.ifPresent(e -> err.println("ironlease-backup: warning: " + dirs.config.resolve("dhcpd.conf")
                        + " does not check clean (backed up anyway):\n" + e.indent(2).stripTrailing()));
            }
            Path archive = writeArchive(work);
            out.println("ironlease-backup: wrote " + archive);
            prune(out);
        } finally {
            Trees.delete(work);
        }
    }

    private void snapshotLeases(Path target, PrintWriter out, PrintWriter err) throws Failure, IOException {
        Files.createDirectories(target);
        boolean found = false;
        try (DirectoryStream<Path> files = Files.newDirectoryStream(dirs.leases, "*.leases")) {
            for (Path file : files) {
                found = true;
                Path snapshot = target.resolve(file.getFileName());
                long copied;
                long complete;
                // one open, streamed: a compaction renaming over the file does not matter, nor does its size
                try (java.io.InputStream in = Files.newInputStream(file);
                        FileChannel channel = FileChannel.open(snapshot, StandardOpenOption.CREATE_NEW,
                                StandardOpenOption.WRITE)) {
                    JournalSnapshot scan = new JournalSnapshot();
                    byte[] buffer = new byte[1 << 16];
                    copied = 0;
                    for (int n; (n = in.read(buffer)) > 0; copied += n) {
                        scan.feed(buffer, 0, n);
                        java.nio.ByteBuffer chunk = java.nio.ByteBuffer.wrap(buffer, 0, n);
                        while (chunk.hasRemaining()) {
                            channel.write(chunk);
                        }
                    }
                    complete = scan.completeLength();
                    channel.truncate(complete);
                } catch (IOException e) {
                    throw new Failure("cannot copy " + file + ": " + e.getMessage());
                }
                Optional<String> problem = Checks.leaseFileErrors(snapshot);
                if (problem.isPresent()) {
                    throw new Failure("the snapshot of " + file + " does not read back: " + problem.get());
                }
                out.println("ironlease-backup: " + file + ": snapshot of " + complete + " bytes checked"
                        + (complete < copied ? " (an unfinished record at the end was left out)" : ""));
            }
        }
        if (!found) {
            err.println("ironlease-backup: warning: no *.leases file in " + dirs.leases);
        }
    }

    private Path writeArchive(Path work) throws Failure {
        String stamp = STAMP.format(clock.instant());
        Path archive = dest.resolve(PREFIX + hostName() + "-" + stamp + ".tar.gz");
        Path partial = dest.resolve("." + PREFIX + stamp + ".tar.gz.partial");
        try {
            Archives.create(partial, work, List.of("config", "leases"));
            try (FileChannel channel = FileChannel.open(partial, StandardOpenOption.WRITE)) {
                channel.force(true);
            }
            Files.move(partial, archive, StandardCopyOption.ATOMIC_MOVE);
            return archive;
        } catch (IOException e) {
            try {
                Files.deleteIfExists(partial);
            } catch (IOException ignored) {
                // the message below matters more
            }
            throw new Failure("cannot write " + archive + ": " + e.getMessage());
        }
    }

    /** Keeps the newest {@code keep} archives; the names sort by time. */
    private void prune(PrintWriter out) throws IOException {
        List<Path> archives = new ArrayList<>();
        try (Stream<Path> files = Files.list(dest)) {
            files.filter(p -> p.getFileName().toString().startsWith(PREFIX)
                    && p.getFileName().toString().endsWith(".tar.gz")).sorted().forEach(archives::add);
        }
        for (int i = 0; i < archives.size() - keep; i++) {
            Files.deleteIfExists(archives.get(i));
            out.println("ironlease-backup: removed old " + archives.get(i));
        }
    }

    private static String hostName() {
        try {
            String name = java.net.InetAddress.getLocalHost().getHostName();
            int dot = name.indexOf('.');
            return dot > 0 ? name.substring(0, dot) : name;
        } catch (IOException e) {
            return "host";
        }
    }

    /** The launcher that started us (set by the scripts), so the crontab line runs the same command. */
    private static String launcher() {
        return Optional.ofNullable(System.getenv("IRONLEASE_LAUNCHER")).filter(s -> !s.isBlank())
                .orElse("ironlease-backup");
    }

    private static String shellQuote(Path path) {
        String text = path.toString();
        return text.matches("[A-Za-z0-9_./@%+=:,-]+") ? text : "'" + text.replace("'", "'\\''") + "'";
    }
}
