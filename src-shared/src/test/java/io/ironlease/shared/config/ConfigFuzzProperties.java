package io.ironlease.shared.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.StringLength;

/** Arbitrary input never escapes as anything but errors in the result (or ConfigException, strictly). */
class ConfigFuzzProperties {

    private static final List<String> SOUP = List.of("{", "}", ";", ",", "=", "(", ")", "\"", "\"x\"", "#",
            "\n", " ", "subnet", "10.0.0.0", "netmask", "255.255.255.0", "pool", "range", "10.0.0.1", "10.0.0.9",
            "host", "h", "hardware", "ethernet", "1:2:3:4:5:6", "fixed-address", "option", "routers",
            "domain-search", "failover", "peer", "\"f\"", "primary", "secondary", "address", "port", "mclt", "split",
            "hba", "load", "balance", "max", "seconds", "key", "k", "algorithm", "hmac-md5", "secret", "YWJj",
            "include", "class", "subclass", "match", "if", "elsif", "else", "not", "and", "or", "exists", "on",
            "commit", "allow", "deny", "ignore", "members", "of", "unknown-clients", "group", "shared-network",
            "authoritative", "default-lease-time", "600", "-1", "0x10", "code", "=", "array", "unsigned", "integer",
            "8", "text", "string", "space", "state", "my", "at", "4", "2024/01/01", "00:00:00", "log", "set",
            "\\", "\"\\x", "\"\\1", "ff:", ":ff", "infinite", "true", "zone", "lease", "limit", "spawn", "with");

    @Property(tries = 400)
    void arbitraryTextNeverThrows(@ForAll @StringLength(max = 300) String text) {
        ConfigResult result = ConfigLoader.parse("fuzz.conf", text);
        assertThat(result.config()).isNotNull();
    }

    @Property(tries = 1500)
    void tokenSoupNeverThrows(@ForAll("soup") String text) {
        ConfigResult result = ConfigLoader.parse("fuzz.conf", text);
        assertThat(result.errors()).allSatisfy(e -> assertThat(e.pos().line()).isPositive());
        try {
            ConfigLoader.parseStrict("fuzz.conf", text);
        } catch (ConfigException e) {
            assertThat(e.errors()).isEqualTo(result.errors());
        }
    }

    @Property(tries = 50)
    void deepNestingIsRefusedNotOverflowed(@ForAll("depth") int depth) {
        String text = "group { ".repeat(depth) + "}".repeat(depth) + "\nif " + "(".repeat(depth) + "a"
                + ")".repeat(depth) + " { }";
        ConfigResult result = ConfigLoader.parse("deep.conf", text);
        assertThat(result.config()).isNotNull();
    }

    @Provide
    Arbitrary<String> soup() {
        return Arbitraries.of(SOUP).list().ofMaxSize(60).map(words -> String.join(" ", words));
    }

    @Provide
    Arbitrary<Integer> depth() {
        return Arbitraries.integers().between(1, 5000);
    }
}
