package io.ironlease.server.ops;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Clock;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code ironlease-restore}: puts an ironlease-backup archive back. Nothing is touched until the whole
 * archive has been checked (its dhcpd.conf as {@code -t}, every lease file as {@code -T}); what is
 * replaced is kept beside it; a server still using the lease directory stops the restore.
 */
@Command(name = "ironlease-restore", mixinStandardHelpOptions = true, version = "ironlease-restore 0.1.0",
        sortOptions = false,
        description = {"Restore an ironlease-backup archive after checking it.",
                "The archive must hold config/ and leases/; its dhcpd.conf must check clean (as ironlease-server -t) "
                + "and every lease file must read (as ironlease-server -T) before anything is replaced. What is "
                + "replaced is kept beside it, its name suffixed with .before-restore-TIME (in the lease directory "
                + "only the *.leases files are replaced). Stop the server first."},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:restored", "1:the archive failed its checks, a server is running, or a copy failed "
                + "(nothing changed, or the previous files kept)", "2:bad usage"})
public final class RestoreMain implements Callable<Integer> {

    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'")
            .withZone(ZoneOffset.UTC);

    @Parameters(index = "0", paramLabel = "ARCHIVE", description = "An archive written by ironlease-backup.")
    Path archive;

    @CommandLine.Mixin
    DhcpDirectories dirs = new DhcpDirectories();

    @Option(names = "--force", description = "Restore even while an ironlease-server or dhcpd uses the lease directory.")
    boolean force;

    @Spec
    CommandLine.Model.CommandSpec spec;

    private final Clock clock;

    public RestoreMain() {
        this(Clock.systemUTC());
    }

    RestoreMain(Clock clock) {
        this.clock = clock;
    }

    public static void main(String[] args) {
        System.exit(new CommandLine(new RestoreMain()).execute(args));
    }

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        try {
            run(out);
            return 0;
        } catch (Failure | IOException e) {
            err.println("ironlease-restore: " + e.getMessage());
            return 1;
        } finally {
            out.flush();
            err.flush();
        }
    }

    private void run(PrintWriter out) throws Failure, IOException {
        if (!Files.isRegularFile(archive)) {
            throw new Failure("no such archive: " + archive);
        }
        Path work = Files.createTempDirectory("ironlease-restore");
        try {
            try {
                Archives.extract(archive, work);
            } catch (IOException e) {
                throw new Failure(archive + " is not a readable tar.gz archive: " + e.getMessage());
            }
            Path config = work.resolve("config");
            Path leases = work.resolve("leases");
            if (!Files.isDirectory(config) || !Files.isDirectory(leases)) {
                throw new Failure(archive + " is not an ironlease-backup archive (no config/ and leases/)");
            }
            verify(config, leases);
            if (!force) {
                Optional<ProcessHandle> running = serverUsing(dirs.leases);
                if (running.isPresent()) {
                    throw new Failure("a server (pid " + running.get().pid() + ") is using " + dirs.leases
                            + "; stop it first (or pass --force)");
                }
            }
            String stamp = STAMP.format(clock.instant());
            replaceConfig(config, out, stamp);
            replaceLeases(leases, out, stamp);
            out.println("ironlease-restore: restored " + dirs.config + " and " + dirs.leases + " from " + archive);
        } finally {
            Trees.delete(work);
        }
    }

    private void verify(Path config, Path leases) throws Failure, IOException {
        Path conf = config.resolve("dhcpd.conf");
        if (Files.isRegularFile(conf)) {
            Optional<String> errors = Checks.configErrors(conf);
            if (errors.isPresent()) {
                throw new Failure("the archived dhcpd.conf does not check clean; nothing restored:\n"
                        + errors.get().indent(2).stripTrailing());
            }
        }
        for (Path file : leaseFiles(leases)) {
            Optional<String> errors = Checks.leaseFileErrors(file);
            if (errors.isPresent()) {
                throw new Failure("the archived " + file.getFileName() + " does not read; nothing restored:\n"
                        + errors.get().indent(2).stripTrailing());
            }
        }
    }

    private void replaceConfig(Path config, PrintWriter out, String stamp) throws Failure {
        Path kept = dirs.config.resolveSibling(dirs.config.getFileName() + ".before-restore-" + stamp);
        try {
            if (Files.exists(dirs.config)) {
                Files.move(dirs.config, kept);
                out.println("ironlease-restore: kept the previous " + dirs.config + " as " + kept);
            }
            Files.createDirectories(dirs.config.toAbsolutePath().getParent());
        } catch (IOException e) {
            throw new Failure("cannot move " + dirs.config + " aside: " + e.getMessage());
        }
        Trees.copy(config, dirs.config);
    }

    /** Only the lease files: the directory may hold other files (dhclient's leases, say). */
    private void replaceLeases(Path leases, PrintWriter out, String stamp) throws Failure, IOException {
        Files.createDirectories(dirs.leases);
        for (Path file : leaseFiles(leases)) {
            Path target = dirs.leases.resolve(file.getFileName().toString());
            try {
                if (Files.exists(target)) {
                    Path kept = dirs.leases.resolve(file.getFileName() + ".before-restore-" + stamp);
                    Files.move(target, kept);
                    out.println("ironlease-restore: kept the previous " + target + " as " + kept);
                }
                Path restoring = dirs.leases.resolve(file.getFileName() + ".restoring");
                Files.copy(file, restoring, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.COPY_ATTRIBUTES);
                Files.move(restoring, target, StandardCopyOption.ATOMIC_MOVE);
            } catch (IOException e) {
                throw new Failure("cannot write " + target + ": " + e.getMessage());
            }
        }
    }

    private static List<Path> leaseFiles(Path dir) throws IOException {
        List<Path> files = new ArrayList<>();
        try (DirectoryStream<Path> stream = Files.newDirectoryStream(dir, "*.leases")) {
            stream.forEach(files::add);
        }
        files.sort(null);
        return files;
    }

    /** A running ironlease-server or dhcpd whose command line names the lease directory. */
    static Optional<ProcessHandle> serverUsing(Path leaseDir) {
        String dir = leaseDir.toAbsolutePath().normalize().toString();
        long self = ProcessHandle.current().pid();
        return ProcessHandle.allProcesses().filter(p -> p.pid() != self).filter(p -> {
            String line = p.info().commandLine().orElse("");
            return (line.contains("ironlease-server") || line.contains("dhcpd")) && line.contains(dir);
        }).findFirst();
    }
}
