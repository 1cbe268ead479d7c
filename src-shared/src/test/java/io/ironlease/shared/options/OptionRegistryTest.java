package io.ironlease.shared.options;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The standard table: names, codes and types as ISC dhcpd 4.4 knows them. */
class OptionRegistryTest {

    private final OptionRegistry registry = OptionRegistry.standard();

    private String format(String qualifiedName) {
        return registry.byQualifiedName(qualifiedName).orElseThrow().type().iscFormat();
    }

    @Test
    void rfc2132OptionsByNameAndCode() {
        assertThat(registry.byCode("dhcp", 1).orElseThrow().name()).isEqualTo("subnet-mask");
        assertThat(registry.byCode("dhcp", 2).orElseThrow().name()).isEqualTo("time-offset");
        assertThat(registry.byCode("dhcp", 3).orElseThrow().name()).isEqualTo("routers");
        assertThat(registry.byCode("dhcp", 6).orElseThrow().name()).isEqualTo("domain-name-servers");
        assertThat(registry.byCode("dhcp", 28).orElseThrow().name()).isEqualTo("broadcast-address");
        assertThat(registry.byCode("dhcp", 119).orElseThrow().name()).isEqualTo("domain-search");
        assertThat(format("subnet-mask")).isEqualTo("I");
        assertThat(format("time-offset")).isEqualTo("l");
        assertThat(format("routers")).isEqualTo("IA");
        assertThat(format("host-name")).isEqualTo("t");
        assertThat(format("static-routes")).isEqualTo("IIA");
        assertThat(format("dhcp-client-identifier")).isEqualTo("X");
        assertThat(format("slp-directory-agent")).isEqualTo("fIa");
        assertThat(format("slp-service-scope")).isEqualTo("fto");
        assertThat(format("domain-search")).isEqualTo("Dc");
        assertThat(format("relay-agent-information")).isEqualTo("Eagent.");
        assertThat(registry.definitions("dhcp")).hasSizeGreaterThan(110);
    }

    @Test
    void relayAgentSuboptionsAndServerParameters() {
        assertThat(registry.byQualifiedName("agent.circuit-id").orElseThrow().code()).isEqualTo(1);
        assertThat(registry.byQualifiedName("agent.remote-id").orElseThrow().code()).isEqualTo(2);
        assertThat(registry.byQualifiedName("agent.link-selection").orElseThrow().code()).isEqualTo(5);
        assertThat(registry.byQualifiedName("fqdn.server-update").orElseThrow().type().singleAtom())
                .isEqualTo(OptionAtom.FLAG);
        OptionDefinition leaseTime = registry.byName("server", "default-lease-time").orElseThrow();
        assertThat(leaseTime.isServerParameter()).isTrue();
        assertThat(leaseTime.type().singleAtom()).isEqualTo(OptionAtom.LEASE_TIME);
        assertThat(format("server.ddns-update-style")).isEqualTo("Nddns-styles.");
    }

    @Test
    void namesAreCaseInsensitive() {
        assertThat(registry.byName("DHCP", "Routers")).isPresent();
    }

    @Test
    void definitionsReplaceByNameAndByCode() {
        OptionRegistry custom = registry.withDefinitions(List.of(
                OptionDefinition.of("dhcp", "rfc3442-classless-static-routes", 121, "BA"),
                OptionDefinition.of("dhcp", "my-search", 119, "D")));

        assertThat(custom.byCode("dhcp", 121).orElseThrow().name()).isEqualTo("rfc3442-classless-static-routes");
        assertThat(custom.byCode("dhcp", 119).orElseThrow().name()).isEqualTo("my-search");
        assertThat(custom.byName("dhcp", "domain-search")).isEmpty();
        assertThat(registry.byCode("dhcp", 119).orElseThrow().name()).isEqualTo("domain-search");
    }

    @Test
    void definitionsNeedADeclaredSpace() {
        assertThatThrownBy(() -> registry.withDefinitions(List.of(OptionDefinition.of("voip", "x", 1, "I"))))
                .hasMessageContaining("option space \"voip\" is not declared");
        OptionRegistry withSpace = registry.withSpace(OptionSpace.named("voip"))
                .withDefinitions(List.of(OptionDefinition.of("voip", "x", 1, "I")));
        assertThat(withSpace.byQualifiedName("voip.x")).isPresent();
    }

    @Test
    void unknownCodesDecodeAsOpaqueBytes() {
        OptionDefinition unknown = registry.byCodeOrUnknown("dhcp", 250);
        assertThat(unknown.name()).isEqualTo("unknown-250");
        assertThat(unknown.type().singleAtom()).isEqualTo(OptionAtom.STRING);
    }

    @Test
    void everyStandardFormatRoundTripsThroughTheNotation() {
        for (String space : registry.spaceNames()) {
            for (OptionDefinition definition : registry.definitions(space)) {
                String format = definition.type().iscFormat();
                assertThat(OptionType.fromIscFormat(format)).as(definition.qualifiedName()).isEqualTo(definition.type());
            }
        }
    }

    @Test
    void typeTextIsTheDefinitionSyntax() {
        assertThat(OptionType.fromIscFormat("IA").typeText()).isEqualTo("array of ip-address");
        assertThat(OptionType.fromIscFormat("IIA").typeText()).isEqualTo("array of { ip-address, ip-address }");
        assertThat(OptionType.fromIscFormat("fIa").typeText()).isEqualTo("{ boolean, array of ip-address }");
        assertThat(OptionType.fromIscFormat("Dc").typeText()).isEqualTo("domain-list compressed");
        assertThat(registry.byQualifiedName("routers").orElseThrow().toIscDefinition())
                .isEqualTo("option routers code 3 = array of ip-address;");
    }
}
