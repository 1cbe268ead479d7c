package io.ironlease.shell.cli;

import io.ironlease.omapi.client.OmapiClient;
import io.ironlease.omapi.ext.LeaseQuery;
import io.ironlease.omapi.ext.LeaseQueryClient;
import io.ironlease.omapi.wire.OmapiException;
import io.ironlease.omapi.wire.OmapiValues;
import io.ironlease.shared.net.HardwareAddress;
import io.ironlease.shared.net.Ipv4Address;
import io.ironlease.shared.net.Subnet;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/**
 * {@code ironlease-shell leases}: lists and searches leases through ironlease's listing extension
 * ({@link LeaseQuery}), page by page. OMAPI itself cannot enumerate leases; ISC dhcpd does not know the
 * extension and gets exit code 6 with a clear message.
 */
@Command(name = "leases", mixinStandardHelpOptions = true,
        description = "List leases matching filters (ironlease servers only: an OMAPI extension).")
final class LeasesCommand implements Callable<Integer> {

    @Mixin
    ServerOptions server;

    @Option(names = "--mac-prefix", paramLabel = "HEX", description = "Hardware address prefix, e.g. 00:11 or 52:54:00.")
    String macPrefix;

    @Option(names = "--state", paramLabel = "STATE", description = "Binding state: free, active, expired, released, "
            + "abandoned, reset, backup, reserved, bootp (or its code).")
    String state;

    @Option(names = "--subnet", paramLabel = "CIDR", description = "Only addresses in this subnet, e.g. 192.168.100.0/24.")
    String subnet;

    @Option(names = "--ip-from", paramLabel = "ADDRESS", description = "Only addresses at or above this one.")
    String ipFrom;

    @Option(names = "--ip-to", paramLabel = "ADDRESS", description = "Only addresses at or below this one.")
    String ipTo;

    @Option(names = "--limit", paramLabel = "N", description = "At most N leases (default: all).")
    Integer limit;

    @Option(names = "--page-size", paramLabel = "N", defaultValue = "500",
            description = "Leases asked for per request, 1-1000 (default: ${DEFAULT-VALUE}).")
    int pageSize;

    @Option(names = "--json", description = "Print JSON (see the README for the fields).")
    boolean json;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        LeaseQuery query = query();
        int max = limit == null ? Integer.MAX_VALUE : limit;
        LeaseQueryClient.Listing listing;
        try (OmapiClient client = server.connect()) {
            listing = LeaseQueryClient.list(client, query, max);
        } catch (OmapiException e) {
            if (LeaseQueryClient.isUnsupported(e)) {
                throw new CommandFailure(ExitCodes.NOT_SUPPORTED, server.where()
                        + ": this server does not support lease listing (ISC dhcpd?); look leases up one by one "
                        + "with 'ironlease-shell lease'");
            }
            throw Failures.request("lease listing", e);
        }
        PrintWriter out = spec.commandLine().getOut();
        out.print(json ? json(listing.leases(), listing.complete()) : table(listing.leases(), listing.complete()));
        out.flush();
        return ExitCodes.OK;
    }

    private LeaseQuery query() {
        if (pageSize < 1 || pageSize > LeaseQuery.MAX_LIMIT) {
            throw ServerOptions.usage("--page-size must be 1-" + LeaseQuery.MAX_LIMIT);
        }
        if (limit != null && limit < 1) {
            throw ServerOptions.usage("--limit must be at least 1");
        }
        try {
            LeaseQuery query = LeaseQuery.all().withLimit(pageSize);
            if (macPrefix != null) {
                String hex = macPrefix.endsWith(":") ? macPrefix.substring(0, macPrefix.length() - 1) : macPrefix;
                query = query.withMacPrefix(HardwareAddress.parseColonHex(hex));
            }
            if (state != null) {
                int code = StateName.LEASE.code(state).orElseThrow(() -> new IllegalArgumentException(
                        "unknown --state \"" + state + "\"; expected one of: " + StateName.LEASE.known()));
                query = query.withState(code);
            }
            if (subnet != null) {
                query = query.withSubnet(Subnet.parse(subnet));
            }
            if (ipFrom != null || ipTo != null) {
                query = query.withRange(ipFrom == null ? null : Ipv4Address.parse(ipFrom),
                        ipTo == null ? null : Ipv4Address.parse(ipTo));
            }
            return query;
        } catch (IllegalArgumentException e) {
            throw ServerOptions.usage(e.getMessage());
        }
    }

    private static String json(List<OmapiValues> leases, boolean complete) {
        List<Object> list = new ArrayList<>();
        leases.forEach(lease -> list.add(Views.lease(lease)));
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("count", leases.size());
        json.put("complete", complete);
        json.put("leases", list);
        return Json.write(json);
    }

    private static String table(List<OmapiValues> leases, boolean complete) {
        StringBuilder out = new StringBuilder();
        String format = "%-15s  %-9s  %-17s  %-20s  %s%n";
        out.append(String.format(format, "IP-ADDRESS", "STATE", "HARDWARE-ADDRESS", "ENDS", "CLIENT-HOSTNAME"));
        for (OmapiValues lease : leases) {
            Map<String, Object> view = Views.lease(lease);
            Object state = view.get("state") instanceof Map<?, ?> named ? named.get("name") : "-";
            out.append(String.format(format, dash(view.get("ip-address")), state, dash(view.get("hardware-address")),
                    dash(view.get("ends")), dash(view.get("client-hostname"))));
        }
        out.append(leases.size()).append(leases.size() == 1 ? " lease" : " leases")
                .append(complete ? "" : " (more match: raise --limit)").append('\n');
        return out.toString();
    }

    private static Object dash(Object value) {
        return value == null ? "-" : value;
    }
}
