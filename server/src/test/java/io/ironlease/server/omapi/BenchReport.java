package io.ironlease.server.omapi;

import java.util.List;
import java.util.Locale;
import java.util.Map;

/** The table {@link OmapiBench} prints: medians side by side, ratios, and the targets. */
final class BenchReport {

    private BenchReport() {
    }

    static void print(Map<String, Map<String, List<Double>>> results, Map<String, Map<String, List<Double>>> cpu,
            List<String> modes, List<String> iscModes) {
        Map<String, List<Double>> ours = results.getOrDefault("ironlease", Map.of());
        Map<String, List<Double>> isc = results.getOrDefault("isc-dhcpd", Map.of());
        Map<String, List<Double>> canned = results.getOrDefault("canned", Map.of());
        System.out.println();
        System.out.printf(Locale.ROOT, "%-34s %11s %16s %7s %16s%n", "lookups/s (median)", "ironlease", "isc-dhcpd 4.4.3",
                "ratio", "canned reply (*)");
        for (String mode : modes) {
            double a = median(ours.get(mode));
            double b = median(isc.get(mode));
            String iscText = isc.containsKey(mode) ? rate(b) : iscModes.contains(mode) ? "not run" : "not run (**)";
            System.out.printf(Locale.ROOT, "%-34s %11s %16s %7s %16s%n", describe(mode), rate(a), iscText,
                    a > 0 && b > 0 ? String.format(Locale.ROOT, "%.1fx", a / b) : "-", rate(median(canned.get(mode))));
        }
        System.out.println();
        System.out.printf(Locale.ROOT, "%-34s %11s %16s%n", "server CPU per lookup (median, us)", "ironlease",
                "isc-dhcpd 4.4.3");
        for (String mode : modes) {
            System.out.printf(Locale.ROOT, "%-34s %11s %16s%n", describe(mode),
                    micros(median(cpu.getOrDefault("ironlease", Map.of()).get(mode))),
                    micros(median(cpu.getOrDefault("isc-dhcpd", Map.of()).get(mode))));
        }
        System.out.println("(*) our OMAPI listener answering one canned lease at once on its network thread: the most"
                + " this client gets from any server here");
        System.out.println("(**) dhcpd 4.4.3 aborts with 32 requests in flight on one connection (reference/omapi/bench)");
        for (Map.Entry<String, Map<String, List<Double>>> e : results.entrySet()) {
            StringBuilder runs = new StringBuilder(e.getKey() + " runs:");
            e.getValue().forEach((mode, values) -> runs.append(' ').append(mode).append('=')
                    .append(String.join(",", values.stream().map(BenchReport::rate).toList())));
            System.out.println(runs);
        }
        double one = ratio(ours, isc, "c1w1");
        double best = Math.max(median(ours.get("c1w256")), median(ours.get("c1w8"))) / Math.max(median(isc.get("c1w8")),
                median(isc.get("c64w1")));
        boolean survived = modes.stream().allMatch(m -> ours.containsKey(m) && ours.get(m).stream().allMatch(v -> v > 0));
        System.out.printf(Locale.ROOT, "targets: >= 2x dhcpd one at a time: %s (%.2fx); >= 5x with requests in flight "
                + "(our best pipelined vs dhcpd's best): %s (%.2fx); no failure at 256 in flight or 64 connections: %s%n",
                one >= 2 ? "met" : "NOT met", one, best >= 5 ? "met" : "NOT met", best, survived ? "met" : "NOT met");
    }

    private static String describe(String mode) {
        String[] parts = mode.substring(1).split("w");
        return parts[0].equals("1") ? parts[1] + " in flight, 1 connection"
                : parts[0] + " connections, " + parts[1] + " in flight each";
    }

    private static double ratio(Map<String, List<Double>> a, Map<String, List<Double>> b, String mode) {
        double x = median(a.get(mode));
        double y = median(b.get(mode));
        return x > 0 && y > 0 ? x / y : Double.NaN;
    }

    static double median(List<Double> values) {
        if (values == null || values.isEmpty() || values.stream().anyMatch(v -> v < 0)) {
            return values == null || values.isEmpty() ? Double.NaN : -1;
        }
        List<Double> sorted = values.stream().sorted().toList();
        return sorted.get(sorted.size() / 2);
    }

    private static String micros(double value) {
        return Double.isNaN(value) || value < 0 ? "-" : String.format(Locale.ROOT, "%.1f", value);
    }

    private static String rate(double value) {
        return Double.isNaN(value) ? "-" : value < 0 ? "FAILED" : String.format(Locale.ROOT, "%,.0f", value);
    }
}
