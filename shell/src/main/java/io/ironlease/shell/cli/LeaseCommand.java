package io.ironlease.shell.cli;

import io.ironlease.omapi.client.OmapiClient;
import io.ironlease.omapi.client.OmapiObject;
import io.ironlease.omapi.wire.OmapiException;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code ironlease-shell lease --ip A | --mac M | --uid U [--json]}: one lease, as dhcpd knows it. */
@Command(name = "lease", mixinStandardHelpOptions = true,
        description = "Show one lease, looked up by address, hardware address or client identifier.")
final class LeaseCommand implements Callable<Integer> {

    @Mixin
    ServerOptions server;

    @ArgGroup(exclusive = true, multiplicity = "1")
    Lookup lookup;

    @Option(names = "--json", description = "Print JSON (see the README for the fields).")
    boolean json;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        try (OmapiClient client = server.connect()) {
            OmapiObject lease = client.open("lease", lookup.values());
            Map<String, Object> view = Views.lease(lease.values());
            spec.commandLine().getOut().print(json ? Json.write(view) : Views.text("lease " + view.get("ip-address"), view));
            spec.commandLine().getOut().flush();
            return ExitCodes.OK;
        } catch (OmapiException e) {
            throw Failures.request("lease " + lookup.describe(), e);
        }
    }
}
