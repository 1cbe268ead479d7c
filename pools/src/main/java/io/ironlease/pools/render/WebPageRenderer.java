package io.ironlease.pools.render;

import static io.ironlease.pools.render.CFormat.f3;
import static io.ironlease.pools.render.CFormat.guardedPercent;
import static io.ironlease.pools.render.OutputLimit.RANGES;
import static io.ironlease.pools.render.OutputLimit.SHARED_NETWORKS;
import static io.ironlease.pools.render.OutputLimit.TOTAL;

import io.ironlease.pools.analysis.Analysis;
import io.ironlease.pools.analysis.NetworkUsage;
import io.ironlease.pools.analysis.RangeUsage;
import java.io.IOException;
import java.io.Writer;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;

/**
 * {@code -f web}, ours: one self-contained HTML5 page (inline style, no script, no CDN, so it works
 * offline and under a strict Content-Security-Policy) with a usage bar per row: active, backup and
 * touched shares of each range, shared network and the total; rows above --warning are tinted.
 */
public final class WebPageRenderer implements Renderer {

    private static final String STYLE = """
            body{font:14px/1.4 system-ui,sans-serif;margin:2em auto;max-width:72em;color:#222}
            h1{font-size:1.4em}h2{font-size:1.1em;margin-top:2em}small{color:#666}
            table{border-collapse:collapse;width:100%}th,td{padding:.25em .5em;border-bottom:1px solid #ddd}
            th{text-align:left;background:#f4f4f4}td.n{text-align:right;font-variant-numeric:tabular-nums}
            .bar{display:flex;height:.9em;width:12em;background:#eee;border-radius:2px;overflow:hidden}
            .a{background:#2b7bb9}.b{background:#8c6bb1}.t{background:#bbb}
            .hot td{background:#fff3f0}""";

    private final OutputLimit limit;
    private final String leaseFile;
    private final ZonedDateTime leaseFileModified;
    private final double warning;

    /** {@code warning}: rows whose active share exceeds it are highlighted (the --warning value). */
    public WebPageRenderer(OutputLimit limit, String leaseFile, ZonedDateTime leaseFileModified, double warning) {
        this.limit = limit;
        this.leaseFile = leaseFile;
        this.leaseFileModified = leaseFileModified;
        this.warning = warning;
    }

    @Override
    public void render(Analysis analysis, Writer out) throws IOException {
        StringBuilder h = new StringBuilder(8192);
        h.append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n")
                .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n")
                .append("<title>DHCP pool usage</title>\n<style>\n").append(STYLE).append("\n</style>\n</head>\n<body>\n")
                .append("<h1>DHCP pool usage</h1>\n<p><small>").append(XmlRenderer.escape(leaseFile))
                .append(", modified ").append(DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(leaseFileModified))
                .append(". Bars: <span class=\"a\">&nbsp;&nbsp;</span> active")
                .append(analysis.backupsFound() ? " <span class=\"b\">&nbsp;&nbsp;</span> backup" : "")
                .append(" <span class=\"t\">&nbsp;&nbsp;</span> touched.</small></p>\n");
        if (limit.numbers(TOTAL)) {
            h.append("<h2>All networks</h2>\n");
            table(h, false);
            row(h, analysis.all().name(), null, analysis.all());
            h.append("</tbody></table>\n");
        }
        if (limit.numbers(SHARED_NETWORKS) && !analysis.sharedNetworks().isEmpty()) {
            h.append("<h2>Shared networks</h2>\n");
            table(h, false);
            for (NetworkUsage n : analysis.sharedNetworks()) {
                row(h, n.name(), null, n);
            }
            h.append("</tbody></table>\n");
        }
        if (limit.numbers(RANGES)) {
            h.append("<h2>Ranges</h2>\n");
            table(h, true);
            for (RangeUsage r : analysis.ranges()) {
                row(h, r.networkName(), r.first() + " &ndash; " + r.last(),
                        new NetworkUsage(r.networkName(), r.size(), r.used(), r.touched(), r.backup()));
                TextRenderer.flushIfLarge(h, out);
            }
            h.append("</tbody></table>\n");
        }
        h.append("</body>\n</html>\n");
        out.write(h.toString());
    }

    private static void table(StringBuilder h, boolean ranges) {
        h.append("<table><thead><tr><th>").append(ranges ? "shared network</th><th>range" : "name")
                .append("</th><th>usage</th><th>max</th><th>active</th><th>%</th><th>touched</th><th>backup</th>")
                .append("<th>free</th></tr></thead><tbody>\n");
    }

    private void row(StringBuilder h, String name, String range, NetworkUsage n) {
        double defined = n.defined();
        double activeShare = guardedPercent(n.used(), defined);
        h.append(activeShare > warning ? "<tr class=\"hot\">" : "<tr>").append("<td>").append(XmlRenderer.escape(name))
                .append("</td>");
        if (range != null) {
            h.append("<td>").append(range).append("</td>");
        }
        h.append("<td><div class=\"bar\">");
        segment(h, "a", n.used(), defined);
        segment(h, "b", n.backup(), defined);
        segment(h, "t", n.touched(), defined);
        h.append("</div></td><td class=\"n\">").append(n.defined()).append("</td><td class=\"n\">").append(n.used())
                .append("</td><td class=\"n\">").append(Double.isNaN(activeShare) ? "&ndash;" : f3(activeShare))
                .append("</td><td class=\"n\">").append(n.touched()).append("</td><td class=\"n\">").append(n.backup())
                .append("</td><td class=\"n\">").append(n.free()).append("</td></tr>\n");
    }

    private static void segment(StringBuilder h, String kind, long count, double defined) {
        if (count > 0 && defined > 0) {
            h.append("<span class=\"").append(kind).append("\" style=\"width:")
                    .append(f3(100.0 * count / defined)).append("%\"></span>");
        }
    }
}
