package io.ironlease.server.probe;

import io.ironlease.server.dhcp.DhcpOption;
import io.ironlease.server.dhcp.OptionCodes;
import io.ironlease.shared.net.HardwareAddress;
import io.ironlease.shared.net.Ipv4Address;
import io.ironlease.shared.options.OptionDecodeException;
import io.ironlease.shared.options.OptionDefinition;
import io.ironlease.shared.options.OptionRegistry;
import io.ironlease.shared.options.OptionValue;
import java.io.IOException;
import java.io.PrintWriter;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code ironlease-probe}: asks DHCP servers for leases as a relay agent would and prints what they
 * granted, like dhcping. For checking a server (or a failover pair) from a script, and for the demo.
 */
@Command(name = "ironlease-probe", mixinStandardHelpOptions = true, version = "ironlease-probe 0.1.0",
        sortOptions = false,
        description = {"Get leases from DHCP servers the way a relay agent does (DISCOVER, OFFER, REQUEST, ACK) "
                + "and print them.", "The request goes to every --server, as a relay with several helper addresses "
                + "sends it; replies come back to --relay at --port, so no broadcast and no root are needed "
                + "on loopback."},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:every client got a lease", "1:some client got no lease (timeout or DHCPNAK)",
            "2:usage error", "3:the relay address could not be bound"})
public final class DhcpProbeMain implements Callable<Integer> {

    /** Options already shown in the summary line, or only about the exchange itself. */
    private static final Set<Integer> NOT_LISTED = Set.of(OptionCodes.MESSAGE_TYPE, OptionCodes.SERVER_IDENTIFIER,
            OptionCodes.LEASE_TIME, OptionCodes.CLIENT_IDENTIFIER, OptionCodes.RELAY_AGENT_INFORMATION);

    @Option(names = {"-s", "--server"}, required = true, split = ",", paramLabel = "ADDR",
            description = "server address(es) to send to")
    List<String> servers = new ArrayList<>();

    @Option(names = {"-p", "--port"}, defaultValue = "67", paramLabel = "PORT",
            description = "the servers' DHCP port, also where they answer relays (default: ${DEFAULT-VALUE})")
    int port;

    @Option(names = {"-r", "--relay"}, defaultValue = "127.0.0.1", paramLabel = "ADDR",
            description = "relay address (giaddr), a local address in the servers' configured networks "
                    + "(default: ${DEFAULT-VALUE})")
    String relay;

    @Option(names = {"-m", "--mac"}, paramLabel = "MAC", description = "client hardware address (default: random 02:...)")
    String mac;

    @Option(names = {"-n", "--count"}, defaultValue = "1", paramLabel = "N",
            description = "clients, with consecutive hardware addresses (default: ${DEFAULT-VALUE})")
    int count;

    @Option(names = "--release", description = "release each lease after it is granted")
    boolean release;

    @Option(names = {"-t", "--timeout"}, defaultValue = "2", paramLabel = "SECONDS",
            description = "wait per attempt; 3 attempts (default: ${DEFAULT-VALUE})")
    int timeoutSeconds;

    @Spec
    CommandLine.Model.CommandSpec spec;

    public static void main(String[] args) {
        System.exit(commandLine().execute(args));
    }

    public static CommandLine commandLine() {
        return new CommandLine(new DhcpProbeMain());
    }

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        List<Ipv4Address> targets = servers.stream().map(this::address).toList();
        Ipv4Address relayAddress = address(relay);
        if (count < 1 || count > 10_000 || timeoutSeconds < 1 || port < 1 || port > 65535) {
            throw new CommandLine.ParameterException(spec.commandLine(),
                    "--count must be 1-10000, --timeout at least 1, --port 1-65535");
        }
        HardwareAddress first = mac == null ? DhcpProbe.randomClient() : hardware(mac);
        int failures = 0;
        try (DhcpProbe probe = DhcpProbe.open(targets, port, relayAddress, Duration.ofSeconds(timeoutSeconds), 3)) {
            for (int i = 0; i < count; i++) {
                HardwareAddress client = next(first, i);
                try {
                    DhcpProbe.Grant grant = probe.lease(client);
                    out.println(describe(grant));
                    if (release) {
                        probe.release(grant);
                        out.println("  released");
                    }
                } catch (DhcpProbe.ProbeException e) {
                    failures++;
                    err.println(client + ": " + e.getMessage());
                }
                out.flush();
            }
        } catch (IOException e) {
            err.println("ironlease-probe: " + e.getMessage());
            return 3;
        }
        err.flush();
        return failures == 0 ? 0 : 1;
    }

    static String describe(DhcpProbe.Grant grant) {
        StringBuilder line = new StringBuilder();
        line.append(grant.client()).append(": ").append(grant.address()).append(" for ").append(grant.leaseSeconds())
                .append(" s from ").append(grant.answeredFrom().getAddress().getHostAddress())
                .append(" (server-identifier ").append(grant.serverIdentifier()).append(')');
        OptionRegistry registry = OptionRegistry.standard();
        for (DhcpOption option : grant.options().asList()) {
            if (NOT_LISTED.contains(option.code())) {
                continue;
            }
            OptionDefinition definition = registry.byCodeOrUnknown("dhcp", option.code());
            String value;
            try {
                value = OptionValue.decode(definition.type(), option.value()).toIscText();
            } catch (OptionDecodeException e) {
                value = HardwareAddress.toColonHex(option.value());
            }
            line.append("\n  option ").append(definition.name()).append(' ').append(value).append(';');
        }
        return line.toString();
    }

    private static HardwareAddress next(HardwareAddress first, int offset) {
        byte[] bytes = first.bytes();
        long value = 0;
        for (int i = Math.max(0, bytes.length - 4); i < bytes.length; i++) {
            value = (value << 8) | (bytes[i] & 0xff);
        }
        value += offset;
        for (int i = bytes.length - 1; i >= Math.max(0, bytes.length - 4); i--) {
            bytes[i] = (byte) value;
            value >>>= 8;
        }
        return HardwareAddress.of(first.type(), bytes);
    }

    private Ipv4Address address(String text) {
        Ipv4Address address = Ipv4Address.tryParse(text);
        if (address == null) {
            throw new CommandLine.ParameterException(spec.commandLine(), "not an IPv4 address: \"" + text + "\"");
        }
        return address;
    }

    private HardwareAddress hardware(String text) {
        try {
            return HardwareAddress.parseEthernet(text);
        } catch (IllegalArgumentException e) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--mac: " + e.getMessage());
        }
    }
}
