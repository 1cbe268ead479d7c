package io.ironlease.pools;

import io.ironlease.pools.alarm.AlarmThresholds;
import io.ironlease.pools.alarm.NagiosStatus;
import io.ironlease.pools.analysis.SortKey;
import io.ironlease.pools.input.InputException;
import io.ironlease.pools.input.PoolsInput;
import io.ironlease.pools.input.SharedParsersInput;
import io.ironlease.pools.render.OutputFormat;
import io.ironlease.pools.render.OutputLimit;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code ironlease-pools}: dhcpd-pools 2.29's command line on the project's parsers. Exit codes: 0 for
 * a report or an OK alarm, 1 WARNING and 2 CRITICAL in alarm mode, 3 UNKNOWN for any error (a missing
 * or invalid file, a bad option), where dhcpd-pools answered 1 (fix (c)).
 */
@Command(name = "ironlease-pools", sortOptions = false, usageHelpWidth = 100,
        description = "ISC dhcpd pools usage analyzer, compatible with dhcpd-pools 2.29.",
        footer = {"", "Exit status: 0 OK, 1 WARNING, 2 CRITICAL (alarm formats), 3 UNKNOWN (any error)."})
public final class PoolsMain {

    /** The name in messages; the launcher passes the name it was called by, as argv[0] is in C. */
    static final String NAME_PROPERTY = "ironlease.pools.name";
    static final String NAME_VARIABLE = "IRONLEASE_POOLS_NAME";

    @Option(names = {"-c", "--config"}, paramLabel = "FILE", description = "path to the dhcpd.conf file")
    Path config = PoolsSettings.defaults().config();

    @Option(names = {"-l", "--leases"}, paramLabel = "FILE", description = "path to the dhcpd.leases file")
    Path leases = PoolsSettings.defaults().leases();

    @Option(names = {"-f", "--format"}, paramLabel = "[thHcxXjJa]|prom|web", description = {"output format:",
        "t text, H full html page, x xml, X xml with active leases, j json, J json with active leases,",
        "c comma separated values, a alarms, prom Prometheus text format (node_exporter textfile),",
        "web a self-contained html page"})
    String format;

    @Option(names = {"-s", "--sort"}, paramLabel = "[nimcptTe]", description = {"sort ranges by",
        "n name, i IP, m maximum, c current, p percent, t touched, T t+c, e t+c perc"})
    List<String> sorts = new ArrayList<>();

    @Option(names = {"-r", "--reverse"}, description = "reverse order sort")
    boolean reverse;

    @Option(names = {"-o", "--output"}, paramLabel = "FILE", description = "output into a file")
    Path output;

    @Option(names = {"-L", "--limit"}, paramLabel = "NR", description = "output limit mask 77 - 00")
    String limit = "77";

    @Option(names = "--warning", paramLabel = "PERC", description = "set warning alarming limit")
    String warning;

    @Option(names = "--critical", paramLabel = "PERC", description = "set critical alarming limit")
    String critical;

    @Option(names = "--warn-count", paramLabel = "NR", description = "a number of free leases before warning raised")
    String warnCount;

    @Option(names = "--crit-count", paramLabel = "NR", description = "a number of free leases before critical raised")
    String critCount;

    @Option(names = "--minsize", paramLabel = "size", description = "disable alarms for small ranges and shared-nets")
    String minsize;

    @Option(names = "--snet-alarms", description = "suppress range alarms that are part of a shared-net")
    boolean snetAlarms;

    @Option(names = {"-p", "--perfdata"}, description = "print additional perfdata in alarming mode")
    boolean perfdata;

    @Option(names = {"-A", "--all-as-shared"}, description = "treat single subnets as shared-network with CIDR as their name")
    boolean allAsShared;

    @Option(names = "--ip-version", paramLabel = "4|6", description = "force analysis to use IPv4 (IPv6 is not supported)")
    String ipVersion;

    @Option(names = "--expiry-aware", description = "count an active lease whose end has passed as expired (fix (a))")
    boolean expiryAware;

    @Option(names = "--now", paramLabel = "TIME", description = {"the time for --expiry-aware (implies it): epoch seconds,",
        "'YYYY/MM/DD HH:MM:SS' UTC as in dhcpd.leases, or ISO-8601; default: the clock"})
    String now;

    @Option(names = "--bug-compat", description = "reproduce dhcpd-pools 2.29's output bugs (b), (d), (e), (f) byte for byte")
    boolean bugCompat;

    @Option(names = {"-v", "--version"}, versionHelp = true, description = "output version information and exit")
    boolean version;

    @Option(names = {"-h", "--help"}, usageHelp = true, description = "display this help and exit")
    boolean help;

