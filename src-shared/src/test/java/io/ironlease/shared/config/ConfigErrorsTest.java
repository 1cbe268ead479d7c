package io.ironlease.shared.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Every error case the checker knows: the exact message at its line and column. */
class ConfigErrorsTest {

    private static final String PEER = "failover peer \"f\" {\n  primary;\n  address 127.0.0.1;\n"
            + "  peer address 127.0.0.2;\n  mclt 60;\n  split 128;\n  load balance max seconds 3;\n}\n";
    private static final String POOL = "subnet 10.0.0.0 netmask 255.255.255.0 {\n  pool {\n"
            + "    failover peer \"f\";\n    range 10.0.0.10 10.0.0.20;\n  }\n}\n";

    static Stream<Arguments> cases() {
        return Stream.of(
                Arguments.of("unknown statement with a hint", "authoritative;\ndefualt-lease-time 600;\n",
                        "t.conf:2:1: unknown statement \"defualt-lease-time\" (did you mean \"default-lease-time\"?); "
                                + "expected one of: allow, append, authoritative, class, default, deny, failover peer, "
                                + "group, host, if, ignore, include, key, on, option, prepend, server-identifier, "
                                + "shared-network, subclass, subnet, supersede, user-class, vendor-class, zone, "
                                + "or a parameter such as default-lease-time (see man dhcpd.conf)"),
                Arguments.of("option written without option", "routers 10.0.0.1;\n",
                        "t.conf:1:1: \"routers\" is an option, not a statement; write: option routers VALUE; "
                                + "(array of ip-address)"),
                Arguments.of("unknown option", "option routerz 10.0.0.1;\n",
                        "t.conf:1:8: unknown option \"routerz\"; did you mean \"routers\"? "
                                + "(define it with: option routerz code N = TYPE;)"),
                Arguments.of("unknown option space", "option foo.bar 1;\n",
                        "t.conf:1:8: unknown option space \"foo\" in \"foo.bar\" (declare it first: option space foo;)"),
                Arguments.of("bad option value", "option routers 10.0.0.1, not..a.host;\n",
                        "t.conf:1:26: expected an IP address or host name, got \"not..a.host\""),
                Arguments.of("missing semicolon", "subnet 10.0.0.0 netmask 255.255.255.0 {\n  option routers 10.0.0.1\n}\n",
                        "t.conf:3:1: unexpected \"}\" in option routers (array of ip-address); expected \";\""),
                Arguments.of("unterminated string", "option domain-name \"x;\n",
                        "t.conf:1:20: unterminated string (missing closing \")"),
                Arguments.of("unclosed block", "subnet 10.0.0.0 netmask 255.255.255.0 {\n  option routers 10.0.0.1;\n",
                        "t.conf:1:1: subnet 10.0.0.0 netmask 255.255.255.0 opened here is not closed with \"}\""),
                Arguments.of("stray brace", "authoritative;\n}\n", "t.conf:2:1: unexpected \"}\": no block is open here"),
                Arguments.of("not allowed here", "range 10.0.0.1 10.0.0.2;\n",
                        "t.conf:1:1: \"range\" is not allowed in the top level (allowed in: subnet, pool)"),
                Arguments.of("dhcpv6 statement", "subnet6 2001:db8::/64 { }\n",
                        "t.conf:1:1: \"subnet6\" is a DHCPv6 statement; this is a DHCPv4 server"),
                Arguments.of("subnet with host bits", "subnet 10.0.0.1 netmask 255.255.255.0 { }\n",
                        "t.conf:1:1: subnet 10.0.0.1 netmask 255.255.255.0: the subnet number has host bits set "
                                + "(did you mean subnet 10.0.0.0?)"),
                Arguments.of("non-contiguous netmask", "subnet 10.0.0.0 netmask 255.0.255.0 { }\n",
                        "t.conf:1:25: netmask 255.0.255.0 is not contiguous (it must be ones then zeros, e.g. 255.0.0.0)"),
                Arguments.of("range outside its subnet", "subnet 10.0.0.0 netmask 255.255.255.0 {\n  range 10.0.1.1 10.0.1.5;\n}\n",
                        "t.conf:2:3: range 10.0.1.1 - 10.0.1.5 is outside subnet 10.0.0.0/24"),
                Arguments.of("overlapping ranges", "subnet 10.0.0.0 netmask 255.255.255.0 {\n  range 10.0.0.1 10.0.0.5;\n"
                        + "  pool { range 10.0.0.4 10.0.0.8; }\n}\n",
                        "t.conf:3:10: range 10.0.0.4 - 10.0.0.8 overlaps range 10.0.0.1 - 10.0.0.5 declared at t.conf:2:3"),
                Arguments.of("pool range outside the shared network",
                        "shared-network x {\n  subnet 10.0.0.0 netmask 255.255.255.0 { }\n  pool { range 10.0.1.1 10.0.1.2; }\n}\n",
                        "t.conf:3:10: range 10.0.1.1 - 10.0.1.2 is not inside any subnet of shared-network \"x\""),
                Arguments.of("pool without range", "subnet 10.0.0.0 netmask 255.255.255.0 {\n  pool { }\n}\n",
                        "t.conf:2:3: pool has no range statement (every pool needs at least one range)"),
                Arguments.of("failover peer used, none declared", POOL,
                        "t.conf:3:5: failover peer \"f\" is used here but no failover peer is declared; "
                                + "declare it with: failover peer \"f\" { ... }"),
                Arguments.of("pool names an undefined peer", PEER.replace("\"f\"", "\"g\"") + POOL,
                        "t.conf:11:5: failover peer \"f\" is not declared (did you mean \"g\"?); declared peers: \"g\""),
                Arguments.of("peer without a pool", PEER,
                        "t.conf:1:1: failover peer \"f\" is declared but no pool refers to it "
                                + "(add failover peer \"f\"; to a pool)"),
                Arguments.of("primary without mclt", PEER.replace("  mclt 60;\n", "") + POOL,
                        "t.conf:1:1: failover peer \"f\" is primary but has no mclt (e.g. mclt 3600;)"),
                Arguments.of("primary without split", PEER.replace("  split 128;\n", "") + POOL,
                        "t.conf:1:1: failover peer \"f\" is primary but has neither split nor hba (e.g. split 128;)"),
                Arguments.of("secondary with mclt", PEER.replace("primary", "secondary").replace("  split 128;\n", "") + POOL,
                        "t.conf:5:3: failover peer \"f\" is secondary: mclt belongs on the primary only"),
                Arguments.of("secondary with split", PEER.replace("primary", "secondary").replace("  mclt 60;\n", "") + POOL,
                        "t.conf:5:3: failover peer \"f\" is secondary: split belongs on the primary only"),
                Arguments.of("both split and hba", PEER.replace("  split 128;\n", "  split 128;\n  hba "
                        + "ff:ff:ff:ff:ff:ff:ff:ff:ff:ff:ff:ff:ff:ff:ff:ff:0:0:0:0:0:0:0:0:0:0:0:0:0:0:0:0;\n") + POOL,
                        "t.conf:7:3: failover peer \"f\" has both split and hba; give only one"),
                Arguments.of("hba of the wrong length", PEER.replace("  split 128;\n", "  hba ff:ff;\n") + POOL,
                        "t.conf:6:7: hba must be 32 colon-separated hex bytes, got 2 bytes"),
                Arguments.of("split out of range", PEER.replace("split 128", "split 257") + POOL,
                        "t.conf:6:9: split must be between 0 and 256, inclusive, got \"257\""),
                Arguments.of("peer without peer address", PEER.replace("  peer address 127.0.0.2;\n", "") + POOL,
                        "t.conf:1:1: failover peer \"f\" has no peer address (where to reach the partner)"),
                Arguments.of("peer without role", PEER.replace("  primary;\n", "") + POOL,
                        "t.conf:1:1: failover peer \"f\" says neither primary; nor secondary;"),
                Arguments.of("unknown peer statement", PEER.replace("  mclt 60;\n", "  mclt 60;\n  mcl 5;\n") + POOL,
                        "t.conf:6:3: unknown failover peer statement \"mcl\" (did you mean \"mclt\"?); expected one of: "
                                + "primary, secondary, address, port, peer address, peer port, max-response-delay, "
                                + "max-unacked-updates, mclt, split, hba, load balance max seconds, max-lease-misbalance, "
                                + "max-lease-ownership, min-balance, max-balance, auto-partner-down"),
                Arguments.of("duplicate failover peer", PEER + PEER + POOL,
                        "t.conf:9:1: failover peer \"f\" is already declared at t.conf:1:1"),
                Arguments.of("unknown key algorithm", "key k {\n  algorithm hmac-foo;\n  secret YWJj;\n}\n",
                        "t.conf:2:13: key \"k\": unknown algorithm \"hmac-foo\"; known algorithms: "
                                + "hmac-md5, hmac-sha256, hmac-sha512"),
                Arguments.of("secret not base64", "key omapi_key {\n     algorithm hmac-md5;\n     secret not-base64!;\n}\n",
                        "t.conf:3:13: key \"omapi_key\": secret is not base64; generate one with: "
                                + "ironlease-keygen omapi_key (or: openssl rand -base64 16)"),
                Arguments.of("omapi-key names an undefined key", "omapi-port 7911;\nomapi-key nokey;\n",
                        "t.conf:2:1: omapi-key names key \"nokey\", which is not declared"),
                Arguments.of("duplicate host", "host a { hardware ethernet 1:2:3:4:5:6; }\nhost a { }\n",
                        "t.conf:2:1: host \"a\" is already declared at t.conf:1:1"),
                Arguments.of("min lease time above max", "max-lease-time 50;\nmin-lease-time 200;\n",
                        "t.conf:2:1: min-lease-time 200 is greater than max-lease-time 50"),
                Arguments.of("subclass of an unknown class", "class \"voip\" { match hardware; }\nsubclass \"vopi\" 1:2:3;\n",
                        "t.conf:2:1: subclass of unknown class \"vopi\" (did you mean \"voip\"?)"),
                Arguments.of("bad hardware address", "host h { hardware ethernet zz:1; }\n",
                        "t.conf:1:28: expected a hardware address of at most 16 colon-separated hex bytes, got \"zz:1\""),
                Arguments.of("declaration inside if", "if known {\n  host h { }\n}\n",
                        "t.conf:2:3: declarations are not allowed inside if/else; only options, parameters and "
                                + "executable statements"),
                Arguments.of("value out of range", "option default-ip-ttl 300;\n",
                        "t.conf:1:23: option default-ip-ttl 300 is out of range 0-255"),
                Arguments.of("failover peer in a subnet",
                        PEER + "subnet 10.0.0.0 netmask 255.255.255.0 {\n  failover peer \"f\";\n}\n",
                        "t.conf:10:3: \"failover\" is not allowed in a subnet (allowed in: the top level, "
                                + "shared-network, pool)"),
                Arguments.of("failover peer only in a shared-network", PEER + "shared-network x {\n  failover peer \"f\";\n"
                        + "  subnet 10.0.0.0 netmask 255.255.255.0 { pool { range 10.0.0.1 10.0.0.2; } }\n}\n",
                        "t.conf:1:1: failover peer \"f\" is declared but no pool refers to it "
                                + "(add failover peer \"f\"; to a pool)"),
                Arguments.of("state of an undeclared peer", "failover peer \"g\" state {\n  my state normal at 4 "
                        + "2024/01/02 03:04:05;\n}\n",
                        "t.conf:1:1: state declaration for failover peer \"g\", which is not declared"),
                Arguments.of("bad enumeration value", "ddns-update-style fancy;\n",
                        "t.conf:1:19: unknown value \"fancy\" for ddns-update-style; expected one of: "
                                + "none, ad-hoc, interim, standard"));
    }

    @org.junit.jupiter.api.Test
    void everyErrorIsReportedSortedByPosition() {
        String config = "option routers 10.0.0.1\n"
                + "subnet 10.0.0.0 netmask 255.255.255.0 {\n"
                + "  range 10.0.1.1 10.0.1.2;\n"
                + "  defualt-lease-time 5;\n"
                + "}\n"
                + "host h { hardware ethernet q; }\n"
                + "key k { algorithm hmac-md5; secret !!; }\n";

        ConfigResult result = ConfigLoader.parse("t.conf", config);

        assertThat(result.errors()).extracting(e -> e.pos().line() + ":" + e.pos().column()).containsExactly(
                "2:1", "3:3", "4:3", "6:28", "7:36");
        assertThat(result.errors().get(0).message()).startsWith("unexpected \"subnet\" in option routers");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void reportsTheErrorAtItsPosition(String name, String config, String expected) {
        ConfigResult result = ConfigLoader.parse("t.conf", config);

        assertThat(result.errors()).extracting(ConfigError::toString).contains(expected);
    }
}
