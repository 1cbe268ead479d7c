package io.ironlease.pools.render;

import static io.ironlease.pools.render.CFormat.f3;
import static io.ironlease.pools.render.CFormat.g;
import static io.ironlease.pools.render.CFormat.guardedPercent;
import static io.ironlease.pools.render.CFormat.percent;
import static io.ironlease.pools.render.CFormat.right;
import static io.ironlease.pools.render.OutputLimit.RANGES;
import static io.ironlease.pools.render.OutputLimit.SHARED_NETWORKS;
import static io.ironlease.pools.render.OutputLimit.TOTAL;

import io.ironlease.pools.analysis.Analysis;
import io.ironlease.pools.analysis.NetworkUsage;
import io.ironlease.pools.analysis.RangeUsage;
import java.io.IOException;
import java.io.Writer;

/**
 * {@code -f c}: comma-separated values, every field quoted. dhcpd-pools 2.29 ends the total line with
 * the bu columns in text layout ({@code "65.315"    154   69.369}); fix (d) writes them as two more
 * quoted fields unless {@code legacyTotal} asks for the old bytes.
 */
public final class CsvRenderer implements Renderer {

    private static final String SUM_HEADER = "\"name\",\"max\",\"cur\",\"percent\",\"touch\",\"t+c\",\"t+c perc\"";
    private static final String BU_HEADER = ",\"bu\",\"bu perc\"";

    private final OutputLimit limit;
    private final boolean legacyTotal;

    public CsvRenderer(OutputLimit limit, boolean legacyTotal) {
        this.limit = limit;
        this.legacyTotal = legacyTotal;
    }

    @Override
    public void render(Analysis analysis, Writer out) throws IOException {
        boolean bu = analysis.backupsFound();
        StringBuilder text = new StringBuilder(256);
        if (limit.header(RANGES)) {
            text.append("\"Ranges:\"\n\"shared net name\",\"first ip\",\"last ip\",\"max\",\"cur\",\"percent\",")
                    .append("\"touch\",\"t+c\",\"t+c perc\"").append(bu ? BU_HEADER : "").append('\n');
        }
        if (limit.numbers(RANGES)) {
            for (RangeUsage r : analysis.ranges()) {
                double size = r.size();
                text.append(quote(r.networkName())).append(',').append(quote(r.first().toString())).append(',')
                        .append(quote(r.last().toString())).append(',').append(quote(g(size))).append(',')
                        .append(quote(g(r.used()))).append(',').append(quote(f3(percent(r.used(), size)))).append(',')
                        .append(quote(g(r.touched()))).append(',').append(quote(g(r.touched() + r.used())))
                        .append(',').append(quote(f3(percent(r.touched() + r.used(), size))));
                if (bu) {
                    text.append(',').append(quote(g(r.backup()))).append(',')
                            .append(quote(f3(percent(r.backup(), size))));
                }
                text.append('\n');
                TextRenderer.flushIfLarge(text, out);
            }
            text.append('\n');
        }
        if (limit.header(SHARED_NETWORKS)) {
            text.append("\"Shared networks:\"\n").append(SUM_HEADER).append(bu ? BU_HEADER : "").append('\n');
        }
        if (limit.numbers(SHARED_NETWORKS)) {
            for (NetworkUsage n : analysis.sharedNetworks()) {
                networkFields(text, n);
                if (bu) {
                    text.append(',').append(quote(g(n.backup()))).append(',')
                            .append(quote(f3(guardedPercent(n.backup(), n.defined()))));
                }
                text.append('\n');
            }
            text.append('\n');
        }
        if (limit.header(TOTAL)) {
            text.append("\"Sum of all ranges:\"\n").append(SUM_HEADER).append(bu ? BU_HEADER : "").append('\n');
        }
        if (limit.numbers(TOTAL)) {
            NetworkUsage all = analysis.all();
            networkFields(text, all);
            if (bu) {
                String backups = g(all.backup());
                String share = f3(guardedPercent(all.backup(), all.defined()));
                if (legacyTotal) {
                    text.append(right(backups, 7)).append(' ').append(right(share, 8));
                } else {
                    text.append(',').append(quote(backups)).append(',').append(quote(share));
                }
            }
            text.append('\n');
        }
        out.write(text.toString());
    }

    private static void networkFields(StringBuilder text, NetworkUsage n) {
        double defined = n.defined();
        text.append(quote(n.name())).append(',').append(quote(g(defined))).append(',').append(quote(g(n.used())))
                .append(',').append(quote(f3(guardedPercent(n.used(), defined)))).append(',')
                .append(quote(g(n.touched()))).append(',').append(quote(g(n.touched() + n.used()))).append(',')
                .append(quote(f3(guardedPercent(n.touched() + n.used(), defined))));
    }

    /** A quoted field; a quote inside is doubled (RFC 4180 section 2), which dhcpd-pools never needed. */
    static String quote(String field) {
        return "\"" + (field.indexOf('"') < 0 ? field : field.replace("\"", "\"\"")) + "\"";
    }
}