    @Parameters(hidden = true, description = "ignored, as dhcpd-pools ignores them")
    List<String> ignored = new ArrayList<>();

    public static void main(String[] args) {
        System.exit(run(args, System.out, System.err, new SharedParsersInput()));
    }

    /** Runs one command line; answers the exit code. */
    public static int run(String[] args, OutputStream stdout, PrintStream stderr, PoolsInput input) {
        String fromLauncher = System.getenv(NAME_VARIABLE);
        return run(args, stdout, stderr, input, System.getProperty(NAME_PROPERTY,
                fromLauncher == null || fromLauncher.isBlank() ? "ironlease-pools" : fromLauncher));
    }

    /** As {@link #run(String[], OutputStream, PrintStream, PoolsInput)}, naming the program {@code name}. */
    public static int run(String[] args, OutputStream stdout, PrintStream stderr, PoolsInput input, String name) {
        PoolsMain options = new PoolsMain();
        CommandLine cli = new CommandLine(options).setCommandName(name).setOverwrittenOptionsAllowed(true)
                .setUnmatchedOptionsArePositionalParams(false);
        try {
            Timing.mark("main");
            cli.parseArgs(args);
            Timing.mark("options parsed");
            if (options.help) {
                PrintStream out = new PrintStream(stdout, true, java.nio.charset.StandardCharsets.UTF_8);
                cli.usage(out);
                return 0;
            }
            if (options.version) {
                stdout.write((name + " " + PoolsVersion.VERSION + "\ncompatible with dhcpd-pools 2.29\n")
                        .getBytes(java.nio.charset.StandardCharsets.UTF_8));
                stdout.flush();
                return 0;
            }
            return new PoolsApp(input).run(options.settings(name), stdout);
        } catch (CommandLine.ParameterException | UsageException e) {
            stderr.println(name + ": " + e.getMessage());
            stderr.println(name + ": Try " + name + " --help for more information.");
        } catch (InputException e) {
            stderr.println(name + ": " + e.getMessage());
        } catch (java.io.IOException e) {
            stderr.println(name + ": standard output: " + PoolsApp.reason(e));
        } catch (OutOfMemoryError e) {
            stderr.println(name + ": out of memory; give the JVM more with IRONLEASE_JAVA_OPTS=-Xmx...");
        } catch (RuntimeException e) {
            // a bug of ours: still a one-line message and UNKNOWN, never a stack trace on the console
            stderr.println(name + ": internal error: " + e);
        }
        return NagiosStatus.UNKNOWN.code();
    }

    /** The settings for this command line; throws {@link UsageException} for a bad value. */
    PoolsSettings settings(String name) {
        boolean alarming = warning != null || critical != null || warnCount != null || critCount != null;
        OutputFormat chosen;
        try {
            chosen = format != null ? OutputFormat.parse(format) : alarming ? OutputFormat.ALARM : OutputFormat.TEXT;
        } catch (IllegalArgumentException e) {
            throw new UsageException(e.getMessage());
        }
        List<SortKey> keys = new ArrayList<>();
        for (String letters : sorts) {
            try {
                keys.addAll(SortKey.parse(letters));
            } catch (IllegalArgumentException e) {
                throw new UsageException("field_selector: " + e.getMessage());
            }
        }
        OutputLimit mask;
        try {
            mask = OutputLimit.parse(limit);
        } catch (IllegalArgumentException e) {
            throw new UsageException("return_limit: " + e.getMessage());
        }
        AlarmThresholds defaults = AlarmThresholds.defaults();
        AlarmThresholds alarms = new AlarmThresholds(number(warning, defaults.warning()),
                number(critical, defaults.critical()), number(warnCount, defaults.warnCount()),
                number(critCount, defaults.critCount()), number(minsize, defaults.minsize()), snetAlarms, perfdata);
        boolean ipv4Forced = false;
        if (ipVersion != null) {
            switch (ipVersion.isEmpty() ? '\0' : ipVersion.charAt(0)) {
                case '4' -> ipv4Forced = true;
                case '6' -> throw new UsageException("--ip-version 6: IPv6 analysis is not supported (DHCPv4 only)");
                default -> throw new UsageException("unknown --ip-version argument: " + ipVersion);
            }
        }
        Instant at = now == null ? Instant.now() : TimeArgument.parse(now);
        return new PoolsSettings(config, leases, chosen, keys, reverse, output, mask, alarms, allAsShared,
                ipv4Forced, expiryAware || now != null, at, bugCompat, name);
    }

    private static double number(String text, double fallback) {
        return text == null ? fallback : StrictNumbers.strtod(text);
    }
}
