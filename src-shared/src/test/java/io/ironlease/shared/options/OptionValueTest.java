package io.ironlease.shared.options;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.ironlease.shared.net.Ipv4Address;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Option values to wire bytes and back, and to ISC text. */
class OptionValueTest {

    private static final HexFormat HEX = HexFormat.of();

    private static OptionType type(String name) {
        return OptionRegistry.standard().byQualifiedName(name).orElseThrow().type();
    }

    private static OptionValue.Address ip(String text) {
        return new OptionValue.Address(HostRef.parse(text));
    }

    @Test
    void addressListEncodesFourBytesEach() throws OptionDecodeException {
        OptionValue routers = OptionValue.of(type("routers"), ip("10.0.0.1"), ip("192.168.100.1"));

        assertThat(HEX.formatHex(routers.encode())).isEqualTo("0a000001c0a86401");
        assertThat(OptionValue.decode(type("routers"), routers.encode())).isEqualTo(routers);
        assertThat(routers.toIscText()).isEqualTo("10.0.0.1, 192.168.100.1");
    }

    @Test
    void domainSearchUsesCompressionPointersAsRfc3397Shows() throws OptionDecodeException {
        OptionValue search = OptionValue.of(type("domain-search"),
                new OptionValue.DomainList(List.of("eng.apple.com", "marketing.apple.com")));

        // RFC 3397 section 2: the second name ends with a pointer to "apple.com" at offset 4.
        assertThat(HEX.formatHex(search.encode()))
                .isEqualTo("03656e67056170706c6503636f6d00" + "096d61726b6574696e67" + "c004");
        assertThat(OptionValue.decode(type("domain-search"), search.encode())).isEqualTo(search);
        assertThat(search.toIscText()).isEqualTo("\"eng.apple.com\", \"marketing.apple.com\"");
    }

    @Test
    void plainDomainListsAreNotCompressed() {
        OptionValue names = OptionValue.of(type("bcms-controller-names"),
                new OptionValue.DomainList(List.of("a.example", "b.example")));

        assertThat(HEX.formatHex(names.encode())).isEqualTo("0161076578616d706c6500" + "0162076578616d706c6500");
    }

    @Test
    void decodingRejectsPointerLoopsAndForwardPointers() {
        assertThatThrownBy(() -> OptionValue.decode(type("domain-search"), HEX.parseHex("c000")))
                .isInstanceOf(OptionDecodeException.class).hasMessageContaining("backwards");
        assertThatThrownBy(() -> OptionValue.decode(type("domain-search"), HEX.parseHex("0161c004" + "00")))
                .isInstanceOf(OptionDecodeException.class);
    }

    @Test
    void signedIntegersAreTwosComplement() throws OptionDecodeException {
        OptionValue offset = OptionValue.of(type("time-offset"), new OptionValue.Int(-18000));

        assertThat(HEX.formatHex(offset.encode())).isEqualTo("ffffb9b0");
        assertThat(OptionValue.decode(type("time-offset"), offset.encode())).isEqualTo(offset);
    }

    @Test
    void recordsWithATrailingArray() throws OptionDecodeException {
        OptionValue agent = OptionValue.of(type("slp-directory-agent"), new OptionValue.Flag(true), ip("10.0.0.1"),
                ip("10.0.0.2"));

        assertThat(HEX.formatHex(agent.encode())).isEqualTo("010a0000010a000002");
        assertThat(OptionValue.decode(type("slp-directory-agent"), agent.encode())).isEqualTo(agent);
        assertThat(agent.toIscText()).isEqualTo("true 10.0.0.1, 10.0.0.2");
    }

    @Test
    void optionalLastField() throws OptionDecodeException {
        OptionValue scope = OptionValue.of(type("slp-service-scope"), new OptionValue.Flag(false));

        assertThat(OptionValue.decode(type("slp-service-scope"), new byte[] {0})).isEqualTo(scope);
    }

