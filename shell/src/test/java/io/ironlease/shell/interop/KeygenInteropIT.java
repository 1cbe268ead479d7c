package io.ironlease.shell.interop;

import static org.assertj.core.api.Assertions.assertThat;

import io.ironlease.omapi.interop.NetnsDhcpd;
import io.ironlease.shared.config.ConfigLoader;
import io.ironlease.shared.keys.OmapiKey;
import io.ironlease.shell.keygen.KeygenMain;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Instant;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * What {@code ironlease-keygen NAME -o FILE} writes is what an admin pastes into dhcpd.conf: ISC dhcpd
 * 4.4.3 starts with the stanza included verbatim as its OMAPI key, ISC omshell authenticates with the
 * secret from it, our config parser reads the same key, and our one-shot shell takes the file as it is.
 */
@Tag("interop")
class KeygenInteropIT {

    @TempDir
    Path dir;

    @ParameterizedTest
    @ValueSource(strings = {"hmac-md5", "hmac-sha256"})
    void generatedStanzaIsAcceptedByDhcpdAndOmshell(String algorithm) throws Exception {
        Path keyFile = dir.resolve("omapi.key");
        StringWriter printed = new StringWriter();
        CommandLine keygen = new CommandLine(new KeygenMain());
        keygen.setOut(new PrintWriter(printed));
        assertThat(keygen.execute("omapi_key", "--algorithm", algorithm, "-o", keyFile.toString())).isZero();
        String stanza = Files.readString(keyFile);
        assertThat(stanza).isEqualTo(printed.toString());
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(keyFile))).isEqualTo("rw-------");

        String config = stanza + "omapi-port " + NetnsDhcpd.OMAPI_PORT + ";\nomapi-key omapi_key;\n"
                + "authoritative;\nddns-update-style none;\nping-check false;\n"
                + "subnet 192.168.100.0 netmask 255.255.255.0 {\n  range 192.168.100.100 192.168.100.199;\n}\n"
                + "host fixed-one { hardware ethernet 52:54:00:00:01:01; fixed-address 192.168.100.10; }\n";
        OmapiKey key = ConfigLoader.parseStrict("dhcpd.conf", config).omapiKey().orElseThrow();
        assertThat(key.algorithm().configName()).isEqualTo(algorithm);

        try (NetnsDhcpd dhcpd = NetnsDhcpd.start(config, NetnsDhcpd.leases(Instant.now()))) {
            String script = "server 127.0.0.1\nport " + dhcpd.port() + "\nkey omapi_key " + key.secretBase64() + "\n"
                    + (algorithm.equals("hmac-md5") ? "" : "key-algorithm " + algorithm + "\n")
                    + "connect\nnew host\nset name = \"fixed-one\"\nopen\n";
            Shells.Printed omshell = Shells.omshell(script);
            assertThat(omshell.err()).as(dhcpd.log()).isEmpty();
            assertThat(omshell.out()).contains("name = \"fixed-one\"\n", "ip-address = c0:a8:64:0a\n");

            OneShot host = OneShot.run("host", "show", "--name", "fixed-one", "--port", Integer.toString(dhcpd.port()),
                    "--key-file", keyFile.toString());
            assertThat(host.exitCode()).as(host.err()).isZero();
            assertThat(host.out()).contains("192.168.100.10");

            // A key of the same name with another secret is refused by dhcpd: the secret is what it checks.
            String wrong = script.replace(key.secretBase64(), "d3Jvbmctc2VjcmV0LXRlc3Qtb25seQ==");
            assertThat(Shells.omshell(wrong).out()).contains("can't open object: connection reset by peer")
                    .doesNotContain("ip-address = c0:a8:64:0a");
        }
    }
}
