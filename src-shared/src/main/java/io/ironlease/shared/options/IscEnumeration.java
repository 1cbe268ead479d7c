package io.ironlease.shared.options;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The named enumerations that ISC option formats refer to with {@code N<name>.}, such as the values
 * of {@code ddns-update-style} and {@code log-facility}.
 *
 * @param name   enumeration name as the format refers to it
 * @param values value names in declaration order, mapped to their codes
 */
public record IscEnumeration(String name, Map<String, Integer> values) {

    public static final IscEnumeration DDNS_STYLES = of("ddns-styles", "none", 0, "ad-hoc", 1, "interim", 2,
            "standard", 3);
    public static final IscEnumeration SYSLOG_FACILITIES = of("syslog-facilities", "kern", 0, "user", 1,
            "mail", 2, "daemon", 3, "auth", 4, "syslog", 5, "lpr", 6, "news", 7, "uucp", 8, "cron", 9,
            "authpriv", 10, "ftp", 11, "local0", 16, "local1", 17, "local2", 18, "local3", 19, "local4", 20,
            "local5", 21, "local6", 22, "local7", 23);
    public static final IscEnumeration PREFIX_LENGTH_MODES = of("prefix_length_modes", "ignore", 0,
            "prefer", 1, "exact", 2, "minimum", 3, "maximum", 4);

    private static final List<IscEnumeration> ALL = List.of(DDNS_STYLES, SYSLOG_FACILITIES, PREFIX_LENGTH_MODES);

    public IscEnumeration {
        values = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(values));
    }

    private static IscEnumeration of(String name, Object... pairs) {
        Map<String, Integer> values = new LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            values.put((String) pairs[i], (Integer) pairs[i + 1]);
        }
        return new IscEnumeration(name, values);
    }

    public static Optional<IscEnumeration> named(String name) {
        return ALL.stream().filter(e -> e.name.equals(name)).findFirst();
    }

    public Optional<Integer> code(String valueName) {
        return Optional.ofNullable(values.get(valueName.toLowerCase(Locale.ROOT)));
    }

    public Optional<String> nameOf(int code) {
        return values.entrySet().stream().filter(e -> e.getValue() == code).map(Map.Entry::getKey).findFirst();
    }
}
