package io.ironlease.shared.keys;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class OmapiKeyTest {

    @Test
    void decodesBase64Secret() {
        OmapiKey key = OmapiKey.fromBase64("omapi_key", KeyAlgorithm.HMAC_MD5, "c2VjcmV0LXRlc3Qta2V5IQ==");
        assertThat(new String(key.secret())).isEqualTo("secret-test-key!");
        assertThat(key.toString()).doesNotContain("c2Vj");
    }

    @Test
    void rejectsTheSeedPlaceholder() {
        assertThatThrownBy(() -> OmapiKey.decodeSecret("your_generated_key"))
                .isInstanceOf(OmapiKey.InvalidSecretException.class)
                .hasMessageContaining("not base64");
    }

    @Test
    void algorithmNamesAsDhcpdAccepts() {
        assertThat(KeyAlgorithm.fromName("hmac-md5")).contains(KeyAlgorithm.HMAC_MD5);
        assertThat(KeyAlgorithm.fromName("HMAC-MD5.SIG-ALG.REG.INT")).contains(KeyAlgorithm.HMAC_MD5);
        assertThat(KeyAlgorithm.fromName("hmac-md5.SIG-ALG.REG.INT.")).contains(KeyAlgorithm.HMAC_MD5);
        assertThat(KeyAlgorithm.fromName("hmac-sha256")).contains(KeyAlgorithm.HMAC_SHA256);
        assertThat(KeyAlgorithm.fromName("rot13")).isEmpty();
    }
}
