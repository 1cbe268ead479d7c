package io.ironlease.pools.input;

import io.ironlease.pools.model.LeaseTable;
import io.ironlease.pools.model.PoolLayout;
import io.ironlease.shared.config.ConfigError;
import io.ironlease.shared.config.ConfigLoader;
import io.ironlease.shared.config.ConfigResult;
import io.ironlease.shared.config.SourceReader;
import io.ironlease.shared.config.model.PoolConfig;
import io.ironlease.shared.config.model.RangeConfig;
import io.ironlease.shared.config.model.SharedNetworkConfig;
import io.ironlease.shared.config.model.SubnetConfig;
import io.ironlease.shared.leases.BindingState;
import io.ironlease.shared.leases.LeaseFileException;
import io.ironlease.shared.leases.LeaseFileProblem;
import io.ironlease.shared.leases.LeaseFileReader;
import io.ironlease.shared.leases.LeaseSummary;
import io.ironlease.shared.leases.LeaseTime;
import io.ironlease.shared.net.Ipv4Range;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;

/**
 * Reads dhcpd.conf and dhcpd.leases with the project's shared parsers ({@code io.ironlease.shared.config}
 * and {@code io.ironlease.shared.leases}): one parser for the server and the analyzer.
 *
 * <p>The config is loaded leniently, as dhcpd-pools reads any config it can scan: errors of meaning (a
 * placeholder key secret, overlapping ranges, an undeclared failover peer) do not stop the analysis;
 * a file that cannot be read or does not parse does, with its {@code file:line:col}. The leases go
 * through the reader's allocation-free fast path, a big file in parts side by side (see
 * {@link FileChunks}); a corrupt record stops the analysis with its position, a last record cut short
 * by a crash is skipped with a warning, as dhcpd itself does.
 */
public final class SharedParsersInput implements PoolsInput {

    /** Parts smaller than this are not worth a thread. */
    static final long MIN_CHUNK = 8L << 20;
    /** dhcpd writes 250 to 350 bytes per lease record; a table sized by this rarely grows. */
    private static final int BYTES_PER_RECORD = 250;

    private final Consumer<String> warnings;
    private final int parallelism;
    private final long minChunk;

    /**
     * Warnings (a truncated last record) go to {@code stderr}, one line each; lease files are read in
     * up to {@code parallelism} parts at once.
     */
    public SharedParsersInput(PrintStream stderr, int parallelism) {
        this(stderr, parallelism, MIN_CHUNK);
    }

    /** As above, with parts of at least {@code minChunk} bytes (tests use small ones). */
    SharedParsersInput(PrintStream stderr, int parallelism, long minChunk) {
        this.warnings = stderr::println;
        this.parallelism = Math.max(1, parallelism);
        this.minChunk = minChunk;
    }

    public SharedParsersInput(PrintStream stderr) {
        this(stderr, Math.min(4, Runtime.getRuntime().availableProcessors()));
    }

    public SharedParsersInput() {
        this(System.err);
    }

    @Override
    public PoolLayout layout(Path config, boolean allAsShared) throws InputException {
        String text = readConfig(config);
        // the main file is read once, so that both parses below see the same text
        ConfigResult result = ConfigLoader.loadLenient(config,
                path -> path.equals(config) ? text : SourceReader.FILES.read(path));
        List<ConfigError> fatal = syntaxErrors(config, text, result.errors());
        if (!fatal.isEmpty()) {
            StringBuilder message = new StringBuilder();
            for (ConfigError error : fatal.subList(0, Math.min(fatal.size(), 20))) {
                message.append(message.length() == 0 ? "" : "\n").append(error);
            }
            if (fatal.size() > 20) {
                message.append("\n(").append(fatal.size() - 20).append(" more errors)");
            }
            throw new InputException(message.toString());
        }
        PoolLayout.Builder layout = PoolLayout.builder();
        for (SharedNetworkConfig network : result.config().sharedNetworks()) {
            int index;
            if (!network.implicit()) {
                index = layout.network(network.name());
            } else if (allAsShared) {
                index = layout.subnetNetwork(network.name()); // named by its CIDR, as -A asks
            } else {
                index = 0;
            }
            for (SubnetConfig subnet : network.subnets()) {
                ranges(layout, subnet.ranges(), index);
                for (PoolConfig pool : subnet.pools()) {
                    ranges(layout, pool.ranges(), index);
                }
            }
            for (PoolConfig pool : network.pools()) {
                ranges(layout, pool.ranges(), index);
            }
        }
        return layout.build();
    }

    private static void ranges(PoolLayout.Builder layout, List<RangeConfig> ranges, int network) {
        for (RangeConfig range : ranges) {
            Ipv4Range r = range.range();
            layout.range(r.first(), r.last(), network);
        }
    }

    private static String readConfig(Path config) throws InputException {
        try {
            return SourceReader.FILES.read(config);
        } catch (IOException e) {
            throw new InputException(config + ": " + reason(e), e);
        }
    }

