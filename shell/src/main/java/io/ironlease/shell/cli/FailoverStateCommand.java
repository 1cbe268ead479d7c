package io.ironlease.shell.cli;

import io.ironlease.omapi.client.OmapiClient;
import io.ironlease.omapi.wire.OmapiException;
import io.ironlease.omapi.wire.OmapiValues;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/**
 * {@code ironlease-shell failover-state}: a failover peer's state as the server reports it, for
 * people (states by name, timers in seconds) and for monitoring ({@code --json}, and {@code --expect}
 * to exit non-zero unless the local state is the expected one). OMAPI finds a peer only by its name;
 * without {@code --name} the only peer declared in the server's dhcpd.conf is used.
 */
@Command(name = "failover-state", mixinStandardHelpOptions = true,
        description = "Show a failover peer's state (local and partner state, mclt, split, ...).")
final class FailoverStateCommand implements Callable<Integer> {

    private static final Pattern PEER = Pattern.compile("failover\\s+peer\\s+(?:\"([^\"]*)\"|([^\\s{;\"]+))\\s*\\{");

    @Mixin
    ServerOptions server;

    @Option(names = "--name", paramLabel = "PEER", description = "The failover peer's name (failover peer \"NAME\" in dhcpd.conf).")
    String name;

    @Option(names = "--config", paramLabel = "FILE", defaultValue = "/etc/dhcp/dhcpd.conf",
            description = "Without --name: take the only peer declared in this dhcpd.conf (default: ${DEFAULT-VALUE}).")
    Path config;

    @Option(names = "--expect", paramLabel = "STATE", split = ",",
            description = "Exit with code 7 unless the local state is one of these (e.g. normal).")
    List<String> expect = new ArrayList<>();

    @Option(names = "--json", description = "Print JSON (see the README for the fields).")
    boolean json;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        Set<Integer> wanted = new LinkedHashSet<>();
        for (String state : expect) {
            wanted.add(StateName.FAILOVER.code(state).orElseThrow(() -> ServerOptions.usage("unknown --expect state \""
                    + state + "\"; expected one of: " + StateName.FAILOVER.known())));
        }
        String peer = name != null ? name : peerFromConfig();
        Map<String, Object> view;
        try (OmapiClient client = server.connect()) {
            view = Views.failover(client.open("failover-state", OmapiValues.builder().putString("name", peer).build()).values());
        } catch (OmapiException e) {
            throw Failures.request("failover peer \"" + peer + "\"", e);
        }
        PrintWriter out = spec.commandLine().getOut();
        out.print(json ? Json.write(view) : Views.text("failover peer \"" + peer + "\"", view));
        out.flush();
        Object local = view.get("local-state");
        if (!wanted.isEmpty() && !(local instanceof Map<?, ?> state && wanted.contains(((Long) state.get("code")).intValue()))) {
            spec.commandLine().getErr().println("ironlease-shell: failover peer \"" + peer + "\": local state is "
                    + (local instanceof Map<?, ?> state ? state.get("name") : "unknown") + ", expected " + String.join(" or ", expect));
            spec.commandLine().getErr().flush();
            return ExitCodes.UNEXPECTED_STATE;
        }
        return ExitCodes.OK;
    }

    private String peerFromConfig() {
        String text;
        try {
            text = Files.readString(config, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw ServerOptions.usage("name the failover peer with --name (cannot read " + config + " to find it: "
                    + e.getMessage() + ")");
        }
        List<String> peers = peers(text);
        if (peers.size() != 1) {
            throw ServerOptions.usage("name the failover peer with --name (" + config + " declares "
                    + (peers.isEmpty() ? "none" : String.join(", ", peers)) + ")");
        }
        return peers.get(0);
    }

    /** The peers a dhcpd.conf declares ({@code failover peer "NAME" { ... }}; references in pools end with ';'). */
    static List<String> peers(String config) {
        StringBuilder code = new StringBuilder();
        for (String line : config.split("\n", -1)) {
            int hash = line.indexOf('#');
            code.append(hash >= 0 ? line.substring(0, hash) : line).append('\n');
        }
        Set<String> names = new LinkedHashSet<>();
        Matcher matcher = PEER.matcher(code);
        while (matcher.find()) {
            names.add(matcher.group(1) != null ? matcher.group(1) : matcher.group(2));
        }
        return List.copyOf(names);
    }
}
