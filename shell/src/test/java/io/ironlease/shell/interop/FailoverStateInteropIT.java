package io.ironlease.shell.interop;

import static org.assertj.core.api.Assertions.assertThat;

import io.ironlease.omapi.interop.NetnsDhcpd;
import io.ironlease.omapi.testing.GoldenVectors;
import io.ironlease.shared.keys.OmapiKey;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * ISC dhcpd 4.4.3 as a failover primary whose peer never answers (the lab's failover mode): omshell's
 * failover-state scripts print the same through our shell (the local state and its time masked: dhcpd
 * moves from startup to recover on its own, and f23 sets partner-down), and the one-shot
 * {@code failover-state} reports the peer, with {@code --expect} and {@code --config}.
 */
@Tag("interop")
class FailoverStateInteropIT {

    private static final OmapiKey KEY = GoldenVectors.labKey();
    private static final Pattern MOVING = Pattern.compile("(?m)^(local-state|local-stos|partner-stos) = .*$");
    private static NetnsDhcpd dhcpd;
    @TempDir
    static Path dir;

    @BeforeAll
    static void start() throws Exception {
        dhcpd = LabDhcpd.failover(KEY, Instant.now());
    }

    @AfterAll
    static void stop() throws Exception {
        if (dhcpd != null) {
            dhcpd.close();
        }
    }

    private static String masked(String out) {
        return MOVING.matcher(out).replaceAll("$1 = (masked)");
    }

    @ParameterizedTest
    @ValueSource(strings = {"f21-failover-state-open", "f22-failover-state-bad", "f24-failover-lease",
        "f23-failover-partner-down"})
    void failoverScriptsPrintWhatOmshellPrints(String name) throws Exception {
        String script = ShellInteropIT.script(name, dhcpd.port());
        Shells.Printed omshell = Shells.omshell(script);
        Shells.Printed ours = Shells.ours(script);
        assertThat(omshell.out()).contains("obj: ");
        assertThat(masked(ours.out())).as("%s; dhcpd log:%n%s", name, dhcpd.log()).isEqualTo(masked(omshell.out()));
        assertThat(ours.err()).isEqualTo(omshell.err());
        if (name.startsWith("f21")) {
            assertThat(ours.out()).contains("partner-port = 00:00:03:4f\n", "mclt = 00:00:01:2c\n",
                    "load-balance-hba = ff:ff:ff:ff:ff:ff:ff:ff:ff:ff:ff:ff:ff:ff:ff:ff:00:00:00:00:00:00:00:00:00:00:00:00:00:00:00:00\n");
        }
    }

    @Test
    void oneShotFailoverState() throws Exception {
        Path key = dir.resolve("omapi.key");
        Files.writeString(key, "key omapi_key { algorithm hmac-md5; secret \"" + KEY.secretBase64() + "\"; };\n");
        String port = Integer.toString(dhcpd.port());
        OneShot json = OneShot.run("failover-state", "--name", "omlab-failover", "--json", "--port", port,
                "--key-file", key.toString());
        assertThat(json.exitCode()).as(json.err()).isZero();
        assertThat(json.out()).contains("\"name\": \"omlab-failover\"", "\"role\": \"primary\"", "\"mclt\": 300",
                "\"split\": 128", "\"max-response-delay\": 60", "\"local-port\": 647", "\"partner-port\": 847",
                "\"local-address\": null", "\"partner-address\": null");
        assertThat(json.out()).containsPattern("\"local-state\": \\{\n    \"name\": \"(startup|recover|partner-down)\"");
        OneShot expectNormal = OneShot.run("failover-state", "--name", "omlab-failover", "--expect", "normal",
                "--port", port, "--key-file", key.toString());
        assertThat(expectNormal.exitCode()).isEqualTo(7);
        Path conf = dir.resolve("dhcpd.conf");
        Files.writeString(conf, "failover peer \"omlab-failover\" {\n  primary;\n}\n");
        OneShot fromConfig = OneShot.run("failover-state", "--config", conf.toString(), "--port", port,
                "--key-file", key.toString());
        assertThat(fromConfig.exitCode()).as(fromConfig.err()).isZero();
        assertThat(fromConfig.out()).startsWith("failover peer \"omlab-failover\"\n").contains("  role ", "primary");
        assertThat(OneShot.run("failover-state", "--name", "dhcp-failover", "--port", port, "--key-file",
                key.toString()).exitCode()).isEqualTo(5);
    }
}
