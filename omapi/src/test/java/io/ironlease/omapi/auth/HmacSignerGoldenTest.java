package io.ironlease.omapi.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.ironlease.omapi.testing.GoldenVectors;
import io.ironlease.omapi.wire.OmapiCodec;
import io.ironlease.omapi.wire.OmapiException;
import io.ironlease.omapi.wire.OmapiFrame;
import io.ironlease.omapi.wire.OmapiMessage;
import io.ironlease.omapi.wire.OmapiStatus;
import io.ironlease.shared.keys.KeyAlgorithm;
import io.ironlease.shared.keys.OmapiKey;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The lab key reproduces every HMAC-MD5 signature ISC omshell and dhcpd put on the wire. */
class HmacSignerGoldenTest {

    private final HmacSigner lab = HmacSigner.forKey(GoldenVectors.labKey());

    @Test
    void verifiesEverySignedMessageOfEverySession() {
        int signed = 0;
        for (String name : GoldenVectors.SESSIONS) {
            GoldenVectors.Session session = GoldenVectors.load(name);
            List<OmapiFrame> frames = new ArrayList<>(session.serverMessages());
            if (!name.equals("p03-connect-wrong-secret")) {
                frames.addAll(session.clientMessages());
            }
            for (OmapiFrame frame : frames) {
                if (frame.message().isSigned()) {
                    assertThat(lab.verify(frame)).as("%s %s", name, frame.message()).isTrue();
                    signed++;
                }
            }
        }
        assertThat(signed).isGreaterThan(100);
    }

    @Test
    void signingAnUnsignedCopyReproducesTheCapturedBytes() {
        for (String name : GoldenVectors.SESSIONS) {
            for (OmapiFrame frame : GoldenVectors.load(name).serverMessages()) {
                OmapiMessage message = frame.message();
                if (message.isSigned()) {
                    OmapiMessage bare = message.withAuthentication(0, new byte[0]);
                    byte[] again = OmapiCodec.encodeSigned(bare, message.authId(), lab.signatureLength(), lab::sign);
                    assertThat(again).isEqualTo(frame.bytes());
                }
            }
        }
    }

    @Test
    void wrongSecretOfP03IsWhatOmshellSigned() {
        OmapiFrame open = GoldenVectors.load("p03-connect-wrong-secret").clientMessages().get(1);
        OmapiKey wrong = OmapiKey.fromBase64("omapi_key", KeyAlgorithm.HMAC_MD5, "d3Jvbmctc2VjcmV0LWtleQ==");
        assertThat(lab.verify(open)).isFalse();
        assertThat(HmacSigner.forKey(wrong).verify(open)).isTrue();
    }

    @Test
    void authenticatorOpenIsByteIdenticalToOmshells() {
        OmapiFrame captured = GoldenVectors.load("p01-connect-key").clientMessages().get(0);
        OmapiMessage ours = Authenticator.openRequest(GoldenVectors.labKey()).withId(0x6b8b4567);
        assertThat(OmapiCodec.encode(ours)).isEqualTo(captured.bytes());
    }

    @Test
    void authenticatorRepliesGiveTheHandleOrTheStatus() throws OmapiException {
        OmapiMessage accepted = GoldenVectors.load("p01-connect-key").serverMessages().get(0).message();
        assertThat(Authenticator.acceptReply(accepted)).isEqualTo(1);

        OmapiMessage refused = GoldenVectors.load("p04-connect-unknown-keyname").serverMessages().get(0).message();
        assertThatThrownBy(() -> Authenticator.acceptReply(refused))
                .isInstanceOfSatisfying(OmapiException.class, e -> {
                    assertThat(e.status()).isEqualTo(OmapiStatus.NOT_FOUND);
                    assertThat(e.serverMessage()).contains("no object matches specification");
                    assertThat(e.getMessage()).isEqualTo("not found (no object matches specification)");
                });
    }

    @Test
    void sha2SignersHaveTheirLengths() {
        byte[] data = "abc".getBytes();
        for (KeyAlgorithm algorithm : KeyAlgorithm.values()) {
            HmacSigner signer = HmacSigner.forKey(new OmapiKey("k", algorithm, new byte[] {1, 2, 3, 4}));
            byte[] signature = signer.sign(data, 0, data.length);
            assertThat(signature).hasSize(algorithm.signatureLength());
            assertThat(signer.verify(data, 0, data.length, signature)).isTrue();
            signature[0] ^= 1;
            assertThat(signer.verify(data, 0, data.length, signature)).isFalse();
        }
        assertThat(NullSigner.INSTANCE.sign(data, 0, 3)).isEmpty();
    }

    @Test
    void algorithmNamesInAllSpellings() {
        assertThat(Authenticator.algorithmFromWire("hmac-md5.SIG-ALG.REG.INT.")).contains(KeyAlgorithm.HMAC_MD5);
        assertThat(Authenticator.algorithmFromWire("HMAC-MD5.SIG-ALG.REG.INT")).contains(KeyAlgorithm.HMAC_MD5);
        assertThat(Authenticator.algorithmFromWire("HMAC-SHA256.SIG-ALG.REG.INT.")).contains(KeyAlgorithm.HMAC_SHA256);
        assertThat(Authenticator.algorithmFromWire("hmac-sha512")).contains(KeyAlgorithm.HMAC_SHA512);
        assertThat(Authenticator.algorithmFromWire("hmac-sha1")).isEmpty();
    }
}
