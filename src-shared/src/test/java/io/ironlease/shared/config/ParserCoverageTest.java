package io.ironlease.shared.config;

import static org.assertj.core.api.Assertions.assertThat;

import io.ironlease.shared.config.ast.Access;
import io.ironlease.shared.config.ast.Permit;
import io.ironlease.shared.config.ast.Statement;
import io.ironlease.shared.config.model.ClassConfig;
import io.ironlease.shared.config.model.DhcpConfig;
import io.ironlease.shared.config.model.FailoverPeerConfig;
import io.ironlease.shared.config.model.HostConfig;
import io.ironlease.shared.config.model.PoolConfig;
import io.ironlease.shared.config.model.ScopeKind;
import io.ironlease.shared.config.model.SharedNetworkConfig;
import io.ironlease.shared.keys.KeyAlgorithm;
import io.ironlease.shared.net.HardwareAddress;
import io.ironlease.shared.options.HostRef;
import io.ironlease.shared.options.OptionAtom;
import io.ironlease.shared.options.OptionType;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HexFormat;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** A config using most of man dhcpd.conf (config/everything.conf, which ISC dhcpd accepts) and its model. */
class ParserCoverageTest {

    private static DhcpConfig config;

    @BeforeAll
    static void load() throws ConfigException {
        config = ConfigLoader.parseStrict("everything.conf", ConfigFixtures.text("config/everything.conf"));
    }

    @Test
    void globalParametersAreTyped() {
        var params = config.params();
        assertThat(params.authoritative()).isTrue();
        assertThat(params.ddnsUpdateStyle()).contains("none");
        assertThat(params.logFacility()).contains("local7");
        assertThat(params.defaultLeaseTime()).contains(Duration.ofMinutes(10));
        assertThat(params.maxLeaseTime()).contains(Duration.ofHours(2));
        assertThat(params.minLeaseTime()).contains(Duration.ofMinutes(1));
        assertThat(params.updateStaticLeases()).contains(true);
        assertThat(params.oneLeasePerClient()).contains(false);
        assertThat(params.pingCheck()).isTrue();
        assertThat(params.pingTimeout()).contains(Duration.ofSeconds(1));
        assertThat(params.leaseFileName()).contains("/var/lib/dhcp/dhcpd.leases");
        assertThat(params.pidFileName()).contains("/run/dhcpd.pid");
        assertThat(params.localAddress()).contains(HostRef.parse("127.0.0.1"));
        assertThat(params.localPort()).hasValue(6767);
        assertThat(params.nextServer()).contains(new HostRef.Name("tftp.example.org"));
        assertThat(params.serverName()).contains("dhcp.example.org");
        assertThat(params.filename()).contains("pxelinux.0");
        assertThat(params.flag("use-host-decl-names")).contains(true);
        assertThat(params.number("dynamic-bootp-lease-length")).contains(3600L);
        assertThat(config.omapiPort()).hasValue(7911);
        assertThat(config.omapiKeyName()).contains("omapi_key");
        assertThat(config.global().findOption("dhcp-server-identifier").orElseThrow().valueText()).isEqualTo("127.0.0.1");
        assertThat(config.global().accessRules()).extracting(r -> r.access() + " " + r.flag()).containsExactly(
                "DENY unknown-clients", "ALLOW bootp", "IGNORE booting", "DENY duplicates", "ALLOW declines",
                "IGNORE client-updates");
        assertThat(config.global().accessRules().get(2).access()).isEqualTo(Access.IGNORE);
    }

    @Test
    void keysWithQuotedAndDottedNamesAndSplitSecrets() {
        assertThat(config.key("omapi_key").orElseThrow().algorithm()).contains(KeyAlgorithm.HMAC_MD5);
        assertThat(config.omapiKey().orElseThrow().secretBase64()).isEqualTo("mqrZp5fdsE0IGpJxsoE2hA==");
        assertThat(config.key("tsig.example.org.").orElseThrow().algorithm()).contains(KeyAlgorithm.HMAC_SHA256);
    }

