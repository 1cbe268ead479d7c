package io.ironlease.shell.lang;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The parser's corner cases print what /usr/bin/omshell 4.4.3 printed for the same script (captured in
 * {@code captures/quirks}): warnings with their line and caret, usage lines, value typing, the order of
 * omshell's checks; nothing is sent to a server.
 */
class OmshellQuirksGoldenTest {

    @ParameterizedTest
    @ValueSource(strings = {"q01-lexer", "q02-settings", "q03-values", "q04-bytes"})
    void printsWhatOmshellPrinted(String name) throws Exception {
        String script = Scripts.resource("/captures/quirks/" + name + ".in", false);
        Scripts.Printed printed = Scripts.run(script, new StubSession());
        assertThat(printed.out()).isEqualTo(Scripts.resource("/captures/quirks/" + name + ".out", false));
        assertThat(printed.err()).isEqualTo(Scripts.resource("/captures/quirks/" + name + ".err", true));
    }
}
