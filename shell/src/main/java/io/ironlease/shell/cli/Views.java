package io.ironlease.shell.cli;

import io.ironlease.omapi.wire.OmapiValueException;
import io.ironlease.omapi.wire.OmapiValues;
import java.time.Instant;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;

/**
 * Typed views of the objects the commands print, in two forms: the stable JSON document (every key
 * always present, null when the server sent nothing; states as name and code; times ISO-8601 UTC;
 * addresses as text) and aligned human text. A value of the wrong size for its name is shown as raw
 * hex rather than dropped.
 */
final class Views {

    private static final HexFormat HEX = HexFormat.ofDelimiter(":");
    static final List<String> LEASE_TIMES = List.of("starts", "ends", "cltt", "tstp", "tsfp", "atsfp");

    private Views() {
    }

    /** A lease object's attributes (lease reply or a listing page entry). */
    static Map<String, Object> lease(OmapiValues v) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("ip-address", ip(v, "ip-address"));
        json.put("state", state(StateName.LEASE, v, "state"));
        json.put("hardware-address", hex(v, "hardware-address"));
        json.put("hardware-type", integer(v, "hardware-type"));
        json.put("dhcp-client-identifier", hex(v, "dhcp-client-identifier"));
        json.put("client-hostname", text(v, "client-hostname"));
        for (String time : LEASE_TIMES) {
            json.put(time, time(v, time));
        }
        return json;
    }

    /** A host object's attributes. */
    static Map<String, Object> host(OmapiValues v) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("name", text(v, "name"));
        json.put("ip-address", ip(v, "ip-address"));
        json.put("hardware-address", hex(v, "hardware-address"));
        json.put("hardware-type", integer(v, "hardware-type"));
        json.put("dhcp-client-identifier", hex(v, "dhcp-client-identifier"));
        return json;
    }

    /** A failover-state object's attributes, plus {@code split} (hash buckets this server owns). */
    static Map<String, Object> failover(OmapiValues v) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("name", text(v, "name"));
        json.put("local-state", state(StateName.FAILOVER, v, "local-state"));
        json.put("partner-state", state(StateName.FAILOVER, v, "partner-state"));
        json.put("local-stos", time(v, "local-stos"));
        json.put("partner-stos", time(v, "partner-stos"));
        Long hierarchy = integer(v, "hierarchy");
        json.put("role", hierarchy == null ? null : hierarchy == 0 ? "primary" : hierarchy == 1 ? "secondary" : "unknown");
        json.put("mclt", integer(v, "mclt"));
        json.put("max-response-delay", integer(v, "max-response-delay"));
        json.put("max-outstanding-updates", integer(v, "max-outstanding-updates"));
        json.put("load-balance-max-secs", integer(v, "load-balance-max-secs"));
        byte[] hba = v.data("load-balance-hba").orElse(null);
        json.put("split", hba == null || hba.length != 32 ? null : bits(hba));
        json.put("load-balance-hba", hba == null ? null : HexFormat.of().formatHex(hba));
        // ISC dhcpd 4.4.3 sends 8 bytes of heap pointer for the addresses: shown only when 4 bytes came
        json.put("local-address", ip(v, "local-address"));
        json.put("local-port", integer(v, "local-port"));
        json.put("partner-address", ip(v, "partner-address"));
        json.put("partner-port", integer(v, "partner-port"));
        json.put("last-packet-sent", time(v, "last-packet-sent"));
        json.put("last-timestamp-received", time(v, "last-timestamp-received"));
        json.put("skew", integer(v, "skew"));
        json.put("cur-unacked-updates", integer(v, "cur-unacked-updates"));
        return json;
    }

    /** Human text: a title line, then {@code key  value} lines for the non-null values. */
    static String text(String title, Map<String, Object> json) {
        StringBuilder out = new StringBuilder(title).append('\n');
        int width = json.keySet().stream().mapToInt(String::length).max().orElse(0);
        for (Map.Entry<String, Object> entry : json.entrySet()) {
            Object value = entry.getValue();
            if (value == null) {
                continue;
            }
            if (value instanceof Map<?, ?> state) {
                value = state.get("name") + " (" + state.get("code") + ")";
            }
            out.append("  ").append(entry.getKey()).append(" ".repeat(width - entry.getKey().length() + 2))
                    .append(value).append('\n');
        }
        return out.toString();
    }

    static Map<String, Object> stateJson(StateName names, long code) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("name", names.name((int) code));
        json.put("code", code);
        return json;
    }

    private static Map<String, Object> state(StateName names, OmapiValues v, String name) {
        Long code = integer(v, name);
        return code == null ? null : stateJson(names, code);
    }

    private static Long integer(OmapiValues v, String name) {
        try {
            OptionalLong value = v.uint32(name);
            return value.isPresent() ? value.getAsLong() : null;
        } catch (OmapiValueException e) {
            return null;
        }
    }

    private static String time(OmapiValues v, String name) {
        Long seconds = integer(v, name);
        return seconds == null || seconds == 0 ? null : Instant.ofEpochSecond(seconds).toString();
    }

    private static String ip(OmapiValues v, String name) {
        try {
            return v.ipv4(name).map(Object::toString).orElse(null);
        } catch (OmapiValueException e) {
            return null;
        }
    }

    private static String hex(OmapiValues v, String name) {
        return v.data(name).map(HEX::formatHex).orElse(null);
    }

    private static String text(OmapiValues v, String name) {
        return v.string(name).orElse(null);
    }

    private static int bits(byte[] bytes) {
        int count = 0;
        for (byte b : bytes) {
            count += Integer.bitCount(b & 0xff);
        }
        return count;
    }
}
