package io.ironlease.pools.render;

import static io.ironlease.pools.render.CFormat.g;
import static io.ironlease.pools.render.OutputLimit.RANGES;
import static io.ironlease.pools.render.OutputLimit.SHARED_NETWORKS;
import static io.ironlease.pools.render.OutputLimit.TOTAL;

import io.ironlease.pools.analysis.Analysis;
import io.ironlease.pools.analysis.NetworkUsage;
import io.ironlease.pools.analysis.RangeUsage;
import io.ironlease.pools.model.LeaseKind;
import io.ironlease.pools.model.LeaseTable.SortedLeases;
import io.ironlease.shared.net.Ipv4Address;
import java.io.IOException;
import java.io.Writer;
import java.util.List;

/** {@code -f j}, and {@code -f J} with the active leases and their hardware addresses first. */
public final class JsonRenderer implements Renderer {

    private static final String INDENT = "         ";

    private final OutputLimit limit;
    private final boolean listLeases;

    public JsonRenderer(OutputLimit limit, boolean listLeases) {
        this.limit = limit;
        this.listLeases = listLeases;
    }

    @Override
    public void render(Analysis analysis, Writer out) throws IOException {
        StringBuilder text = new StringBuilder(256).append("{\n");
        boolean sectionBefore = false;
        if (listLeases) {
            text.append("   \"active_leases\": [");
            SortedLeases leases = analysis.leases();
            boolean first = true;
            for (int i = 0; i < leases.size(); i++) {
                if (leases.kind(i) == LeaseKind.ACTIVE) {
                    text.append(first ? "" : ",").append("\n         { \"ip\":\"")
                            .append(new Ipv4Address(leases.ips()[i])).append("\", \"macaddress\":\"")
                            .append(escape(leases.mac(i))).append("\" }");
                    first = false;
                    TextRenderer.flushIfLarge(text, out);
                }
            }
            text.append("\n   ]");
            sectionBefore = true;
        }
        if (limit.numbers(RANGES)) {
            text.append(sectionBefore ? ",\n" : "").append("   \"subnets\": [\n");
            List<RangeUsage> ranges = analysis.ranges();
            for (int i = 0; i < ranges.size(); i++) {
                RangeUsage r = ranges.get(i);
                text.append(INDENT).append("{ \"location\":\"").append(escape(r.networkName()))
                        .append("\", \"range\":\"").append(r.first()).append(" - ").append(r.last())
                        .append("\", \"defined\":").append(g(r.size())).append(", \"used\":").append(g(r.used()))
                        .append(", \"touched\":").append(g(r.touched())).append(", \"free\":").append(g(r.free()))
                        .append(i + 1 < ranges.size() ? " },\n" : " }\n");
                TextRenderer.flushIfLarge(text, out);
            }
            text.append("   ]");
            sectionBefore = true;
        }
        if (limit.numbers(SHARED_NETWORKS)) {
            text.append(sectionBefore ? ",\n" : "").append("   \"shared-networks\": [\n");
            List<NetworkUsage> networks = analysis.sharedNetworks();
            for (int i = 0; i < networks.size(); i++) {
                NetworkUsage n = networks.get(i);
                text.append(INDENT).append("{ \"location\":\"").append(escape(n.name())).append("\", \"defined\":")
                        .append(g(n.defined())).append(", \"used\":").append(g(n.used())).append(", \"touched\":")
                        .append(g(n.touched())).append(", \"free\":").append(g(n.free()))
                        .append(i + 1 < networks.size() ? " },\n" : " }\n");
            }
            text.append("   ]");
            sectionBefore = true;
        }
        // dhcpd-pools prints the summary by the header digit of -L, not the numbers digit
        if (limit.header(TOTAL)) {
            NetworkUsage all = analysis.all();
            text.append(sectionBefore ? ",\n" : "").append("   \"summary\": {\n")
                    .append(INDENT).append("\"location\":\"").append(escape(all.name())).append("\",\n")
                    .append(INDENT).append("\"defined\":").append(g(all.defined())).append(",\n")
                    .append(INDENT).append("\"used\":").append(g(all.used())).append(",\n")
                    .append(INDENT).append("\"touched\":").append(g(all.touched())).append(",\n")
                    .append(INDENT).append("\"free\":").append(g(all.free())).append('\n')
                    .append("   }");
        }
        text.append("\n}\n");
        out.write(text.toString());
    }

    /** JSON string escaping (RFC 8259 section 7); names dhcpd-pools can read never need it. */
    static String escape(String value) {
        StringBuilder escaped = null;
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c == '"' || c == '\\' || c < 0x20) {
                if (escaped == null) {
                    escaped = new StringBuilder(value.substring(0, i));
                }
                escaped.append(c == '"' ? "\\\"" : c == '\\' ? "\\\\" : String.format("\\u%04x", (int) c));
            } else if (escaped != null) {
                escaped.append(c);
            }
        }
        return escaped == null ? value : escaped.toString();
    }
}
