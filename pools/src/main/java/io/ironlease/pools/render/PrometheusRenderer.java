package io.ironlease.pools.render;

import static io.ironlease.pools.render.OutputLimit.RANGES;
import static io.ironlease.pools.render.OutputLimit.SHARED_NETWORKS;
import static io.ironlease.pools.render.OutputLimit.TOTAL;

import io.ironlease.pools.analysis.Analysis;
import io.ironlease.pools.analysis.NetworkUsage;
import io.ironlease.pools.analysis.RangeUsage;
import java.io.IOException;
import java.io.Writer;
import java.util.List;
import java.util.function.ToLongFunction;

/**
 * {@code -f prom}: the Prometheus text exposition format (version 0.0.4), for node_exporter's textfile
 * collector. One gauge family per count and level (range, shared network, all), so a family's samples
 * stay together as the format requires. The numbers digit of {@code -L} selects the levels.
 */
public final class PrometheusRenderer implements Renderer {

    static final String PREFIX = "ironlease_pools_";

    /** A count as dhcpd-pools names it, with its help text. */
    private record Count(String name, String help, ToLongFunction<RangeUsage> ofRange,
            ToLongFunction<NetworkUsage> ofNetwork) {
    }

    private static final List<Count> COUNTS = List.of(
            new Count("defined_addresses", "Addresses defined by range statements (max).",
                    RangeUsage::size, NetworkUsage::defined),
            new Count("active_addresses", "Addresses whose last lease is active (cur).",
                    RangeUsage::used, NetworkUsage::used),
            new Count("touched_addresses", "Addresses whose last lease is free, expired, released or abandoned (touch).",
                    RangeUsage::touched, NetworkUsage::touched),
            new Count("backup_addresses", "Addresses whose last lease is backup, held for the failover peer (bu).",
                    RangeUsage::backup, NetworkUsage::backup),
            new Count("free_addresses", "Defined addresses that are not active (max - cur).",
                    RangeUsage::free, NetworkUsage::free));

    private final OutputLimit limit;

    public PrometheusRenderer(OutputLimit limit) {
        this.limit = limit;
    }

    @Override
    public void render(Analysis analysis, Writer out) throws IOException {
        StringBuilder text = new StringBuilder(4096);
        for (Count count : COUNTS) {
            if (limit.numbers(RANGES)) {
                family(text, "range_" + count.name(), count.help() + " Per range.");
                for (RangeUsage r : analysis.ranges()) {
                    text.append(PREFIX).append("range_").append(count.name()).append("{shared_network=\"")
                            .append(label(r.networkName())).append("\",first_ip=\"").append(r.first())
                            .append("\",last_ip=\"").append(r.last()).append("\"} ")
                            .append(count.ofRange().applyAsLong(r)).append('\n');
                    TextRenderer.flushIfLarge(text, out);
                }
            }
            if (limit.numbers(SHARED_NETWORKS)) {
                family(text, "shared_network_" + count.name(), count.help() + " Per shared network.");
                for (NetworkUsage n : analysis.sharedNetworks()) {
                    text.append(PREFIX).append("shared_network_").append(count.name()).append("{shared_network=\"")
                            .append(label(n.name())).append("\"} ").append(count.ofNetwork().applyAsLong(n))
                            .append('\n');
                }
            }
            if (limit.numbers(TOTAL)) {
                family(text, "all_" + count.name(), count.help() + " Over all ranges.");
                text.append(PREFIX).append("all_").append(count.name()).append(' ')
                        .append(count.ofNetwork().applyAsLong(analysis.all())).append('\n');
            }
        }
        out.write(text.toString());
    }

    private static void family(StringBuilder text, String name, String help) {
        text.append("# HELP ").append(PREFIX).append(name).append(' ').append(help).append('\n')
                .append("# TYPE ").append(PREFIX).append(name).append(" gauge\n");
    }

    /** Label value escaping of the text format: backslash, double quote and line feed. */
    static String label(String value) {
        return value.replace("\\", "\\\\").replace("\"", "\\\"").replace("\n", "\\n");
    }
}
