package io.ironlease.shell.cli;

import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The names of the integer states OMAPI sends: a lease's binding {@code state} and a failover peer's
 * {@code local-state} / {@code partner-state} (OMAPI-NOTES section 8), spelled as dhcpd.leases spells
 * them. Unknown codes are shown as {@code unknown-N}, never hidden.
 */
enum StateName {
    LEASE(Map.of(1, "free", 2, "active", 3, "expired", 4, "released", 5, "abandoned", 6, "reset", 7, "backup",
            8, "reserved", 9, "bootp")),
    FAILOVER(failoverNames());

    private final Map<Integer, String> names;

    StateName(Map<Integer, String> names) {
        this.names = new TreeMap<>(names);
    }

    private static Map<Integer, String> failoverNames() {
        Map<Integer, String> names = new TreeMap<>();
        String[] ordered = {"unknown-state", "startup", "normal", "communications-interrupted", "partner-down",
            "potential-conflict", "recover", "paused", "shutdown", "recover-done", "resolution-interrupted",
            "conflict-done"};
        for (int code = 0; code < ordered.length; code++) {
            names.put(code, ordered[code]);
        }
        names.put(254, "recover-wait");
        return names;
    }

    /** The name of a code. */
    String name(int code) {
        return names.getOrDefault(code, "unknown-" + Integer.toUnsignedString(code));
    }

    /** The code of a name (any case) or of a decimal code. */
    Optional<Integer> code(String text) {
        String wanted = text.strip().toLowerCase(Locale.ROOT);
        if (wanted.matches("\\d{1,3}")) {
            return Optional.of(Integer.parseInt(wanted));
        }
        return names.entrySet().stream().filter(entry -> entry.getValue().equals(wanted)).map(Map.Entry::getKey)
                .findFirst();
    }

    /** All names, for messages. */
    String known() {
        return String.join(", ", names.values());
    }
}
