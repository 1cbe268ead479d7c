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

/** {@code -f x} (dhcpstatus-like), and {@code -f X} with the active leases first. */
public final class XmlRenderer implements Renderer {

    private final OutputLimit limit;
    private final boolean listLeases;

    public XmlRenderer(OutputLimit limit, boolean listLeases) {
        this.limit = limit;
        this.listLeases = listLeases;
    }

    @Override
    public void render(Analysis analysis, Writer out) throws IOException {
        StringBuilder text = new StringBuilder(256).append("<dhcpstatus>\n");
        if (listLeases) {
            SortedLeases leases = analysis.leases();
            for (int i = 0; i < leases.size(); i++) {
                if (leases.kind(i) == LeaseKind.ACTIVE) {
                    text.append("<active_lease>\n\t<ip>").append(new Ipv4Address(leases.ips()[i]))
                            .append("</ip>\n\t<macaddress>").append(escape(leases.mac(i)))
                            .append("</macaddress>\n</active_lease>\n");
                    TextRenderer.flushIfLarge(text, out);
                }
            }
        }
        if (limit.numbers(RANGES)) {
            for (RangeUsage r : analysis.ranges()) {
                text.append("<subnet>\n\t<location>").append(escape(r.networkName())).append("</location>\n")
                        .append("\t<range>").append(r.first()).append(" - ").append(r.last()).append("</range>\n");
                counts(text, r.size(), r.used(), r.touched(), r.free());
                text.append("</subnet>\n");
                TextRenderer.flushIfLarge(text, out);
            }
        }
        if (limit.numbers(SHARED_NETWORKS)) {
            for (NetworkUsage n : analysis.sharedNetworks()) {
                text.append("<shared-network>\n\t<location>").append(escape(n.name())).append("</location>\n");
                counts(text, n.defined(), n.used(), n.touched(), n.free());
                text.append("</shared-network>\n");
            }
        }
        // as in dhcpd-pools, the header digit of -L decides the summary
        if (limit.header(TOTAL)) {
            NetworkUsage all = analysis.all();
            text.append("<summary>\n\t<location>").append(escape(all.name())).append("</location>\n");
            counts(text, all.defined(), all.used(), all.touched(), all.free());
            text.append("</summary>\n");
        }
        text.append("</dhcpstatus>\n");
        out.write(text.toString());
    }

    private static void counts(StringBuilder text, double defined, double used, double touched, double free) {
        text.append("\t<defined>").append(g(defined)).append("</defined>\n")
                .append("\t<used>").append(g(used)).append("</used>\n")
                .append("\t<touched>").append(g(touched)).append("</touched>\n")
                .append("\t<free>").append(g(free)).append("</free>\n");
    }

    /** XML character escaping; names dhcpd-pools can read never need it. */
    static String escape(String value) {
        if (value.indexOf('&') < 0 && value.indexOf('<') < 0 && value.indexOf('>') < 0) {
            return value;
        }
        return value.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }
}
