package io.ironlease.shared.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.ironlease.shared.options.OptionRegistry;
import io.ironlease.shared.options.OptionType;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;

/** Option values given as text outside a config file. */
class ParseOptionValueTest {

    private static OptionType type(String name) {
        return OptionRegistry.standard().byQualifiedName(name).orElseThrow().type();
    }

    @Test
    void parsesAsTheConfigDoes() throws ConfigException {
        assertThat(HexFormat.of().formatHex(ConfigLoader.parseOptionValue(type("routers"), "10.0.0.1, 10.0.0.2")
                .encode())).isEqualTo("0a0000010a000002");
        assertThat(ConfigLoader.parseOptionValue(type("domain-search"), "\"a.example\", \"b.example\"").toIscText())
                .isEqualTo("\"a.example\", \"b.example\"");
    }

    @Test
    void rejectsTrailingJunkAndBadValues() {
        assertThatThrownBy(() -> ConfigLoader.parseOptionValue(type("subnet-mask"), "255.255.255.0 x"))
                .isInstanceOf(ConfigException.class).hasMessageContaining("value:1:15");
        assertThatThrownBy(() -> ConfigLoader.parseOptionValue(type("subnet-mask"), "not an address"))
                .isInstanceOf(ConfigException.class);
        assertThatThrownBy(() -> ConfigLoader.parseOptionValue(type("routers"), "10.0.0.1; option x"))
                .isInstanceOf(ConfigException.class).hasMessageContaining("after the value");
    }
}
