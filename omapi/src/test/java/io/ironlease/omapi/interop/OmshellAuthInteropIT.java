package io.ironlease.omapi.interop;

import static org.assertj.core.api.Assertions.assertThat;

import io.ironlease.omapi.server.OmapiServer;
import io.ironlease.omapi.testing.GoldenVectors;
import io.ironlease.omapi.testing.MemoryHostProvider;
import io.ironlease.omapi.testing.MemoryLeaseProvider;
import io.ironlease.omapi.wire.OmapiFrame;
import io.ironlease.omapi.wire.OmapiMessage;
import io.ironlease.omapi.wire.Opcode;
import java.net.InetAddress;
import java.util.List;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The real {@code /usr/bin/omshell} (script on stdin) against our server on loopback prints exactly
 * what it printed against ISC dhcpd 4.4.3 for the same script (reference omshell/*.in|out): right key,
 * no key, wrong secret, unknown key name, lookups of things that do not exist, and lease lookups whose
 * data is seeded from the dhcpd capture (so even the handles agree).
 */
@Tag("interop")
class OmshellAuthInteropIT {

    private static OmapiServer server() throws Exception {
        MemoryLeaseProvider leases = new MemoryLeaseProvider(null);
        for (OmapiFrame frame : GoldenVectors.load("p05-lease-by-ip").serverMessages()) {
            OmapiMessage reply = frame.message();
            if (reply.op() == Opcode.UPDATE && reply.object().contains("state")) {
                leases.add(MemoryLeaseProvider.fromValues(reply.object()));
            }
        }
        return OmapiServer.builder().port(0).bindAddress(InetAddress.getLoopbackAddress()).key(GoldenVectors.labKey())
                .provider(leases).provider(new MemoryHostProvider(null)).build().start();
    }

    @ParameterizedTest
    @ValueSource(strings = {"p01-connect-key", "p02-connect-nokey", "p03-connect-wrong-secret",
        "p04-connect-unknown-keyname", "p05-lease-by-ip", "p12-nonexistent"})
    void omshellPrintsWhatItPrintedAgainstDhcpd(String scenario) throws Exception {
        String omshell = Programs.require("/usr/bin/omshell");
        String script = GoldenVectors.resource("/omshell/" + scenario + ".in");
        String expected = GoldenVectors.resource("/omshell/" + scenario + ".out");
        String expectedErr = scenario.startsWith("p04") ? GoldenVectors.resource("/omshell/" + scenario + ".err") : "";
        try (OmapiServer server = server()) {
            String ours = script.replace("port 7912", "port " + server.port());
            assertThat(ours).contains("port " + server.port());
            Programs.Result result = Programs.run(List.of(omshell), ours, 60);
            assertThat(result.stdout()).isEqualTo(expected);
            assertThat(result.stderr()).isEqualTo(expectedErr);
            assertThat(result.exitCode()).isZero();
        }
    }
}
