package io.ironlease.server.omapi;

import io.ironlease.omapi.interop.NetnsDhcpd;
import io.ironlease.shared.keys.KeyAlgorithm;
import io.ironlease.shared.keys.OmapiKey;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.Base64;

/** dhcpd.conf and dhcpd.leases texts for the OMAPI *IT tests, with keys generated per run (test-only). */
final class TestConfigs {

    private static final SecureRandom RANDOM = new SecureRandom();

    private TestConfigs() {
    }

    /** A fresh TEST-ONLY key. */
    static OmapiKey key(String name, KeyAlgorithm algorithm) {
        byte[] secret = new byte[algorithm == KeyAlgorithm.HMAC_MD5 ? 16 : 32];
        RANDOM.nextBytes(secret);
        return OmapiKey.fromBase64(name, algorithm, Base64.getEncoder().encodeToString(secret));
    }

    static String keyStanza(OmapiKey key) {
        return "key " + key.name() + " { algorithm " + key.algorithm().configName() + "; secret \""
                + key.secretBase64() + "\"; }\n";
    }

    /**
     * The OMAPI lab's subnet plus a /16 for listing tests; {@code omapiKey} null: no omapi-key.
     * {@code extra} goes at the top (more key stanzas).
     */
    static String config(OmapiKey omapiKey, String extra) {
        return "# ironlease OMAPI integration test (test-only keys)\n"
                + "authoritative;\nddns-update-style none;\ndefault-lease-time 3600;\nmax-lease-time 7200;\n"
                + "ping-check false;\nomapi-port 7911;\n" + extra
                + (omapiKey == null ? "" : keyStanza(omapiKey) + "omapi-key " + omapiKey.name() + ";\n")
                + "subnet 192.168.100.0 netmask 255.255.255.0 {\n  range 192.168.100.100 192.168.100.199;\n}\n"
                + "subnet 10.1.0.0 netmask 255.255.0.0 {\n  range 10.1.0.10 10.1.255.250;\n}\n"
                + "host fixed-one { hardware ethernet 52:54:00:00:01:01; fixed-address 192.168.100.10; }\n";
    }

    /**
     * Active leases started ten minutes before {@code now}: 192.168.100.100 onwards ({@code lab} of
     * them, hardware 52:54:00:aa:NN:NN) and 10.1.0.10 onwards ({@code bulk}, hardware 52:54:01:NN:NN:NN).
     */
    static String leases(Instant now, int lab, int bulk) {
        StringBuilder out = new StringBuilder("# ironlease OMAPI integration test leases\n");
        for (int i = 0; i < lab; i++) {
            lease(out, "192.168.100." + (100 + i), String.format("52:54:00:aa:%02x:%02x", i >> 8, i & 0xff),
                    "lab-client-" + i, now);
        }
        for (int i = 0; i < bulk; i++) {
            int n = 10 + i;
            lease(out, "10.1." + (n >> 8) + "." + (n & 0xff), String.format("52:54:01:%02x:%02x:%02x", i >> 16,
                    (i >> 8) & 0xff, i & 0xff), null, now);
        }
        return out.toString();
    }

    private static void lease(StringBuilder out, String ip, String mac, String hostname, Instant now) {
        out.append("lease ").append(ip).append(" {\n  starts ").append(NetnsDhcpd.leaseTime(now.minusSeconds(600)))
                .append(";\n  ends ").append(NetnsDhcpd.leaseTime(now.plusSeconds(3000))).append(";\n  cltt ")
                .append(NetnsDhcpd.leaseTime(now.minusSeconds(600)))
                .append(";\n  binding state active;\n  next binding state free;\n  rewind binding state free;\n")
                .append("  hardware ethernet ").append(mac).append(";\n");
        if (hostname != null) {
            out.append("  client-hostname \"").append(hostname).append("\";\n");
        }
        out.append("}\n");
    }
}
