package io.ironlease.pools.render;

import static io.ironlease.pools.render.CFormat.f3;
import static io.ironlease.pools.render.CFormat.g;
import static io.ironlease.pools.render.CFormat.guardedPercent;
import static io.ironlease.pools.render.CFormat.left;
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

/** {@code -f t}, the default: dhcpd-pools' fixed-width tables, byte for byte. */
public final class TextRenderer implements Renderer {

    static final String SUM_HEADER = "name                   max   cur     percent  touch    t+c  t+c perc";
    static final String BU_HEADER = "     bu  bu perc";

    private final OutputLimit limit;

    public TextRenderer(OutputLimit limit) {
        this.limit = limit;
    }

    /** Width of the address columns: 16, or 39 (IPv6) when the config named no range to tell. */
    static int addressWidth(Analysis analysis) {
        return analysis.ipv4Known() ? 16 : 39;
    }

    @Override
    public void render(Analysis analysis, Writer out) throws IOException {
        boolean bu = analysis.backupsFound();
        int width = addressWidth(analysis);
        StringBuilder text = new StringBuilder(256);
        if (limit.header(RANGES)) {
            text.append("Ranges:\n").append(left("shared net name", 20)).append(left("first ip", width))
                    .append("   ").append(left("last ip", width)).append(' ').append(right("max", 5)).append(' ')
                    .append(right("cur", 5)).append(' ').append(right("percent", 10)).append("  ")
                    .append(right("touch", 5)).append(' ').append(right("t+c", 5)).append(' ')
                    .append(right("t+c perc", 9)).append(bu ? BU_HEADER : "").append('\n');
        }
        if (limit.numbers(RANGES)) {
            for (RangeUsage r : analysis.ranges()) {
                double size = r.size();
                text.append(left(r.networkName(), 20)).append(left(r.first().toString(), width)).append(" - ")
                        .append(left(r.last().toString(), width)).append(' ').append(right(g(size), 5))
                        .append(' ').append(right(g(r.used()), 5)).append(' ')
                        .append(right(f3(percent(r.used(), size)), 10)).append("  ")
                        .append(right(g(r.touched()), 5)).append(' ').append(right(g(r.touched() + r.used()), 5))
                        .append(' ').append(right(f3(percent(r.touched() + r.used(), size)), 9));
                if (bu) {
                    text.append(right(g(r.backup()), 7)).append(' ').append(right(f3(percent(r.backup(), size)), 8));
                }
                text.append('\n');
                flushIfLarge(text, out);
            }
        }
        if (limit.numbers(RANGES) && limit.header(SHARED_NETWORKS)) {
            text.append('\n');
        }
        if (limit.header(SHARED_NETWORKS)) {
            text.append("Shared networks:\n").append(SUM_HEADER).append(bu ? BU_HEADER : "").append('\n');
        }
        if (limit.numbers(SHARED_NETWORKS)) {
            for (NetworkUsage n : analysis.sharedNetworks()) {
                networkLine(text, n, bu, n.backup());
            }
        }
        if (limit.numbers(SHARED_NETWORKS) && limit.header(TOTAL)) {
            text.append('\n');
        }
        if (limit.header(TOTAL)) {
            text.append("Sum of all ranges:\n").append(SUM_HEADER).append(bu ? BU_HEADER : "").append('\n');
        }
        if (limit.numbers(TOTAL)) {
            NetworkUsage all = analysis.all();
            networkLine(text, all, bu, all.defined() == 0 ? CFormat.NAN : all.backup());
        }
        out.write(text.toString());
    }

    private static void networkLine(StringBuilder text, NetworkUsage n, boolean bu, double backupShown) {
        double defined = n.defined();
        text.append(left(n.name(), 20)).append(' ').append(right(g(defined), 5)).append(' ')
                .append(right(g(n.used()), 5)).append(' ').append(right(f3(guardedPercent(n.used(), defined)), 10))
                .append(' ').append(right(g(n.touched()), 7)).append(' ').append(right(g(n.touched() + n.used()), 6))
                .append(' ').append(right(f3(guardedPercent(n.touched() + n.used(), defined)), 9));
        if (bu) {
            text.append(right(g(backupShown), 7)).append(' ').append(right(f3(percent(n.backup(), defined)), 8));
        }
        text.append('\n');
    }

    static void flushIfLarge(StringBuilder text, Writer out) throws IOException {
        if (text.length() > 1 << 16) {
            out.write(text.toString());
            text.setLength(0);
        }
    }
}
