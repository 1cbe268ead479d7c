package io.ironlease.server.omapi;

import static org.assertj.core.api.Assertions.assertThat;

import io.ironlease.omapi.wire.OmapiException;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.StringLength;

/** Whatever a client sends as statements, the only failure is dhcpd's bad-parse status. */
class StatementsTextProperties {

    @Property(tries = 500)
    void arbitraryTextParsesOrIsABadParse(@ForAll @StringLength(max = 200) String text) {
        try {
            assertThat(StatementsText.parse(text)).allSatisfy(s -> assertThat(s).endsWith(";"));
        } catch (OmapiException e) {
            assertThat(e.status()).isEqualTo(StatementsText.BAD_PARSE);
        }
    }

    @Property(tries = 300)
    void quotedTextRoundTripsAsAQuotedConstant(@ForAll @StringLength(min = 1, max = 40) String text) throws OmapiException {
        String clean = text.replaceAll("[^a-zA-Z0-9 .-]", "x");
        assertThat(StatementsText.parse("option domain-name \"" + clean + "\";"))
                .containsExactly("supersede domain-name = \"" + clean + "\";");
    }
}
