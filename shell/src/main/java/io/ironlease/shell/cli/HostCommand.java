package io.ironlease.shell.cli;

import io.ironlease.omapi.client.OmapiClient;
import io.ironlease.omapi.client.OmapiObject;
import io.ironlease.omapi.wire.OmapiException;
import io.ironlease.omapi.wire.OmapiValues;
import java.io.PrintWriter;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/**
 * {@code ironlease-shell host show|add|remove}: host reservations over OMAPI, as omshell's
 * {@code new host} with {@code open}, {@code create} or {@code remove}. dhcpd writes created and
 * removed hosts to its lease file, so they survive a restart.
 */
@Command(name = "host", mixinStandardHelpOptions = true, description = "Show, add or remove a host reservation.",
        subcommands = {HostCommand.Show.class, HostCommand.Add.class, HostCommand.Remove.class})
final class HostCommand implements Callable<Integer> {

    @Option(names = "--json", scope = picocli.CommandLine.ScopeType.INHERIT, description = "Print JSON.")
    boolean json;

    @Spec
    CommandSpec spec;

    /** The lookup keys a host can be found by (dhcpd does not find hosts by ip-address). */
    static final class Key {
        @Option(names = "--name", paramLabel = "NAME", description = "Host name.")
        String name;

        @Option(names = "--mac", paramLabel = "MAC", description = "Ethernet hardware address.")
        String mac;

        @Option(names = "--uid", paramLabel = "HEX", description = "dhcp-client-identifier, colon-separated hex.")
        String uid;

        OmapiValues values() {
            return Lookup.values(name, null, mac, uid);
        }

        String describe() {
            return name != null ? "host " + name : mac != null ? "host with mac " + mac : "host with uid " + uid;
        }
    }

    @Override
    public Integer call() {
        throw new picocli.CommandLine.ParameterException(spec.commandLine(), "Missing subcommand: show, add or remove");
    }

    void print(CommandSpec command, OmapiValues host) {
        Map<String, Object> view = Views.host(host);
        PrintWriter out = command.commandLine().getOut();
        out.print(json ? Json.write(view) : Views.text("host " + view.get("name"), view));
        out.flush();
    }

    @Command(name = "show", mixinStandardHelpOptions = true, description = "Show a host found by name, MAC or uid.")
    static final class Show implements Callable<Integer> {
        @ParentCommand
        HostCommand parent;

        @Mixin
        ServerOptions server;

        @ArgGroup(exclusive = true, multiplicity = "1")
        Key key;

        @Spec
        CommandSpec spec;

        @Override
        public Integer call() {
            try (OmapiClient client = server.connect()) {
                parent.print(spec, client.open("host", key.values()).values());
                return ExitCodes.OK;
            } catch (OmapiException e) {
                throw Failures.request(key.describe(), e);
            }
        }
    }

    @Command(name = "add", mixinStandardHelpOptions = true,
            description = "Create a host (fails with exit code 1 if it already exists).")
    static final class Add implements Callable<Integer> {
        @ParentCommand
        HostCommand parent;

        @Mixin
        ServerOptions server;

        @Option(names = "--name", required = true, paramLabel = "NAME", description = "Host name.")
        String name;

        @Option(names = "--mac", paramLabel = "MAC", description = "Ethernet hardware address.")
        String mac;

        @Option(names = "--uid", paramLabel = "HEX", description = "dhcp-client-identifier, colon-separated hex.")
        String uid;

        @Option(names = "--ip", paramLabel = "ADDRESS", description = "Fixed address.")
        String ip;

        @Option(names = "--statements", paramLabel = "TEXT", description = "dhcpd.conf statements, e.g. 'option host-name \"pc1\";'.")
        String statements;

        @Option(names = "--group", paramLabel = "GROUP", description = "Group the host belongs to.")
        String group;

        @Spec
        CommandSpec spec;

        @Override
        public Integer call() {
            if (mac == null && uid == null) {
                throw ServerOptions.usage("host add needs --mac or --uid (how dhcpd recognizes the client)");
            }
            OmapiValues.Builder values = Lookup.values(name, null, mac, uid).toBuilder();
            if (ip != null) {
                values.appendAll(Lookup.values(null, ip, null, null));
            }
            if (statements != null) {
                values.putString("statements", statements);
            }
            if (group != null) {
                values.putString("group", group);
            }
            try (OmapiClient client = server.connect()) {
                OmapiObject host = client.create("host", values.build());
                parent.print(spec, host.values());
                return ExitCodes.OK;
            } catch (OmapiException e) {
                throw Failures.request("host " + name, e);
            }
        }
    }

    @Command(name = "remove", mixinStandardHelpOptions = true, description = "Remove a host found by name, MAC or uid.")
    static final class Remove implements Callable<Integer> {
        @Mixin
        ServerOptions server;

        @ArgGroup(exclusive = true, multiplicity = "1")
        Key key;

        @Spec
        CommandSpec spec;

        @Override
        public Integer call() {
            try (OmapiClient client = server.connect()) {
                OmapiObject host = client.open("host", key.values());
                client.delete(host.handle());
                spec.commandLine().getOut().println("removed " + key.describe());
                spec.commandLine().getOut().flush();
                return ExitCodes.OK;
            } catch (OmapiException e) {
                throw Failures.request(key.describe(), e);
            }
        }
    }
}
