package io.ironlease.server;

import io.ironlease.server.cli.ConfigCheck;
import io.ironlease.server.cli.LeaseFileCheck;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code ironlease-server}: the DHCPv4 server, with dhcpd's command line ({@code -cf}, {@code -lf},
 * {@code -pf}, {@code -p}, {@code -f}, {@code -d}, {@code -q}, {@code -t}, {@code -T}, interfaces).
 * Without {@code -t}/{@code -T} it serves, in the foreground ({@code -f} is implied: a JVM does not
 * fork; run it under systemd or with {@code &}), until SIGTERM.
 */
@Command(name = "ironlease-server", mixinStandardHelpOptions = true, version = "ironlease-server 0.1.0",
        sortOptions = false, usageHelpAutoWidth = true,
        description = "DHCPv4 server compatible with ISC dhcpd: same dhcpd.conf, dhcpd.leases and flags.",
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:configuration OK (-t), lease file OK (-T), or a clean shutdown after SIGTERM",
            "1:configuration or lease file errors, one per line on stderr", "2:usage error",
            "3:the server could not start (sockets, lease file)"})
public final class ServerMain implements Callable<Integer> {

    /** Exit code: the configuration has errors. */
    public static final int EXIT_CONFIG_ERRORS = 1;
    /** Exit code: bad usage. */
    public static final int EXIT_USAGE = 2;
    /** Exit code: the server could not start. */
    public static final int EXIT_START_FAILED = 3;

    @Option(names = "-cf", paramLabel = "FILE", description = "configuration file (default: ${DEFAULT-VALUE})")
    Path configFile = Path.of("/etc/dhcp/dhcpd.conf");

    @Option(names = "-lf", paramLabel = "FILE", description = "lease file (default: ${DEFAULT-VALUE})")
    Path leaseFile = Path.of("/var/lib/dhcp/dhcpd.leases");

    @Option(names = "-pf", paramLabel = "FILE", description = "PID file (default: ${DEFAULT-VALUE})")
    Path pidFile = Path.of("/var/run/dhcpd.pid");

    @Option(names = "-p", paramLabel = "PORT", description = "UDP port to listen on (default: ${DEFAULT-VALUE})")
    int port = 67;

    @Option(names = "-f", description = "run in the foreground")
    boolean foreground;

    @Option(names = "-d", description = "log to stderr (implies -f)")
    boolean debug;

    @Option(names = "-q", description = "quiet: no banner, no summary")
    boolean quiet;

    @Option(names = "-t", description = "check the configuration file and exit, like dhcpd -t")
    boolean testConfig;

    @Option(names = "-T", description = "check the lease file and exit, like dhcpd -T")
    boolean testLeases;

    @Option(names = "-4", description = "DHCPv4 (the only protocol this server speaks)")
    boolean ipv4 = true;

    @Option(names = "--listen", paramLabel = "ADDRESS",
            description = "bind the server socket to this address only (relay mode, e.g. 127.0.0.1 for a loopback "
                    + "demo or tests); no interface sockets unless interfaces are named")
    String listen;

    @Option(names = "--engine-thread",
            description = "run the lease engine on a thread of its own rather than on the DHCP sockets' event loop")
    boolean engineThread;

    /** OMAPI flags: --omapi-port, --omapi-listen, --omapi-key, --omapi-all-keys, --no-omapi. */
    @CommandLine.Mixin
    io.ironlease.server.omapi.OmapiOptions omapi = new io.ironlease.server.omapi.OmapiOptions();

    @Option(names = "--no-warmup", description = "open the sockets at once, without the JIT warm-up (same as "
            + "--warmup-seconds 0)")
    boolean noWarmup;

    @Option(names = "--warmup-seconds", paramLabel = "SECONDS", defaultValue = "5",
            description = "before opening the sockets, serve synthetic clients through a scratch server on loopback "
                    + "until the JIT compiler has settled, for at most this long (default: ${DEFAULT-VALUE}; 0: none)")
    void warmupSeconds(int seconds) {
        if (seconds < 0 || seconds > 120) {
            throw new CommandLine.ParameterException(spec.commandLine(),
                    "--warmup-seconds must be between 0 and 120, not " + seconds);
        }
        warmupSeconds = seconds;
    }

    int warmupSeconds = 5;

    @Parameters(paramLabel = "IFACE", arity = "0..*", description = "interfaces to serve (default: all)")
    List<String> interfaces = new ArrayList<>();

    @Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        if (testConfig) {
            return new ConfigCheck(out, err, quiet).run(configFile);
        }
        if (testLeases) {
            return new LeaseFileCheck(out, err, quiet).run(leaseFile);
        }
        return new Serve(this, out, err).run();
    }

    /** The command line with dhcpd's conventions: multi-letter options after one dash, no clustering. */
    public static CommandLine commandLine() {
        CommandLine commandLine = new CommandLine(new ServerMain());
        commandLine.setPosixClusteredShortOptionsAllowed(false);
        return commandLine;
    }

    public static void main(String[] args) {
        System.exit(commandLine().execute(args));
    }
}
