package io.ironlease.pools.render;

import static io.ironlease.pools.render.CFormat.f3;
import static io.ironlease.pools.render.CFormat.g;
import static io.ironlease.pools.render.CFormat.guardedPercent;
import static io.ironlease.pools.render.CFormat.percent;
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
import java.util.List;
import java.util.Locale;

/**
 * {@code -f H}: the full html page of dhcpd-pools 2.29 (bootstrap and DataTables from their CDNs), with
 * the lease file's name and modification time on top. Only the "Generated using" line names us.
 */
public final class HtmlRenderer implements Renderer {

    /** glibc's {@code D_T_FMT} in the C locale, {@code %a %b %e %H:%M:%S %Y}. */
    private static final DateTimeFormatter C_DATE_TIME =
            DateTimeFormatter.ofPattern("EEE MMM ppd HH:mm:ss yyyy", Locale.US);
    private static final List<String> SUM_COLUMNS =
            List.of("name", "max", "cur", "percent", "touch", "t+c", "t+c perc");

    private final OutputLimit limit;
    private final String leaseFile;
    private final ZonedDateTime leaseFileModified;
    private final String generator;

    public HtmlRenderer(OutputLimit limit, String leaseFile, ZonedDateTime leaseFileModified, String generator) {
        this.limit = limit;
        this.leaseFile = leaseFile;
        this.leaseFileModified = leaseFileModified;
        this.generator = generator;
    }

    @Override
    public void render(Analysis analysis, Writer out) throws IOException {
        boolean bu = analysis.backupsFound();
        StringBuilder h = new StringBuilder(4096);
        h.append("<!DOCTYPE html>\n<html>\n<head>\n<title>ISC dhcpd dhcpd-pools output</title>\n")
                .append("<meta charset=\"utf-8\">\n<meta http-equiv=\"X-UA-Compatible\" content=\"IE=edge\">\n")
                .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n")
                .append("<link rel=\"stylesheet\" href=\"https://maxcdn.bootstrapcdn.com/bootstrap/3.3.4/css/")
                .append("bootstrap.min.css\" type=\"text/css\">\n")
                .append("<link rel=\"stylesheet\" href=\"https://cdn.datatables.net/1.10.10/css/")
                .append("jquery.dataTables.min.css\" type=\"text/css\"><style type=\"text/css\">\n")
                .append("table.dhcpd-pools th { text-transform: capitalize }\n</style>\n</head>\n<body>\n")
                .append("<div class=\"container\">\n<h2>ISC DHCPD status</h2>\n")
                .append("<small>File ").append(escape(leaseFile)).append(" was last modified at ")
                .append(C_DATE_TIME.format(leaseFileModified)).append("</small><hr />\n");
        tableStart(h, "Sum of all", "a", "all");
        if (limit.header(TOTAL)) {
            header(h, SUM_COLUMNS, bu);
        }
        if (limit.numbers(TOTAL)) {
            h.append("<tbody>\n");
            networkRow(h, analysis.all(), bu);
            h.append("</tbody>\n");
        }
        h.append("</table>\n");
        tableStart(h, "Shared networks", "s", "snet");
        if (limit.header(SHARED_NETWORKS)) {
            header(h, SUM_COLUMNS, bu);
        }
        if (limit.numbers(SHARED_NETWORKS)) {
            h.append("<tbody>\n");
            for (NetworkUsage n : analysis.sharedNetworks()) {
                networkRow(h, n, bu);
            }
            h.append("</tbody>\n");
        }
        h.append("</table>\n");
        tableStart(h, "Ranges", "r", "ranges");
        if (limit.header(RANGES)) {
            header(h, List.of("shared net name", "first ip", "last ip", "max", "cur", "percent", "touch", "t+c",
                    "t+c perc"), bu);
        }
        if (limit.numbers(RANGES)) {
            h.append("<tbody>\n");
            for (RangeUsage r : analysis.ranges()) {
                double size = r.size();
                h.append("<tr>\n");
                cell(h, escape(r.networkName()));
                cell(h, r.first().toString());
                cell(h, r.last().toString());
                cell(h, g(size));
                cell(h, g(r.used()));
                cell(h, f3(percent(r.used(), size)));
                cell(h, g(r.touched()));
                cell(h, g(r.touched() + r.used()));
                cell(h, f3(percent(r.touched() + r.used(), size)));
                if (bu) {
                    cell(h, g(r.backup()));
                    cell(h, f3(percent(r.backup(), size)));
                }
                h.append("</tr>\n");
                TextRenderer.flushIfLarge(h, out);
            }
            h.append("</tbody>\n");
        }
        h.append("</table>\n<br /><div class=\"well well-lg\">\n<small>Generated using ").append(generator)
                .append("<br />\nMore info at <a href=\"http://dhcpd-pools.sourceforge.net/\">")
                .append("http://dhcpd-pools.sourceforge.net/</a>\n</small></div></div>\n");
        for (String script : List.of("https://code.jquery.com/jquery-2.1.4.min.js",
                "https://maxcdn.bootstrapcdn.com/bootstrap/3.3.4/js/bootstrap.min.js",
                "https://cdn.datatables.net/1.10.10/js/jquery.dataTables.min.js")) {
            h.append("<script src=\"").append(script).append("\" type=\"text/javascript\"></script>\n");
        }
        for (String table : List.of("s", "r")) {
            h.append("<script type=\"text/javascript\" class=\"init\">$(document).ready(function() { $('#")
                    .append(table).append("').DataTable(); } );</script>\n");
        }
        h.append("</body></html>\n");
        out.write(h.toString());
    }

    private static void tableStart(StringBuilder h, String title, String id, String summary) {
        h.append("<h3>").append(title).append("</h3>\n<table id=\"").append(id)
                .append("\" class=\"dhcpd-pools order-column table table-striped table-hover\" summary=\"")
                .append(summary).append("\">\n");
    }

    private static void header(StringBuilder h, List<String> columns, boolean bu) {
        h.append("<thead>\n<tr>\n");
        for (String column : columns) {
            h.append("<th>").append(column).append("</th>\n");
        }
        if (bu) {
            h.append("<th>bu</th>\n<th>bu perc</th>\n");
        }
        h.append("</tr>\n</thead>\n");
    }

    private static void networkRow(StringBuilder h, NetworkUsage n, boolean bu) {
        double defined = n.defined();
        h.append("<tr>\n");
        cell(h, escape(n.name()));
        cell(h, g(defined));
        cell(h, g(n.used()));
        cell(h, f3(guardedPercent(n.used(), defined)));
        cell(h, g(n.touched()));
        cell(h, g(n.touched() + n.used()));
        cell(h, f3(guardedPercent(n.touched() + n.used(), defined)));
        if (bu) {
            cell(h, g(n.backup()));
            cell(h, f3(guardedPercent(n.backup(), defined)));
        }
        h.append("</tr>\n");
    }

    private static void cell(StringBuilder h, String text) {
        h.append("<td>").append(text).append("</td>\n");
    }

    private static String escape(String text) {
        return XmlRenderer.escape(text);
    }
}
