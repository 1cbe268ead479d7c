package io.ironlease.shared.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Our accept/reject verdict against ISC dhcpd 4.4.3's own {@code dhcpd -t} on the same files. A few
 * cases where ironlease is deliberately stricter than dhcpd (things the man page forbids but dhcpd
 * lets through) are listed apart, and the test proves dhcpd does accept them.
 */
class DhcpdInteropIT {

    private static final String PEER = "failover peer \"f\" { primary; address 127.0.0.1; peer address 127.0.0.2; "
            + "mclt 60; split 128; load balance max seconds 3; }\n";
    private static final String POOL = "subnet 10.0.0.0 netmask 255.255.255.0 { pool { failover peer \"f\"; "
            + "range 10.0.0.10 10.0.0.20; } }\n";
    private static final String SECONDARY = PEER.replace("primary", "secondary").replace("mclt 60; split 128; ", "");

    @TempDir
    static Path dir;
    private static String dhcpd;

    @BeforeAll
    static void findDhcpd() {
        dhcpd = Files.isExecutable(Path.of("/usr/sbin/dhcpd")) ? "/usr/sbin/dhcpd" : "dhcpd";
    }

    /** Configs both must accept (true) or both must reject (false). */
    private static Map<String, Boolean> agreed() {
        Map<String, Boolean> cases = new LinkedHashMap<>();
        for (String reference : List.of("failover/lab-pair-primary.conf", "failover/lab-pair-secondary.conf",
                "failover/seed-primary.conf", "failover/seed-secondary.conf", "failover/semantics-mini.conf",
                "failover/synthetic-1k.conf", "failover/takeover-primary.conf", "failover/takeover-secondary.conf",
                "omapi/dhcpd-failover.conf", "omapi/dhcpd-plain.conf", "lab/perf-primary.conf",
                "lab/perf-secondary.conf", "lab/single-lab.conf", "lab/single-perf.conf")) {
            cases.put(ConfigFixtures.text("reference/" + reference), true);
        }
        cases.put(ConfigFixtures.text("config/everything.conf"), true);
        cases.put(ConfigFixtures.text("seed/primary.conf"), false);
        cases.put(ConfigFixtures.text("seed/secondary.conf"), false);
        cases.put(ConfigFixtures.withRealSecret(ConfigFixtures.text("seed/primary.conf")), true);
        cases.put(ConfigFixtures.withRealSecret(ConfigFixtures.text("seed/secondary.conf")), true);
        cases.put(PEER + POOL, true);
        cases.put(SECONDARY + POOL, true);
        cases.put("subnet 10.0.0.0 netmask 255.255.255.0 { range 10.0.0.9 10.0.0.5; }\n", true);
        cases.put("host h { hardware ethernet 1:2:3:4:5:6; fixed-address 10.0.0.1, h.example.org; }\n", true);
        cases.put("defualt-lease-time 600;\n", false);
        cases.put("routers 10.0.0.1;\n", false);
        cases.put("option routerz 10.0.0.1;\n", false);
        cases.put("option foo.bar 1;\n", false);
        cases.put("subnet 10.0.0.0 netmask 255.255.255.0 { option routers 10.0.0.1 }\n", false);
        cases.put("option domain-name \"x;\n", false);
        cases.put("subnet 10.0.0.0 netmask 255.255.255.0 {\n", false);
        cases.put("authoritative;\n}\n", false);
        cases.put("range 10.0.0.1 10.0.0.2;\n", false);
        cases.put("subnet 10.0.0.1 netmask 255.255.255.0 { }\n", false);
        cases.put("subnet 10.0.0.0 netmask 255.255.255.0 { range 10.0.1.1 10.0.1.5; }\n", false);
        cases.put("subnet 10.0.0.0 netmask 255.255.255.0 { range 10.0.0.1 10.0.0.5; range 10.0.0.4 10.0.0.8; }\n", false);
        cases.put("shared-network x { subnet 10.0.0.0 netmask 255.255.255.0 { } pool { range 10.0.1.1 10.0.1.2; } }\n", false);
        cases.put("subnet 10.0.0.0 netmask 255.255.255.0 { pool { } }\n", false);
        cases.put(POOL, false);
        cases.put(PEER.replace("\"f\"", "\"g\"") + POOL, false);
        cases.put(PEER, false);
        cases.put(PEER.replace("mclt 60; ", "") + POOL, false);
        cases.put(PEER.replace("split 128; ", "") + POOL, false);
        cases.put(PEER.replace("primary", "secondary").replace("mclt 60; ", "") + POOL, false);
        cases.put(PEER.replace("split 128", "hba ff:ff") + POOL, false);
        cases.put(PEER.replace("split 128", "split 257") + POOL, false);
        cases.put(PEER.replace("peer address 127.0.0.2; ", "") + POOL, false);
        cases.put(PEER + PEER + POOL, false);
        cases.put("key omapi_key { algorithm hmac-md5; secret your_generated_key; }\n", false);
        cases.put("omapi-port 7911;\nomapi-key nokey;\n", false);
        cases.put("host a { hardware ethernet 1:2:3:4:5:6; }\nhost a { }\n", false);
        cases.put("host h { hardware ethernet zz:1; }\n", false);
        cases.put("if known { host h { } }\n", false);
        cases.put("ddns-update-style fancy;\n", false);
        cases.put("subnet6 2001:db8::/64 { }\n", false);
        cases.put(PEER + "subnet 10.0.0.0 netmask 255.255.255.0 { failover peer \"f\"; pool { range 10.0.0.1 10.0.0.2; } }\n",
                false);
        cases.put(PEER + "shared-network x { failover peer \"f\"; subnet 10.0.0.0 netmask 255.255.255.0 { pool { "
                + "range 10.0.0.1 10.0.0.2; } } }\n", false);
        cases.put(PEER + "failover peer \"f\" state { my state partner-down at 4 2024/01/02 03:04:05; "
                + "partner state normal at 4 2024/01/02 03:04:05; }\n" + POOL, true);
        return cases;
    }

