package io.ironlease.server.omapi;

import static org.assertj.core.api.Assertions.assertThat;

import io.ironlease.omapi.auth.Authenticator;
import io.ironlease.omapi.auth.HmacSigner;
import io.ironlease.omapi.interop.NetnsDhcpd;
import io.ironlease.omapi.interop.Programs;
import io.ironlease.omapi.testing.Frames;
import io.ironlease.omapi.wire.OmapiCodec;
import io.ironlease.omapi.wire.OmapiMessage;
import io.ironlease.omapi.wire.OmapiValues;
import io.ironlease.omapi.wire.Opcode;
import io.ironlease.omapi.wire.StartupMessage;
import io.ironlease.shared.keys.KeyAlgorithm;
import io.ironlease.shared.keys.OmapiKey;
import io.ironlease.shared.net.Ipv4Address;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Interop 3 against the packaged server process: no key, a wrong secret and an unknown key name,
 * through the real omshell, print what omshell printed against ISC dhcpd (the p02-p04 captures); a
 * signed request with one byte changed gets, from our server and from ISC dhcpd 4.4.3 started in a
 * network namespace by the test, the same unsigned STATUS 0x6000b (invalid key) without a message.
 */
@Tag("interop")
class AuthInteropIT {

    private static final String LAB_SECRET = "mqrZp5fdsE0IGpJxsoE2hA==";

    private final OmapiKey key = TestConfigs.key("omapi_key", KeyAlgorithm.HMAC_MD5);

    @TempDir
    Path dir;

    private ServerProcess start() throws Exception {
        Files.writeString(dir.resolve("dhcpd.conf"), TestConfigs.config(key, ""));
        Files.writeString(dir.resolve("dhcpd.leases"), TestConfigs.leases(Instant.now(), 3, 0));
        return ServerProcess.start(dir, "--omapi-listen", "127.0.0.1");
    }

    @Test
    void omshellWithoutKeyWithAWrongSecretAndWithAnUnknownKeyIsRefusedAsByDhcpd() throws Exception {
        String omshell = Programs.require("/usr/bin/omshell");
        try (ServerProcess server = start()) {
            for (String scenario : List.of("p02-connect-nokey", "p03-connect-wrong-secret", "p04-connect-unknown-keyname")) {
                String script = OmapiFixture.text("/omapi/omshell/" + scenario + ".in")
                        .replace("port 7912", "port " + server.omapiPort()).replace(LAB_SECRET, key.secretBase64());
                Programs.Result result = Programs.run(List.of(omshell), script, 60);
                assertThat(result.stdout()).as(scenario).isEqualTo(OmapiFixture.text("/omapi/omshell/" + scenario + ".out"));
                String err = scenario.startsWith("p04") ? OmapiFixture.text("/omapi/omshell/" + scenario + ".err") : "";
                assertThat(result.stderr()).as(scenario).isEqualTo(err);
            }
            assertThat(server.log()).contains("OMAPI_AUTH_FAIL");
        }
    }

    @Test
    void aCorruptedSignatureGetsTheSameRefusalFromUsAndFromDhcpd() throws Exception {
        OmapiMessage ours;
        try (ServerProcess server = start()) {
            ours = corrupted(server.omapiPort(), key);
        }
        OmapiMessage dhcpds;
        try (NetnsDhcpd dhcpd = NetnsDhcpd.start(NetnsDhcpd.plainConfig(key), NetnsDhcpd.leases(Instant.now()))) {
            dhcpds = corrupted(dhcpd.port(), key);
        }
        for (OmapiMessage refusal : List.of(ours, dhcpds)) {
            assertThat(refusal.op()).isEqualTo(Opcode.STATUS);
            assertThat(refusal.authId()).isZero();
            assertThat(refusal.isSigned()).isFalse();
        }
        assertThat(ours.message()).isEqualTo(dhcpds.message());
        assertThat(ours.message().int32("result")).hasValue(0x6000b);
    }

    /** Authenticates, then sends a signed lease OPEN with one byte changed after signing; the reply. */
    private static OmapiMessage corrupted(int port, OmapiKey key) throws Exception {
        try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), port)) {
            socket.setSoTimeout(10_000);
            InputStream in = socket.getInputStream();
            socket.getOutputStream().write(OmapiCodec.encodeStartup(StartupMessage.ISC));
            in.readNBytes(StartupMessage.LENGTH);
            socket.getOutputStream().write(OmapiCodec.encode(Authenticator.openRequest(key).withId(1)));
            int authId = Authenticator.acceptReply(Frames.read(in));
            HmacSigner signer = HmacSigner.forKey(key);
            byte[] request = OmapiCodec.encodeSigned(OmapiMessage.of(Opcode.OPEN, 0,
                    OmapiValues.builder().putString("type", "lease").build(), OmapiValues.builder()
                            .putIpv4("ip-address", Ipv4Address.parse("192.168.100.100")).build()).withId(2),
                    authId, 16, signer::sign);
            request[request.length - 20] ^= 1; // the last byte of the address: framing intact, signature wrong
            socket.getOutputStream().write(request);
            return Frames.read(in);
        }
    }
}
