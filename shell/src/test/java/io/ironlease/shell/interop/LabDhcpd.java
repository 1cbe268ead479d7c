package io.ironlease.shell.interop;

import io.ironlease.omapi.interop.NetnsDhcpd;
import io.ironlease.shared.keys.OmapiKey;
import java.time.Instant;

/**
 * ISC dhcpd 4.4.3 set up like the OMAPI reference lab (plain or failover mode), in a network namespace
 * made by the test (omapi's {@link NetnsDhcpd}): hosts fixed-one and fixed-two, and leases in the
 * states the captures cover (active, released, abandoned, active without a hostname).
 */
final class LabDhcpd {

    private LabDhcpd() {
    }

    static NetnsDhcpd plain(OmapiKey key, Instant now) throws Exception {
        return NetnsDhcpd.start(config(key, false), leases(now));
    }

    static NetnsDhcpd failover(OmapiKey key, Instant now) throws Exception {
        return NetnsDhcpd.start(config(key, true), leases(now));
    }

    private static String config(OmapiKey key, boolean failover) {
        String pool = failover
                ? "  pool {\n    failover peer \"omlab-failover\";\n    range 192.168.100.100 192.168.100.199;\n  }\n"
                : "  range 192.168.100.100 192.168.100.199;\n";
        return String.join("\n",
                "# ironlease shell interop test: the OMAPI lab's " + (failover ? "failover" : "plain") + " configuration",
                "authoritative;", "ddns-update-style none;", "default-lease-time 3600;", "max-lease-time 7200;",
                "one-lease-per-client true;", "ping-check false;", "omapi-port " + NetnsDhcpd.OMAPI_PORT + ";",
                "key " + key.name() + " { algorithm " + key.algorithm().configName() + "; secret \""
                        + key.secretBase64() + "\"; };",
                "omapi-key " + key.name() + ";",
                failover ? "failover peer \"omlab-failover\" {\n  primary;\n  address 127.0.0.1;\n  port 647;\n"
                        + "  peer address 127.0.0.2;\n  peer port 847;\n  max-response-delay 60;\n"
                        + "  max-unacked-updates 10;\n  mclt 300;\n  split 128;\n  load balance max seconds 3;\n}" : "",
                "subnet 192.168.100.0 netmask 255.255.255.0 {", pool + "}",
                "host fixed-one { hardware ethernet 52:54:00:00:01:01; fixed-address 192.168.100.10; }",
                "host fixed-two { hardware ethernet 52:54:00:00:01:02; fixed-address 192.168.100.11; "
                        + "option host-name \"fixed-two\"; }", "");
    }

    private static String leases(Instant now) {
        String started = NetnsDhcpd.leaseTime(now.minusSeconds(600));
        String ends = NetnsDhcpd.leaseTime(now.plusSeconds(3000));
        return "# ironlease shell interop test leases\n"
                + lease("192.168.100.100", started, ends, "active", "52:54:00:aa:00:01", "\\001RT\\000\\252\\000\\001",
                        "lab-client-01")
                + lease("192.168.100.101", started, ends, "active", "52:54:00:aa:00:02", "\\001RT\\000\\252\\000\\002",
                        "lab-client-02")
                + lease("192.168.100.105", started, started, "free", "52:54:00:aa:00:06", "\\001RT\\000\\252\\000\\006",
                        null)
                + lease("192.168.100.106", started, NetnsDhcpd.leaseTime(now.plusSeconds(86400)), "abandoned", null, null,
                        null)
                + lease("192.168.100.110", started, ends, "active", "52:54:00:bb:00:03", "\\001RT\\000\\273\\000\\003",
                        null);
    }

    private static String lease(String ip, String starts, String ends, String state, String mac, String uid,
            String hostname) {
        StringBuilder lease = new StringBuilder("lease " + ip + " {\n  starts " + starts + ";\n  ends " + ends
                + ";\n  cltt " + starts + ";\n  binding state " + state + ";\n  next binding state free;\n"
                + "  rewind binding state free;\n");
        if (mac != null) {
            lease.append("  hardware ethernet ").append(mac).append(";\n");
        }
        if (uid != null) {
            lease.append("  uid \"").append(uid).append("\";\n");
        }
        if (hostname != null) {
            lease.append("  client-hostname \"").append(hostname).append("\";\n");
        }
        return lease.append("}\n").toString();
    }
}