    @Test
    void optionDefinitionsExtendTheRegistry() {
        var registry = config.optionRegistry();
        assertThat(registry.byQualifiedName("voip.vlans").orElseThrow().type()).isEqualTo(OptionType.fromIscFormat("SA"));
        assertThat(registry.byQualifiedName("voip.info").orElseThrow().type().iscFormat()).isEqualTo("IBt");
        assertThat(registry.byQualifiedName("voip-encap").orElseThrow().type().iscFormat()).isEqualTo("Evoip.");
        assertThat(registry.byCode("dhcp", 121).orElseThrow().name()).isEqualTo("rfc3442-classless-static-routes");
        assertThat(registry.byName("dhcp", "local-search").orElseThrow().type().singleAtom())
                .isEqualTo(OptionAtom.DOMAIN_LIST_COMPRESSED);
        assertThat(registry.byName("dhcp", "signed-thing").orElseThrow().type().singleAtom()).isEqualTo(OptionAtom.INT32);
        assertThat(registry.byName("dhcp", "small-thing").orElseThrow().type().singleAtom()).isEqualTo(OptionAtom.INT8);
        assertThat(registry.space("big").orElseThrow().codeWidth()).isEqualTo(2);
        assertThat(registry.byCode("big", 300).orElseThrow().type().singleAtom()).isEqualTo(OptionAtom.FLAG);
        assertThat(config.declaredSpaces()).extracting(s -> s.name()).containsExactly("voip", "big");
        assertThat(config.declaredOptions()).hasSize(9);
    }

    @Test
    void globalOptionsKeepTheirValuesAndModes() {
        var global = config.global();
        assertThat(global.options()).extracting(s -> s.toIscText()).contains(
                "option domain-name-servers 192.0.2.53, ns.example.org",
                "option domain-search \"example.org\", \"eng.example.org\", \"example.com\"",
                "option time-offset -18000",
                "option static-routes 10.9.0.0 10.0.0.1, 10.8.0.0 10.0.0.1",
                "option dhcp-client-identifier 0:66:6f:6f:41:9",
                "option vendor-class-identifier 1:2:a:ff",
                "option slp-service-scope true \"scope\"",
                "option rfc3442-classless-static-routes 24, 10, 9, 8, 10, 0, 0, 1",
                "option voip.vlans 10, 20, 30",
                "option voip.info 10.0.0.5 7 \"desk\"",
                "option agent.circuit-id \"port-1\"",
                "option fqdn.no-client-update true",
                "supersede host-name \"forced\"",
                "default routers 10.0.0.1",
                "prepend domain-name-servers 10.0.0.53",
                "append domain-search \"last.example\"");
        byte[] clientId = global.option("dhcp-client-identifier").orElseThrow().value().orElseThrow().encode();
        assertThat(clientId).isEqualTo("\0fooA\t".getBytes(StandardCharsets.ISO_8859_1));
    }

    @Test
    void failoverPeerWithEveryParameter() {
        FailoverPeerConfig peer = config.failoverPeer("pair").orElseThrow();
        assertThat(peer.port()).isEqualTo(6470);
        assertThat(peer.peerPort()).isEqualTo(6471);
        assertThat(peer.maxResponseDelay()).isEqualTo(Duration.ofSeconds(30));
        assertThat(peer.maxUnackedUpdates()).isEqualTo(5);
        assertThat(peer.mclt()).contains(Duration.ofSeconds(1800));
        assertThat(peer.split()).isEmpty();
        assertThat(HexFormat.of().formatHex(peer.hba())).isEqualTo("ff".repeat(16) + "00".repeat(16));
        assertThat(peer.loadBalanceMaxSeconds()).isEqualTo(Duration.ofSeconds(5));
        assertThat(peer.maxLeaseMisbalance()).isEqualTo(20);
        assertThat(peer.maxLeaseOwnership()).isEqualTo(12);
        assertThat(peer.minBalance()).isEqualTo(Duration.ofSeconds(30));
        assertThat(peer.maxBalance()).isEqualTo(Duration.ofSeconds(1200));
        assertThat(peer.autoPartnerDown()).isEqualTo(Duration.ZERO);
    }

    @Test
    void classesAndSubclassesKeepTheirExpressions() {
        ClassConfig pxe = config.classes().get(0);
        assertThat(pxe.matchIf().orElseThrow().toText())
                .isEqualTo("(substring(option vendor-class-identifier, 0, 9) = \"PXEClient\")");
        assertThat(pxe.scope().params().filename()).contains("pxelinux.0");
        ClassConfig byCircuit = config.classes().get(1);
        assertThat(byCircuit.match().orElseThrow().toText()).isEqualTo("option agent.circuit-id");
        assertThat(byCircuit.leaseLimit()).hasValue(4);
        assertThat(byCircuit.subclasses()).extracting(s -> s.valueText()).containsExactly("\"port-1\"", "01:02:03");
        assertThat(byCircuit.subclasses().get(1).value()).containsExactly(1, 2, 3);
        assertThat(byCircuit.subclasses().get(1).scope().option("routers")).isPresent();
        assertThat(config.classes().get(2).spawnWith().orElseThrow().toText()).isEqualTo("option agent.circuit-id");
    }

