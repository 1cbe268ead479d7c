package io.ironlease.shared.config;

import io.ironlease.shared.config.model.ScopeKind;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/** Which declaration keywords each scope accepts, for dispatch checks and "expected one of" lists. */
final class Keywords {

    private static final Set<ScopeKind> ANY = EnumSet.allOf(ScopeKind.class);
    private static final Set<ScopeKind> TOP = EnumSet.of(ScopeKind.GLOBAL, ScopeKind.GROUP);
    private static final Set<ScopeKind> NETWORKS = EnumSet.of(ScopeKind.GLOBAL, ScopeKind.GROUP,
            ScopeKind.SHARED_NETWORK, ScopeKind.SUBNET);

    /** Keyword to the scopes it may appear in; parameters (default-lease-time, ...) are allowed anywhere. */
    static final Map<String, Set<ScopeKind>> SCOPES = Map.ofEntries(
            Map.entry("include", ANY),
            Map.entry("shared-network", TOP),
            Map.entry("subnet", EnumSet.of(ScopeKind.GLOBAL, ScopeKind.GROUP, ScopeKind.SHARED_NETWORK)),
            Map.entry("pool", EnumSet.of(ScopeKind.SHARED_NETWORK, ScopeKind.SUBNET)),
            Map.entry("range", EnumSet.of(ScopeKind.SUBNET, ScopeKind.POOL)),
            Map.entry("host", NETWORKS),
            Map.entry("group", EnumSet.of(ScopeKind.GLOBAL, ScopeKind.GROUP, ScopeKind.SHARED_NETWORK,
                    ScopeKind.SUBNET, ScopeKind.HOST)),
            Map.entry("class", TOP),
            Map.entry("vendor-class", TOP),
            Map.entry("user-class", TOP),
            Map.entry("subclass", TOP),
            Map.entry("key", TOP),
            Map.entry("zone", TOP),
            Map.entry("failover", EnumSet.of(ScopeKind.GLOBAL, ScopeKind.SHARED_NETWORK, ScopeKind.POOL)),
            Map.entry("option", ANY),
            Map.entry("supersede", ANY),
            Map.entry("default", ANY),
            Map.entry("prepend", ANY),
            Map.entry("append", ANY),
            Map.entry("authoritative", ANY),
            Map.entry("not", ANY),
            Map.entry("allow", ANY),
            Map.entry("deny", ANY),
            Map.entry("ignore", EnumSet.complementOf(EnumSet.of(ScopeKind.POOL))),
            Map.entry("server-identifier", ANY),
            Map.entry("hardware", EnumSet.of(ScopeKind.HOST)),
            Map.entry("fixed-address", EnumSet.of(ScopeKind.HOST)),
            Map.entry("uid", EnumSet.of(ScopeKind.HOST)),
            Map.entry("host-identifier", EnumSet.of(ScopeKind.HOST)),
            Map.entry("dynamic", EnumSet.of(ScopeKind.HOST)),
            Map.entry("deleted", EnumSet.of(ScopeKind.HOST)),
            Map.entry("match", EnumSet.of(ScopeKind.CLASS)),
            Map.entry("spawn", EnumSet.of(ScopeKind.CLASS)),
            Map.entry("lease", EnumSet.of(ScopeKind.CLASS)),
            Map.entry("if", ANY),
            Map.entry("on", ANY),
            Map.entry("log", ANY),
            Map.entry("set", ANY),
            Map.entry("unset", ANY),
            Map.entry("eval", ANY),
            Map.entry("execute", ANY),
            Map.entry("define", ANY),
            Map.entry("return", ANY),
            Map.entry("break", ANY),
            Map.entry("add", ANY));

    /** Statements of DHCPv6 that a DHCPv4 server refuses, as dhcpd -4 does. */
    static final Set<String> DHCPV6_ONLY = Set.of("subnet6", "range6", "prefix6", "pool6", "fixed-address6",
            "fixed-prefix6", "server-duid", "dhcpv6-lease-file-name", "dhcpv6-pid-file-name");

    /** Executable statements that are kept as source text. */
    static final Set<String> EXECUTABLE = Set.of("log", "set", "unset", "eval", "execute", "define", "return",
            "break", "add");

    private Keywords() {
    }

    static boolean allowed(String keyword, ScopeKind kind) {
        Set<ScopeKind> scopes = SCOPES.get(keyword);
        return scopes == null || scopes.contains(kind);
    }

    /** Declaration keywords valid in a scope, sorted, for "expected one of" messages. */
    static List<String> expectedIn(ScopeKind kind) {
        Set<String> keywords = new TreeSet<>();
        SCOPES.forEach((keyword, scopes) -> {
            if (scopes.contains(kind) && !EXECUTABLE.contains(keyword) && !keyword.equals("not")) {
                keywords.add(keyword.equals("failover") ? "failover peer" : keyword);
            }
        });
        return List.copyOf(keywords);
    }

    /** Where a keyword may appear, for "not allowed here" messages. */
    static String whereAllowed(String keyword) {
        Set<ScopeKind> scopes = SCOPES.getOrDefault(keyword, ANY);
        return String.join(", ", scopes.stream().map(s -> s == ScopeKind.GLOBAL ? "the top level" : s.keyword())
                .toList());
    }
}
