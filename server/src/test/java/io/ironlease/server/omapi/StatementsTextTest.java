package io.ironlease.server.omapi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.ironlease.omapi.wire.OmapiException;
import org.junit.jupiter.api.Test;

/** omshell's statements text written as dhcpd writes it into the lease file (OMAPI-NOTES section 8). */
class StatementsTextTest {

    @Test
    void optionsAndParametersBecomeSupersedeStatementsAsInTheCaptures() throws OmapiException {
        assertThat(StatementsText.parse("option host-name \"omapi-host-2\";"))
                .containsExactly("supersede host-name = \"omapi-host-2\";");
        assertThat(StatementsText.parse("default-lease-time 600; option domain-name \"grp.example\";"))
                .containsExactly("supersede server.default-lease-time = 00:00:02:58;",
                        "supersede domain-name = \"grp.example\";");
    }

    @Test
    void binaryValuesAreColonHexAndModesOtherThanOptionAreKept() throws OmapiException {
        assertThat(StatementsText.parse("option routers 10.0.0.1, 192.168.1.254;"))
                .containsExactly("supersede routers = 0a:00:00:01:c0:a8:01:fe;");
        assertThat(StatementsText.parse("default domain-name \"a\"; append domain-name \"b\";"))
                .containsExactly("default domain-name = \"a\";", "append domain-name = \"b\";");
        assertThat(StatementsText.parse("")).isEmpty();
    }

    @Test
    void anythingButLiteralSettingsIsABadParse() {
        for (String text : new String[] {"option host-name", "if known { option host-name \"x\"; }",
            "option domain-name-servers ns.example;", "option host-name = concat(\"a\", \"b\");",
            "hardware ethernet 52:54:00:00:00:01;", "option no-such-option 1;", "host x { }"}) {
            assertThatThrownBy(() -> StatementsText.parse(text)).as(text).isInstanceOf(OmapiException.class)
                    .extracting(e -> ((OmapiException) e).status()).isEqualTo(StatementsText.BAD_PARSE);
        }
    }
}