    @Test
    void sharedNetworkWithSubnetsAndADirectPool() {
        SharedNetworkConfig campus = config.sharedNetworks().get(0);
        assertThat(campus.name()).isEqualTo("campus");
        assertThat(campus.implicit()).isFalse();
        assertThat(campus.subnets()).hasSize(2);
        assertThat(campus.subnets().get(0).ranges()).extracting(r -> r.range() + (r.dynamicBootp() ? " bootp" : ""))
                .containsExactly("10.0.0.10 - 10.0.0.19", "10.0.0.200 - 10.0.0.200 bootp");
        assertThat(campus.subnets().get(0).scope().findOption("domain-name").orElseThrow().valueText())
                .isEqualTo("\"campus.example.org\"");
        PoolConfig pool = campus.pools().get(0);
        assertThat(pool.failoverPeer()).contains("pair");
        assertThat(pool.permits()).extracting(p -> p.toIscText()).containsExactly("allow members of \"pxe\"",
                "deny unknown-clients", "allow known-clients", "deny dynamic bootp clients");
        assertThat(pool.permits().get(0).permit().kind()).isEqualTo(Permit.Kind.MEMBERS_OF);
        assertThat(config.ranges()).filteredOn(r -> r.pool().isPresent() && r.pool().get() == pool)
                .singleElement().satisfies(r -> assertThat(r.subnet().orElseThrow().subnet().toString())
                        .isEqualTo("10.0.1.0/24"));
        assertThat(config.sharedNetworks().get(1).implicit()).isTrue();
        assertThat(config.sharedNetworks().get(1).subnets().get(0).pools().get(0).size()).isEqualTo(101);
    }

    @Test
    void hostsAndGroups() {
        HostConfig printer = config.host("printer").orElseThrow();
        assertThat(printer.hardware()).contains(HardwareAddress.parseEthernet("01:52:54:00:aa:00:01"));
        assertThat(printer.fixedAddresses()).containsExactly(HostRef.parse("10.0.0.50"),
                new HostRef.Name("printer.example.org"));
        assertThat(printer.scope().parent().orElseThrow().kind()).isEqualTo(ScopeKind.GROUP);
        assertThat(printer.scope().params().flag("use-host-decl-names")).contains(true);
        HostConfig phone = config.host("phone").orElseThrow();
        assertThat(phone.uid()).containsExactly(1, 'R', 'S', 'L');
        assertThat(phone.hostIdentifier().orElseThrow().option().qualifiedName()).isEqualTo("agent.circuit-id");
        assertThat(config.host("in-subnet").orElseThrow().scope().parent().orElseThrow().kind())
                .isEqualTo(ScopeKind.SUBNET);
        assertThat(config.groups()).extracting(g -> g.name()).containsExactly("", "named");
    }

    @Test
    void conditionalsAndEventsAreKept() {
        var statements = config.global().statements();
        assertThat(statements).hasSize(2);
        Statement.If conditional = (Statement.If) statements.get(0);
        assertThat(conditional.branches()).extracting(b -> b.condition().toText()).containsExactly(
                "(exists user-class and (option user-class = \"iPXE\"))", "not known");
        assertThat(conditional.branches().get(1).body()).singleElement().isInstanceOf(Statement.Executable.class);
        assertThat(conditional.otherwise()).singleElement().isInstanceOf(Statement.Option.class);
        Statement.On on = (Statement.On) statements.get(1);
        assertThat(on.events()).containsExactly("commit");
        assertThat(on.body()).startsWith("{").endsWith("}").contains("binary-to-ascii(10, 8, \".\", leased-address)");
    }

    @Test
    void hostInsideASubnetIsWarnedAbout() {
        ConfigResult result = ConfigLoader.parse("everything.conf", ConfigFixtures.text("config/everything.conf"));

        assertThat(result.warnings()).extracting(ConfigError::message)
                .contains("host \"in-subnet\" is declared inside a subnet but host declarations are global "
                        + "(dhcpd warns the same)");
    }

    @Test
    void dynamicDnsIsWarnedAboutUnlessItIsOff() {
        ConfigResult interim = ConfigLoader.parse("t.conf", "authoritative;\nddns-update-style interim;\n");
        assertThat(interim.errors()).isEmpty();
        assertThat(interim.warnings()).extracting(ConfigError::toString).containsExactly("t.conf:2:1: "
                + "ddns-update-style interim: ironlease does not update DNS; leases are granted without DNS updates "
                + "(use ddns-update-style none to silence this)");
        assertThat(ConfigLoader.parse("t.conf", "ddns-update-style none;\n").warnings()).isEmpty();
        assertThat(ConfigLoader.parse("t.conf", "authoritative;\n").warnings()).isEmpty();
    }
}
