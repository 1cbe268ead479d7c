package io.ironlease.pools.render;

/**
 * The {@code -f} formats. dhcpd-pools looks only at the first letter of the value ("json" is j);
 * {@code prom} (the Prometheus text format for node_exporter's textfile collector) and {@code web} (a
 * self-contained html page) are ours.
 */
public enum OutputFormat {
    TEXT,
    HTML,
    /** {@code -f h}: the html table fragment, which dhcpd-pools 2.29 refuses as deprecated. */
    HTML_FRAGMENT,
    XML,
    XML_WITH_LEASES,
    JSON,
    JSON_WITH_LEASES,
    CSV,
    ALARM,
    PROMETHEUS,
    /** {@code -f web}: ours, a self-contained modern page. */
    WEB_PAGE;

    /** Reads a {@code -f} value. */
    public static OutputFormat parse(String value) {
        if (value.equals("prom") || value.equals("prometheus")) {
            return PROMETHEUS;
        }
        if (value.equals("web")) {
            return WEB_PAGE;
        }
        char letter = value.isEmpty() ? '\0' : value.charAt(0);
        return switch (letter) {
            case 't' -> TEXT;
            case 'H' -> HTML;
            case 'h' -> HTML_FRAGMENT;
            case 'x' -> XML;
            case 'X' -> XML_WITH_LEASES;
            case 'j' -> JSON;
            case 'J' -> JSON_WITH_LEASES;
            case 'c' -> CSV;
            case 'a' -> ALARM;
            default -> throw new IllegalArgumentException("unknown output format: '" + letter + "'");
        };
    }

    /** True for the formats that list active leases with their hardware address. */
    public boolean listsLeases() {
        return this == XML_WITH_LEASES || this == JSON_WITH_LEASES;
    }
}