    /** Configs dhcpd accepts although its man page forbids them (or they cannot work); we reject them. */
    private static List<String> stricter() {
        return List.of(
                "subnet 10.0.0.0 netmask 255.0.255.0 { }\n",
                PEER.replace("primary", "secondary").replace("split 128; ", "") + POOL,
                PEER.replace("split 128", "split 128; hba " + "ff:".repeat(16) + "00:".repeat(15) + "00") + POOL,
                PEER.replace("primary; ", "") + POOL,
                PEER.replace("address 127.0.0.1; peer", "peer") + POOL,
                "key k { algorithm hmac-foo; secret YWJj; }\n",
                "max-lease-time 50;\nmin-lease-time 200;\n");
    }

    @Test
    void sameVerdictAsDhcpd() throws Exception {
        List<String> mismatches = new ArrayList<>();
        int index = 0;
        for (Map.Entry<String, Boolean> entry : agreed().entrySet()) {
            Path file = write("agreed-" + index++ + ".conf", entry.getKey());
            boolean isc = dhcpdAccepts(file);
            boolean ours = ConfigLoader.loadLenient(file).ok();
            if (isc != entry.getValue() || ours != entry.getValue()) {
                mismatches.add("expected " + entry.getValue() + ", dhcpd " + isc + ", ironlease " + ours + ": "
                        + entry.getKey().lines().findFirst().orElse(""));
            }
        }
        assertThat(mismatches).isEmpty();
    }

    @Test
    void deliberatelyStricterThanDhcpd() throws Exception {
        int index = 0;
        for (String text : stricter()) {
            Path file = write("stricter-" + index++ + ".conf", text);
            assertThat(dhcpdAccepts(file)).as("dhcpd accepts: " + text).isTrue();
            assertThat(ConfigLoader.loadLenient(file).ok()).as("ironlease rejects: " + text).isFalse();
        }
    }

    private static Path write(String name, String text) throws IOException {
        return Files.writeString(dir.resolve(name), text);
    }

    private static boolean dhcpdAccepts(Path config) throws IOException, InterruptedException {
        Path leases = Files.writeString(dir.resolve("dhcpd.leases"), "");
        Process process = new ProcessBuilder(dhcpd, "-4", "-t", "-q", "-cf", config.toString(), "-lf",
                leases.toString(), "-pf", dir.resolve("dhcpd.pid").toString())
                .redirectErrorStream(true).redirectOutput(dir.resolve("dhcpd.out").toFile()).start();
        if (!process.waitFor(30, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new AssertionError("dhcpd -t did not finish within 30 s for " + config);
        }
        return process.exitValue() == 0;
    }
}
