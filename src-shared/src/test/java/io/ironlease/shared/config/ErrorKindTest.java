package io.ironlease.shared.config;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ErrorKindTest {

    @Test
    void grammarErrorsAreSyntaxAndCheckFailuresSemantic() {
        ConfigResult result = ConfigLoader.parse("k.conf", """
                key omapi_key { algorithm hmac-md5; secret your_generated_key; }
                subnet 10.0.0.0 netmask 255.255.255.0 { rnage 10.0.0.5 10.0.0.9; }
                """);
        assertThat(result.errors()).extracting(ConfigError::kind)
                .containsExactlyInAnyOrder(ConfigError.Kind.SEMANTIC, ConfigError.Kind.SYNTAX);
        assertThat(result.errors()).filteredOn(e -> e.kind() == ConfigError.Kind.SEMANTIC)
                .singleElement().satisfies(e -> assertThat(e.message()).contains("not base64"));
        assertThat(result.errors()).filteredOn(e -> e.kind() == ConfigError.Kind.SYNTAX)
                .singleElement().satisfies(e -> assertThat(e.message()).contains("rnage"));
    }

    @Test
    void anUnterminatedStringIsSyntax() {
        ConfigResult result = ConfigLoader.parse("s.conf", "option domain-name \"oops;\n");
        assertThat(result.errors()).isNotEmpty().allSatisfy(e -> assertThat(e.kind()).isEqualTo(ConfigError.Kind.SYNTAX));
    }
}