    /**
     * The errors of the lenient load that the parser itself reported (lexical, syntax, includes), as
     * opposed to the validator's: the same text parsed without building the model yields only those.
     */
    private static List<ConfigError> syntaxErrors(Path config, String text, List<ConfigError> all) {
        if (all.isEmpty()) {
            return List.of();
        }
        List<ConfigError> syntax = new ArrayList<>();
        ConfigLoader.parseSyntax(config.toString(), text, syntax);
        Set<ConfigError> syntaxSet = new HashSet<>(syntax);
        return all.stream().filter(syntaxSet::contains).toList();
    }

    @Override
    public LeaseTable leases(Path leases, LeaseOptions options) throws InputException {
        LeaseTable table = null;
        boolean firstLineIsLease;
        long fileSize;
        try (FileChannel channel = FileChannel.open(leases)) {
            fileSize = channel.size();
            firstLineIsLease = startsWithLease(channel);
            List<FileChunks.Chunk> chunks = FileChunks.plan(channel, parallelism, minChunk);
            if (chunks.size() > 1) {
                table = readInParts(leases, channel, chunks, options);
            }
        } catch (IOException e) {
            throw new InputException(leases + ": " + reason(e), e);
        }
        if (table == null) {
            table = readWhole(leases, options, expected(fileSize));
        }
        table.firstLineIsLease(firstLineIsLease);
        return table;
    }

    private static boolean startsWithLease(FileChannel channel) throws IOException {
        ByteBuffer head = ByteBuffer.allocate(6);
        while (head.hasRemaining() && channel.read(head, head.position()) > 0) {
            // a few bytes
        }
        return new String(head.array(), 0, head.position(), StandardCharsets.US_ASCII).equals("lease ");
    }

    /** The reference reading: the whole file by one reader, with its problems reported. */
    private static int expected(long bytes) {
        return (int) Math.min(1 << 26, bytes / BYTES_PER_RECORD);
    }

    private LeaseTable readWhole(Path leases, LeaseOptions options, int expected) throws InputException {
        LeaseFolder folder = new LeaseFolder(options, expected);
        try (LeaseFileReader reader = LeaseFileReader.open(leases, LeaseFileReader.Options.strict())) {
            LeaseFileReader.Result result = reader.readSummaries(summary -> fold(folder, summary));
            for (LeaseFileProblem problem : result.problems()) {
                warnings.accept(problem.toString());
            }
        } catch (LeaseFileException e) {
            throw new InputException(e.getMessage(), e);
        } catch (IOException e) {
            throw new InputException(leases + ": " + reason(e), e);
        }
        return folder.table();
    }

    /**
     * Reads the parts side by side, one reader each, and merges them in file order; answers null when a
     * part met anything but clean records (an error, a record cut at a part's end), so that the whole
     * file is read again in one piece and reports it with the right position.
     */
    private static LeaseTable readInParts(Path leases, FileChannel channel, List<FileChunks.Chunk> chunks,
            LeaseOptions options) throws InputException {
        List<LeaseFolder> folders = new ArrayList<>();
        List<Thread> threads = new ArrayList<>();
        AtomicBoolean clean = new AtomicBoolean(true);
        for (FileChunks.Chunk chunk : chunks) {
            LeaseFolder folder = new LeaseFolder(options, expected(chunk.length()));
            folders.add(folder);
            Thread thread = new Thread(() -> {
                try (LeaseFileReader reader = LeaseFileReader.of(FileChunks.stream(channel, chunk),
                        leases.toString(), LeaseFileReader.Options.strict())) {
                    if (reader.readSummaries(summary -> fold(folder, summary)).problemCount() > 0) {
                        clean.set(false);
                    }
                    folder.table().prepare(); // this part's sort, on this thread
                } catch (IOException | LeaseFileException | RuntimeException e) {
                    clean.set(false);
                }
            }, "lease-part-" + threads.size());
            thread.setDaemon(true);
            threads.add(thread);
            thread.start();
        }
        for (Thread thread : threads) {
            try {
                thread.join();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new InputException(leases + ": interrupted", e);
            }
        }
        return clean.get() ? LeaseFolder.merge(folders) : null;
    }

    private static void fold(LeaseFolder folder, LeaseSummary s) {
        BindingState state = s.bindingState();
        String keyword = state == null ? null : state.fileName();
        long ends = s.ends() == LeaseTime.UNSET ? LeaseFolder.NO_END
                : s.ends() == LeaseTime.NEVER ? LeaseFolder.NEVER : s.ends();
        // dhcpd-pools reads "hardware ethernet" lines only
        if (s.hardwareType() != 1 || !s.hasHardware()) {
            folder.fold(s.ipBits(), keyword, LeaseTable.NO_MAC, ends);
        } else if (s.hardwareLength() == 6) {
            folder.fold(s.ipBits(), keyword, s.hardwareBits(), ends);
        } else {
            folder.foldOddHardware(s.ipBits(), keyword, s.hardware().map(Object::toString).orElse(""), ends);
        }
    }

    static String reason(IOException e) {
        if (e instanceof NoSuchFileException) {
            return "No such file or directory";
        }
        if (e instanceof AccessDeniedException) {
            return "Permission denied";
        }
        return e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    }
}