    @Test
    void opaqueDataPrintsAsStringWhenPrintableElseHex() {
        OptionValue printable = OptionValue.of(type("vendor-class-identifier"),
                new OptionValue.Data("PXEClient".getBytes(StandardCharsets.US_ASCII)));
        OptionValue binary = OptionValue.of(type("dhcp-client-identifier"),
                new OptionValue.Data(new byte[] {1, 0x52, 0x54, 0, (byte) 0xaa}));

        assertThat(printable.toIscText()).isEqualTo("\"PXEClient\"");
        assertThat(binary.toIscText()).isEqualTo("1:52:54:0:aa");
    }

    @Test
    void textEscapesQuotesAndNonPrintables() {
        OptionValue text = OptionValue.of(type("domain-name"), new OptionValue.Text("a\"b\\c\n".getBytes()));

        assertThat(text.toIscText()).isEqualTo("\"a\\\"b\\\\c\\012\"");
    }

    @Test
    void hostNamesStayUnresolvedUntilEncodedWithAResolver() {
        OptionValue dns = OptionValue.of(type("domain-name-servers"), ip("10.0.0.53"),
                new OptionValue.Address(HostRef.parse("redos.test")));

        assertThat(dns.hasHostNames()).isTrue();
        assertThat(dns.toIscText()).isEqualTo("10.0.0.53, redos.test");
        assertThatThrownBy(dns::encode).isInstanceOf(UnresolvedHostException.class)
                .hasMessageContaining("redos.test");
        byte[] resolved = dns.encode(name -> List.of(Ipv4Address.parse("192.168.100.1"), Ipv4Address.parse("192.168.100.2")));
        assertThat(HEX.formatHex(resolved)).isEqualTo("0a000035" + "c0a86401" + "c0a86402");
    }

    @Test
    void valuesMustFitTheirType() {
        assertThatThrownBy(() -> OptionValue.of(type("default-ip-ttl"), new OptionValue.Int(256)))
                .hasMessageContaining("outside 0-255");
        assertThatThrownBy(() -> OptionValue.of(type("subnet-mask"), new OptionValue.Flag(true)))
                .hasMessageContaining("ip-address expected");
        assertThatThrownBy(() -> OptionValue.of(type("static-routes"), ip("10.0.0.0")))
                .hasMessageContaining("a multiple of 2");
    }

    @Test
    void truncatedDataIsADecodeError() {
        assertThatThrownBy(() -> OptionValue.decode(type("routers"), new byte[] {10, 0, 0, 1, 10}))
                .isInstanceOf(OptionDecodeException.class).hasMessageContaining("need 4 bytes");
        assertThatThrownBy(() -> OptionValue.decode(type("subnet-mask"), new byte[6]))
                .isInstanceOf(OptionDecodeException.class).hasMessageContaining("2 bytes left over");
    }

    @Test
    void enumerationsAndLeaseTimes() throws OptionDecodeException {
        OptionType style = type("server.ddns-update-style");
        OptionValue none = OptionValue.of(style, new OptionValue.EnumValue("none", 0));
        assertThat(OptionValue.decode(style, none.encode())).isEqualTo(none);
        OptionValue infinite = OptionValue.of(type("server.default-lease-time"), new OptionValue.Int(0xffff_ffffL));
        assertThat(infinite.toIscText()).isEqualTo("infinite");
    }

    @Test
    void ipv6Text() {
        assertThat(Ipv6Text.format(Ipv6Text.tryParse("2001:DB8:0:0:1:0:0:1"))).isEqualTo("2001:db8::1:0:0:1");
        assertThat(Ipv6Text.format(Ipv6Text.tryParse("::"))).isEqualTo("::");
        assertThat(Ipv6Text.format(Ipv6Text.tryParse("::ffff:192.0.2.1"))).isEqualTo("::ffff:c000:201");
        assertThat(Ipv6Text.tryParse("1:2:3:4:5:6:7:8:9")).isNull();
        assertThat(Ipv6Text.tryParse("1::2::3")).isNull();
        assertThat(Ipv6Text.tryParse("fe80::")).hasSize(16);
    }
}
