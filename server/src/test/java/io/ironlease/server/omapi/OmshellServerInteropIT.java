package io.ironlease.server.omapi;

import static org.assertj.core.api.Assertions.assertThat;

import io.ironlease.omapi.interop.Programs;
import io.ironlease.shared.keys.KeyAlgorithm;
import io.ironlease.shared.keys.OmapiKey;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Interop 1: the real {@code /usr/bin/omshell} against our server assembly prints what it printed
 * against ISC dhcpd 4.4.3 for the same scripts (the captured omshell/*.in and *.out), run in the
 * capture's order against one server started from the capture's dhcpd.conf and lease file, with the
 * clock at the capture's time, so even handles and lease times agree. A fresh test-only key replaces
 * the lab key. The differences are on purpose, and each is applied to the expected text explicitly:
 * the configured failover addresses instead of dhcpd's pointer bytes, a client-hostname UPDATE that
 * takes effect (p15), a read-only failover attribute refused (f22), and a control shutdown that is
 * answered before the server stops (p99).
 */
@Tag("interop")
class OmshellServerInteropIT {

    private static final String LAB_SECRET = "mqrZp5fdsE0IGpJxsoE2hA==";
    private static final List<String> PLAIN = List.of("p01-connect-key", "p02-connect-nokey", "p03-connect-wrong-secret",
            "p04-connect-unknown-keyname", "p05-lease-by-ip", "p06-lease-by-hw-and-uid", "p07-host-create",
            "p08-host-update", "p09-host-remove", "p10-host-lookups", "p11-failover-state-unconfigured",
            "p12-nonexistent", "p13-bad-attributes", "p14-group", "p15-lease-update", "p16-control-open");
    private static final List<String> FAILOVER = List.of("f21-failover-state-open", "f22-failover-state-bad",
            "f23-failover-partner-down", "f24-failover-lease");

    private final OmapiKey key = TestConfigs.key("omapi_key", KeyAlgorithm.HMAC_MD5);

    @TempDir
    Path dir;

    private String config(String name) {
        return OmapiFixture.text("/omapi/conf/" + name).replace(LAB_SECRET, key.secretBase64());
    }

    private void omshell(String scenario, int port, String expected) throws Exception {
        String omshell = Programs.require("/usr/bin/omshell");
        String script = OmapiFixture.text("/omapi/omshell/" + scenario + ".in").replace("port 7912", "port " + port)
                .replace(LAB_SECRET, key.secretBase64());
        Programs.Result result = Programs.run(List.of(omshell), script, 60);
        assertThat(result.stdout()).as(scenario).isEqualTo(expected);
        String expectedErr = scenario.startsWith("p04") ? OmapiFixture.text("/omapi/omshell/" + scenario + ".err") : "";
        assertThat(result.stderr()).as(scenario + " stderr").isEqualTo(expectedErr);
        assertThat(result.exitCode()).isZero();
    }

    private static String captured(String scenario) {
        return OmapiFixture.text("/omapi/omshell/" + scenario + ".out");
    }

    private static String replaceLast(String text, String from, String to) {
        int at = text.lastIndexOf(from);
        assertThat(at).as("expected text contains %s", from).isNotNegative();
        return text.substring(0, at) + to + text.substring(at + from.length());
    }

    @Test
    void thePlainSessionsPrintWhatTheyPrintedAgainstDhcpd() throws Exception {
        AtomicInteger shutdowns = new AtomicInteger();
        try (OmapiAssembly server = OmapiAssembly.start(dir, config("dhcpd-plain.conf"),
                OmapiFixture.text("/omapi/conf/dhcpd-plain-before.leases"), OmapiFixture.PLAIN_CAPTURE,
                shutdowns::incrementAndGet)) {
            for (String scenario : PLAIN) {
                String expected = captured(scenario);
                if (scenario.equals("p15-lease-update")) {
                    // dhcpd answered success and kept the old name; we change it
                    expected = replaceLast(expected, "client-hostname = \"lab-client-03\"",
                            "client-hostname = \"renamed-03\"");
                }
                omshell(scenario, server.port(), expected);
            }
            // dhcpd stops without answering (omshell: "connection reset by peer"); we answer, then stop
            String shutdown = captured("p99-control-shutdown").replace("can't update object: connection reset by peer\n",
                    "");
            omshell("p99-control-shutdown", server.port(), shutdown);
            org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(30)).until(() -> shutdowns.get() == 1);
        }
    }

    @Test
    void theFailoverSessionsPrintWhatTheyPrintedAgainstDhcpdWithTheRealAddresses() throws Exception {
        try (OmapiAssembly server = OmapiAssembly.start(dir, config("dhcpd-failover.conf"),
                OmapiFixture.text("/omapi/conf/dhcpd-failover-leases.leases"), OmapiFixture.FAILOVER_CAPTURE, () -> { })) {
            for (String scenario : FAILOVER) {
                String expected = captured(scenario)
                        .replace("partner-address = 50:94:78:de:6d:55:00:00", "partner-address = 7f:00:00:02")
                        .replace("local-address = a0:93:78:de:6d:55:00:00", "local-address = 7f:00:00:01");
                if (scenario.equals("f22-failover-state-bad")) {
                    // dhcpd answers success to mclt = 60 and changes nothing; we refuse it
                    expected = replaceLast(expected, "> obj: failover-state",
                            "> can't update object: permission denied\nobj: failover-state");
                }
                omshell(scenario, server.port(), expected);
            }
        }
    }
}
