package io.ironlease.shell.interop;

import static org.assertj.core.api.Assertions.assertThat;

import io.ironlease.omapi.interop.NetnsDhcpd;
import io.ironlease.omapi.testing.GoldenVectors;
import io.ironlease.shared.keys.OmapiKey;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Our shell against ISC dhcpd 4.4.3 (in a network namespace made by the test), side by side with the
 * real /usr/bin/omshell: the captured omshell scripts print the same on both, byte for byte, stdout
 * and stderr (lookups, refresh, host create/update/remove, group, failures, no key, wrong secret,
 * unknown key). Then the one-shot commands against dhcpd: lease JSON agrees with what omshell shows,
 * and the documented exit codes for not found, authentication and the listing extension dhcpd lacks.
 */
@Tag("interop")
class ShellInteropIT {

    private static final OmapiKey KEY = GoldenVectors.labKey();
    private static NetnsDhcpd dhcpd;
    @TempDir
    static Path dir;

    @BeforeAll
    static void start() throws Exception {
        dhcpd = LabDhcpd.plain(KEY, Instant.now());
    }

    @AfterAll
    static void stop() throws Exception {
        if (dhcpd != null) {
            dhcpd.close();
        }
    }

    static String script(String name, int port) {
        String script = Shells.resource("/captures/omshell/" + name + ".in");
        assertThat(script).contains("port 7912\n");
        return script.replace("port 7912\n", "port " + port + "\n");
    }

    private static void assertSame(String name, NetnsDhcpd forOmshell, NetnsDhcpd forUs) throws Exception {
        Shells.Printed omshell = Shells.omshell(script(name, forOmshell.port()));
        Shells.Printed ours = Shells.ours(script(name, forUs.port()));
        assertThat(omshell.out()).as("omshell ran %s", name).contains("> ");
        assertThat(ours.out()).as("%s stdout; dhcpd log:%n%s", name, forUs.log()).isEqualTo(omshell.out());
        assertThat(ours.err()).as("%s stderr", name).isEqualTo(omshell.err());
    }

    @ParameterizedTest
    @ValueSource(strings = {"p01-connect-key", "p02-connect-nokey", "p03-connect-wrong-secret",
        "p04-connect-unknown-keyname", "p05-lease-by-ip", "p06-lease-by-hw-and-uid", "p10-host-lookups",
        "p11-failover-state-unconfigured", "p12-nonexistent", "p13-bad-attributes", "p15-lease-update",
        "p16-control-open"})
    void lookupsAndFailuresPrintWhatOmshellPrints(String name) throws Exception {
        assertSame(name, dhcpd, dhcpd);
    }

    @Test
    void hostAndGroupChangesPrintWhatOmshellPrints() throws Exception {
        Instant now = Instant.now();
        try (NetnsDhcpd forOmshell = LabDhcpd.plain(KEY, now); NetnsDhcpd forUs = LabDhcpd.plain(KEY, now)) {
            for (String name : List.of("p07-host-create", "p08-host-update", "p09-host-remove", "p14-group")) {
                assertSame(name, forOmshell, forUs);
            }
        }
    }

    @Test
    void leaseJsonAgreesWithOmshell() throws Exception {
        Shells.Printed omshell = Shells.omshell(script("p05-lease-by-ip", dhcpd.port()));
        Matcher ends = Pattern.compile("ip-address = c0:a8:64:64\nstate = 00:00:00:02\n(?:.*\n)*?ends = ([0-9a-f:]{11})\n")
                .matcher(omshell.out());
        assertThat(ends.find()).as(omshell.out()).isTrue();
        long seconds = Long.parseLong(ends.group(1).replace(":", ""), 16);
        OneShot lease = OneShot.run("lease", "--ip", "192.168.100.100", "--json", "--port", Integer.toString(dhcpd.port()),
                "--key-file", keyFile().toString());
        assertThat(lease.exitCode()).as(lease.err()).isZero();
        assertThat(lease.out()).contains("\"ip-address\": \"192.168.100.100\"", "\"name\": \"active\"",
                "\"hardware-address\": \"52:54:00:aa:00:01\"", "\"dhcp-client-identifier\": \"01:52:54:00:aa:00:01\"",
                "\"client-hostname\": \"lab-client-01\"", "\"ends\": \"" + Instant.ofEpochSecond(seconds) + "\"");
        OneShot host = OneShot.run("host", "show", "--name", "fixed-two", "--json", "--port",
                Integer.toString(dhcpd.port()), "--key-file", keyFile().toString());
        assertThat(host.exitCode()).as(host.err()).isZero();
        assertThat(host.out()).contains("\"ip-address\": \"192.168.100.11\"", "\"hardware-address\": \"52:54:00:00:01:02\"");
    }

    @Test
    void exitCodesAgainstDhcpd() throws Exception {
        String port = Integer.toString(dhcpd.port());
        String key = keyFile().toString();
        assertThat(OneShot.run("lease", "--ip", "192.168.100.250", "--port", port, "--key-file", key).exitCode())
                .isEqualTo(5);
        OneShot listing = OneShot.run("leases", "--state", "active", "--port", port, "--key-file", key);
        assertThat(listing.exitCode()).isEqualTo(6);
        assertThat(listing.err()).contains("this server does not support lease listing (ISC dhcpd?)");
        Path wrong = dir.resolve("wrong.key");
        Files.writeString(wrong, "key omapi_key { algorithm hmac-md5; secret \"d3Jvbmctc2VjcmV0LWtleQ==\"; };\n");
        assertThat(OneShot.run("lease", "--ip", "192.168.100.100", "--port", port, "--key-file", wrong.toString())
                .exitCode()).isEqualTo(4);
        Path unknown = dir.resolve("unknown.key");
        Files.writeString(unknown, "key nosuch_key { algorithm hmac-md5; secret \"" + KEY.secretBase64() + "\"; };\n");
        assertThat(OneShot.run("lease", "--ip", "192.168.100.100", "--port", port, "--key-file", unknown.toString())
                .exitCode()).isEqualTo(4);
        assertThat(OneShot.run("lease", "--ip", "192.168.100.100", "--port", port).exitCode()).isEqualTo(4);
    }

    static Path keyFile() throws Exception {
        Path file = dir.resolve("omapi.key");
        if (!Files.exists(file)) {
            Files.writeString(file, "key omapi_key {\n  algorithm hmac-md5;\n  secret \"" + KEY.secretBase64() + "\";\n};\n");
        }
        return file;
    }
}
