package io.ironlease.pools.alarm;

import static io.ironlease.pools.render.CFormat.g;
import static io.ironlease.pools.render.CFormat.percent;
import static io.ironlease.pools.render.OutputLimit.RANGES;
import static io.ironlease.pools.render.OutputLimit.SHARED_NETWORKS;
import static io.ironlease.pools.render.OutputLimit.TOTAL;

import io.ironlease.pools.analysis.Analysis;
import io.ironlease.pools.analysis.NetworkUsage;
import io.ironlease.pools.analysis.RangeUsage;
import io.ironlease.pools.render.OutputLimit;
import java.util.List;

/**
 * The alarm format ({@code --warning}/{@code --critical}, or {@code -f a}): one Nagios plugin status
 * line per level with counts and optional perfdata, and the matching exit code. The text is dhcpd-pools
 * 2.29's, byte for byte. Two of its bugs are fixed unless asked for: shared-network count thresholds
 * compared active instead of free addresses (fix (b)), and {@code --snet-alarms} stopped counting ranges
 * at the first one inside a shared network (fix (f)).
 */
public final class AlarmRenderer {

    /** What to print, and the exit code; the text is empty when nothing is to be said. */
    public record Result(NagiosStatus status, String text) {
    }

    private final AlarmThresholds t;
    private final OutputLimit limit;
    private final String programName;
    private final boolean legacySharedCounts;
    private final boolean legacySnetAlarms;

    public AlarmRenderer(AlarmThresholds thresholds, OutputLimit limit, String programName,
            boolean legacySharedCounts, boolean legacySnetAlarms) {
        this.t = thresholds;
        this.limit = limit;
        this.programName = programName;
        this.legacySharedCounts = legacySharedCounts;
        this.legacySnetAlarms = legacySnetAlarms;
    }

    public Result render(Analysis analysis) {
        int[] ranges = new int[4]; // critical, warning, ok, ignored
        int perfdataRanges = analysis.ranges().size();
        if (limit.numbers(RANGES)) {
            List<RangeUsage> all = analysis.ranges();
            for (int i = 0; i < all.size(); i++) {
                RangeUsage r = all.get(i);
                if (t.snetAlarms() && !r.standalone()) {
                    if (legacySnetAlarms) {
                        perfdataRanges = i; // 2.29 stays on this range for good
                        break;
                    }
                    continue;
                }
                double size = r.size();
                ranges[classify(size, r.used(), size - r.used())]++;
            }
        }
        int[] nets = new int[4];
        if (limit.numbers(SHARED_NETWORKS)) {
            for (NetworkUsage n : analysis.sharedNetworks()) {
                double defined = n.defined();
                double compared = legacySharedCounts ? n.used() : defined - n.used();
                nets[classify(defined, n.used(), compared)]++;
            }
        }
        NagiosStatus status = ranges[0] + nets[0] > 0 ? NagiosStatus.CRITICAL
                : ranges[1] + nets[1] > 0 ? NagiosStatus.WARNING : NagiosStatus.OK;
        StringBuilder text = new StringBuilder(256);
        if (status == NagiosStatus.CRITICAL) {
            text.append("CRITICAL: ").append(programName).append(':');
        } else if (status == NagiosStatus.WARNING) {
            text.append("WARNING: ").append(programName).append(':');
        } else if (limit.numbers(TOTAL)) {
            text.append("OK:");
        } else {
            return new Result(status, "");
        }
        if (limit.header(RANGES)) {
            summary(text, " Ranges", "range", ranges);
            if (t.perfdata() && limit.numbers(RANGES)) {
                for (int i = perfdataRanges - 1; i >= 0; i--) {
                    RangeUsage r = analysis.ranges().get(i);
                    double size = r.size();
                    if (t.minsize() < size) {
                        String ip = r.first().toString();
                        text.append(' ').append(ip).append("_r=").append(g(r.used())).append(';')
                                .append(g(size * t.warning() / 100)).append(';').append(g(size * t.critical() / 100))
                                .append(";0;").append(g(size)).append(' ').append(ip).append("_rt=").append(g(r.touched()));
                        if (analysis.backupsFound()) {
                            text.append(' ').append(ip).append("_rbu=").append(g(r.backup()));
                        }
                    }
                }
            }
            text.append('\n');
        } else {
            text.append(' ');
        }
        if (limit.header(SHARED_NETWORKS)) {
            summary(text, "Shared nets", "snet", nets);
            // dhcpd-pools tests the ranges' header digit here
            if (t.perfdata() && limit.header(RANGES)) {
                List<NetworkUsage> shared = analysis.sharedNetworks();
                for (int i = shared.size() - 1; i >= 0; i--) {
                    NetworkUsage n = shared.get(i);
                    double defined = n.defined();
                    if (t.minsize() < defined) {
                        text.append(" '").append(n.name()).append("_s'=").append(g(n.used())).append(';')
                                .append(g(defined * t.warning() / 100)).append(';')
                                .append(g(defined * t.critical() / 100)).append(";0;").append(g(defined))
                                .append(" '").append(n.name()).append("_st'=").append(g(n.touched()));
                        if (analysis.backupsFound()) {
                            text.append(" '").append(n.name()).append("_sbu'=").append(g(n.backup()));
                        }
                    }
                }
                text.append('\n');
            }
        }
        text.append('\n');
        return new Result(status, text.toString());
    }

    /** 0 critical, 1 warning, 2 ok, 3 ignored (too small); {@code free} is what the counts compare. */
    private int classify(double size, double used, double free) {
        if (!(t.minsize() < size)) {
            return 3;
        }
        // the percentage is narrowed to float before the comparison, as in dhcpd-pools
        float perc = size == 0 ? 100f : (float) percent(used, size);
        if (t.critical() < perc && free < t.critCount()) {
            return 0;
        }
        if (t.warning() < perc && free < t.warnCount()) {
            return 1;
        }
        return 2;
    }

    private static void summary(StringBuilder text, String title, String prefix, int[] counts) {
        text.append(title).append(" - crit: ").append(counts[0]).append(" warn: ").append(counts[1])
                .append(" ok: ").append(counts[2]);
        if (counts[3] != 0) {
            text.append(" ignored: ").append(counts[3]);
        }
        text.append("; | ").append(prefix).append("_crit=").append(counts[0]).append(' ').append(prefix)
                .append("_warn=").append(counts[1]).append(' ').append(prefix).append("_ok=").append(counts[2]);
        if (counts[3] != 0) {
            text.append(' ').append(prefix).append("_ignored=").append(counts[3]);
        }
    }
}
