package io.ironlease.server.failover.engine;

import io.ironlease.server.ServerProcess;
import io.ironlease.server.testclient.RelayTestClient;
import io.ironlease.shared.leases.FailoverState;
import io.ironlease.shared.leases.FailoverStateRecord;
import io.ironlease.shared.net.Ipv4Address;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Our failover pair as two separate {@code ironlease-server} JVMs ({@link ServerProcess}, this test
 * run's class path, production logging): each can be killed with SIGKILL, frozen with SIGSTOP and
 * restarted on its lease file, always by its own PID. Test-only.
 */
final class PairProcesses implements AutoCloseable {

    private static final Pattern STATE_CHANGE = Pattern.compile(
            "FAILOVER_STATE_CHANGE peer=\\S+ from=(\\S+) to=(\\S+) reason=(.*)");

    final PairConfig config;
    final Path dir;
    final Path primaryLeases;
    final Path secondaryLeases;
    ServerProcess primary;
    ServerProcess secondary;
    int dhcpPort;
    private int primaryRuns;
    private int secondaryRuns;

    PairProcesses(PairConfig config, Path dir) throws IOException {
        this.config = config;
        this.dir = dir;
        this.primaryLeases = dir.resolve("primary.leases");
        this.secondaryLeases = dir.resolve("secondary.leases");
        Files.writeString(dir.resolve("primary.conf"), config.text(true));
        Files.writeString(dir.resolve("secondary.conf"), config.text(false));
    }

    PairProcesses start() throws Exception {
        startPrimary();
        startSecondary();
        return this;
    }

    void startPrimary() throws Exception {
        primary = start(true, ++primaryRuns);
        dhcpPort = primary.port();
    }

    void startSecondary() throws Exception {
        secondary = start(false, ++secondaryRuns);
        dhcpPort = secondary.port();
    }

    private ServerProcess start(boolean isPrimary, int run) throws Exception {
        String role = isPrimary ? "primary" : "secondary";
        List<String> args = List.of("-f", "-cf", dir.resolve(role + ".conf").toString(), "-lf",
                (isPrimary ? primaryLeases : secondaryLeases).toString(), "-pf", dir.resolve(role + ".pid").toString(),
                "-p", Integer.toString(dhcpPort), "--listen", isPrimary ? PairConfig.PRIMARY : PairConfig.SECONDARY);
        return ServerProcess.start(null, log(isPrimary, run), List.of(ServerProcess.PRODUCTION_LOGGING), args);
    }

    Path log(boolean isPrimary, int run) {
        return dir.resolve((isPrimary ? "primary" : "secondary") + "-" + run + ".log");
    }

    Path currentLog(boolean isPrimary) {
        return log(isPrimary, isPrimary ? primaryRuns : secondaryRuns);
    }

    /** The state changes a server's current run logged, in order: "from to reason". */
    List<String[]> stateChanges(boolean isPrimary) throws IOException {
        List<String[]> changes = new ArrayList<>();
        Path log = currentLog(isPrimary);
        if (!Files.exists(log)) {
            return changes;
        }
        Matcher m = STATE_CHANGE.matcher(Files.readString(log));
        while (m.find()) {
            changes.add(new String[] {m.group(1), m.group(2), m.group(3)});
        }
        return changes;
    }

    /** The server's state as its lease file last recorded it (mine, partner's). */
    Optional<FailoverStateRecord> recorded(boolean isPrimary) throws Exception {
        return PairConfig.read(isPrimary ? primaryLeases : secondaryLeases).failoverState(PairConfig.PEER);
    }

    boolean recordedAs(boolean isPrimary, FailoverState mine, FailoverState partner) throws Exception {
        Optional<FailoverStateRecord> r = recorded(isPrimary);
        return r.isPresent() && r.get().myState() == mine && r.get().partnerState() == partner;
    }

    boolean bothNormal() throws Exception {
        return recordedAs(true, FailoverState.NORMAL, FailoverState.NORMAL)
                && recordedAs(false, FailoverState.NORMAL, FailoverState.NORMAL);
    }

    /** A relay at 127.0.0.2 sending every message to both servers. */
    RelayTestClient relay(Duration timeout, int attempts) throws IOException {
        InetSocketAddress p = PairConfig.dhcp(PairConfig.PRIMARY, dhcpPort);
        InetSocketAddress s = PairConfig.dhcp(PairConfig.SECONDARY, dhcpPort);
        return RelayTestClient.open(new RelayTestClient.Config(p, Ipv4Address.parse(PairConfig.RELAY).toInetAddress(),
                dhcpPort, timeout, attempts, false, List.of(s)));
    }

    /** SIGSTOP or SIGCONT to a server, by its PID: it stops answering but keeps its sockets open. */
    static void signal(ServerProcess server, String signal) throws Exception {
        Process kill = new ProcessBuilder("kill", "-" + signal, Long.toString(server.pid())).inheritIO().start();
        if (!kill.waitFor(10, TimeUnit.SECONDS) || kill.exitValue() != 0) {
            throw new IOException("kill -" + signal + " " + server.pid() + " failed");
        }
    }

    @Override
    public void close() throws Exception {
        for (ServerProcess p : new ServerProcess[] {primary, secondary}) {
            if (p != null && p.alive()) {
                try {
                    signal(p, "CONT");
                } catch (IOException | RuntimeException ignored) {
                    // already gone
                }
                p.close();
            }
        }
    }
}
