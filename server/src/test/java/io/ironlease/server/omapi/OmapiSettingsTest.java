package io.ironlease.server.omapi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.ironlease.shared.config.ConfigLoader;
import io.ironlease.shared.config.model.DhcpConfig;
import io.ironlease.shared.keys.KeyAlgorithm;
import io.ironlease.shared.keys.OmapiKey;
import java.net.InetAddress;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Port, listen address and keys of the OMAPI listener, from dhcpd.conf and the command line. */
class OmapiSettingsTest {

    private static final String KEYS = """
            key omapi_key { algorithm hmac-md5; secret "mqrZp5fdsE0IGpJxsoE2hA=="; }
            key ops { algorithm hmac-sha256; secret "c2hhMjU2LXRlc3Qta2V5LW5vdC1mb3ItdXNl"; }
            key ddns { algorithm hmac-md5; secret "ZGRucy10ZXN0LWtleQ=="; }
            """;

    private static DhcpConfig config(String text) throws Exception {
        return ConfigLoader.parseStrict("test.conf", text);
    }

    private static OmapiOptions options(Integer port, String listen, List<String> keys, boolean all) {
        return OmapiOptions.of(port, listen, keys, all);
    }

    @Test
    void withoutAPortOmapiIsOffAsInDhcpd() throws Exception {
        assertThat(OmapiSettings.of(config(KEYS), new OmapiOptions())).isEmpty();
        assertThat(OmapiSettings.of(config("omapi-port 7911;"), options(null, null, List.of(), false))).isPresent();
    }

    @Test
    void omapiKeyNamesTheKeyAndTheCommandLineAddsOthers() throws Exception {
        DhcpConfig config = config("omapi-port 7911; omapi-key omapi_key;\n" + KEYS);
        OmapiSettings plain = OmapiSettings.of(config, new OmapiOptions()).orElseThrow();
        assertThat(plain.port()).isEqualTo(7911);
        assertThat(plain.listen()).isEmpty();
        assertThat(plain.keys()).extracting(OmapiKey::name).containsExactly("omapi_key");
        OmapiSettings more = OmapiSettings.of(config, options(0, "127.0.0.1", List.of("ops"), false)).orElseThrow();
        assertThat(more.port()).isZero();
        assertThat(more.listen()).contains(InetAddress.getByName("127.0.0.1"));
        assertThat(more.keys()).extracting(OmapiKey::algorithm).containsExactly(KeyAlgorithm.HMAC_MD5,
                KeyAlgorithm.HMAC_SHA256);
        assertThat(OmapiSettings.of(config, options(null, null, List.of(), true)).orElseThrow().keys())
                .extracting(OmapiKey::name).containsExactly("omapi_key", "ops", "ddns");
    }

    @Test
    void mistakesAreReportedForTheOperator() throws Exception {
        DhcpConfig config = config("omapi-port 7911;\n" + KEYS);
        assertThatThrownBy(() -> OmapiSettings.of(config, options(null, null, List.of("nope"), false)))
                .hasMessageContaining("--omapi-key nope: no key stanza of that name");
        assertThatThrownBy(() -> OmapiSettings.of(config, options(null, "omapi.example", List.of(), false)))
                .hasMessageContaining("not an IPv4 address");
        assertThatThrownBy(() -> OmapiSettings.of(config, options(70000, null, List.of(), false)))
                .hasMessageContaining("out of 0-65535");
        Holder holder = new Holder();
        new picocli.CommandLine(holder).parseArgs("--no-omapi", "--omapi-port", "7000");
        assertThat(OmapiSettings.of(config, holder.omapi)).isEqualTo(Optional.empty());
        Holder other = new Holder();
        new picocli.CommandLine(other).parseArgs("--omapi-port", "7000", "--omapi-listen", "127.0.0.2");
        assertThat(OmapiSettings.of(config, other.omapi).orElseThrow().port()).isEqualTo(7000);
    }

    /** A command with only the OMAPI mixin, as ServerMain carries it. */
    @picocli.CommandLine.Command(name = "holder")
    static final class Holder {
        @picocli.CommandLine.Mixin
        OmapiOptions omapi = new OmapiOptions();
    }
}
