package io.ironlease.shell.lang;

import static org.assertj.core.api.Assertions.assertThat;

import io.ironlease.omapi.testing.GoldenVectors;
import io.ironlease.omapi.testing.ReplayServer;
import io.ironlease.shell.session.ClientSession;
import java.time.Duration;
import java.util.HexFormat;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every captured omshell session (reference omshell/*.in) run through our interpreter and client
 * against a replay of dhcpd's side of the capture: we print exactly what omshell printed (stdout and
 * stderr, byte for byte) and send exactly the bytes omshell sent (ids, value order, signatures), since
 * the replay answers only a byte-identical request.
 */
class OmshellCaptureGoldenTest {

    static Iterable<String> sessions() {
        return GoldenVectors.SESSIONS;
    }

    @ParameterizedTest
    @MethodSource("sessions")
    void printsAndSendsWhatOmshellDid(String name) throws Exception {
        GoldenVectors.Session session = GoldenVectors.load(name);
        String script = Scripts.resource("/captures/omshell/" + name + ".in", false);
        try (ReplayServer replay = new ReplayServer(session)) {
            String ours = script.replace("port 7912", "port " + replay.port());
            Scripts.Printed printed = Scripts.run(ours, new ClientSession(Duration.ofSeconds(5), Duration.ofSeconds(10)));
            assertThat(printed.out()).isEqualTo(Scripts.resource("/captures/omshell/" + name + ".out", false));
            assertThat(printed.err()).isEqualTo(Scripts.resource("/captures/omshell/" + name + ".err", true));
            byte[] sent = replay.clientBytes().get(10, TimeUnit.SECONDS);
            assertThat(HexFormat.of().formatHex(sent)).isEqualTo(HexFormat.of().formatHex(session.clientStream()));
        }
    }
}
