package io.ironlease.shell.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.ironlease.shared.keys.KeyAlgorithm;
import io.ironlease.shared.keys.OmapiKey;
import org.junit.jupiter.api.Test;

class KeyFileTest {

    @Test
    void readsWhatKeygenWrites() {
        OmapiKey key = KeyFile.parse("key omapi_key {\n  algorithm hmac-sha256;\n  secret \"Zm9vYmFy\";\n};\n", "k")
                .select(null, null, "k");
        assertThat(key).isEqualTo(new OmapiKey("omapi_key", KeyAlgorithm.HMAC_SHA256, "foobar".getBytes()));
    }

    @Test
    void severalKeysCommentsAndOverrides() {
        KeyFile file = KeyFile.parse("# ops keys\nkey \"a\" { secret Zm9v; }; // md5 by default\n/* the\nother */\n"
                + "key b { algorithm HMAC-SHA512; secret \"YmFy\"; };", "keys");
        assertThat(file.select("a", null, "keys").algorithm()).isEqualTo(KeyAlgorithm.HMAC_MD5);
        assertThat(file.select("b", null, "keys").algorithm()).isEqualTo(KeyAlgorithm.HMAC_SHA512);
        assertThat(file.select("b", KeyAlgorithm.HMAC_MD5, "keys").algorithm()).isEqualTo(KeyAlgorithm.HMAC_MD5);
        assertThatThrownBy(() -> file.select(null, null, "keys")).hasMessageContaining("several keys (a, b)");
        assertThatThrownBy(() -> file.select("c", null, "keys")).hasMessageContaining("has no key c");
    }

    @Test
    void aBareSecretNeedsAName() {
        KeyFile file = KeyFile.parse("  Zm9vYmFy\n", "secret");
        assertThat(file.select("x", null, "secret").secret()).isEqualTo("foobar".getBytes());
        assertThatThrownBy(() -> file.select(null, null, "secret")).hasMessageContaining("--key-name");
    }

    @Test
    void errorsNameTheLine() {
        assertThatThrownBy(() -> KeyFile.parse("key a {\n  algorithm rot13;\n  secret Zm9v;\n};", "f"))
                .hasMessageStartingWith("f:2: unknown algorithm \"rot13\"");
        assertThatThrownBy(() -> KeyFile.parse("key a {\n  secret \"not base64!\";\n};", "f")).hasMessageStartingWith("f:2: ");
        assertThatThrownBy(() -> KeyFile.parse("key a {\n  algorithm hmac-md5;\n};", "f")).hasMessageContaining("no secret");
        assertThatThrownBy(() -> KeyFile.parse("key a {\n  secret Zm9v", "f")).hasMessageContaining("f:2: expected");
        assertThatThrownBy(() -> KeyFile.parse("", "f")).hasMessageContaining("no key stanza");
    }
}
