package io.ironlease.shell.repl;

import java.util.List;
import java.util.Map;

/**
 * The object types dhcpd serves over OMAPI and their attribute names (OMAPI-NOTES section 8), for
 * tab completion after {@code new}, {@code set} and {@code unset}.
 */
final class ObjectAttributes {

    static final Map<String, List<String>> BY_TYPE = Map.of(
            "lease", List.of("ip-address", "state", "dhcp-client-identifier", "client-hostname", "subnet", "pool",
                    "hardware-address", "hardware-type", "ends", "starts", "tstp", "tsfp", "atsfp", "cltt", "flags"),
            "host", List.of("name", "hardware-address", "hardware-type", "ip-address", "dhcp-client-identifier",
                    "statements", "group", "known"),
            "group", List.of("name", "statements"),
            "control", List.of("state"),
            "failover-state", List.of("name", "partner-address", "partner-port", "local-address", "local-port",
                    "max-outstanding-updates", "mclt", "load-balance-max-secs", "load-balance-hba", "partner-state",
                    "local-state", "partner-stos", "local-stos", "hierarchy", "last-packet-sent",
                    "last-timestamp-received", "skew", "max-response-delay", "cur-unacked-updates"));

    /** In the order omshell's help lists them, then key-algorithm and help. */
    static final List<String> COMMANDS = List.of("port", "server", "key", "connect", "disconnect", "new", "set", "create",
            "open", "update", "unset", "refresh", "remove", "close", "key-algorithm", "help");

    static final List<String> TYPES = List.of("lease", "host", "group", "control", "failover-state");

    static final List<String> ALGORITHMS = List.of("hmac-md5", "hmac-sha256", "hmac-sha512");

    private ObjectAttributes() {
    }
}
