package io.ironlease.pools;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;

/**
 * The {@code --now} value: epoch seconds, dhcpd.leases' UTC form {@code [W ]YYYY/MM/DD HH:MM:SS}
 * (dhcpd.leases(5)), or an ISO-8601 instant such as {@code 2026-11-24T23:00:00Z}.
 */
final class TimeArgument {

    private static final DateTimeFormatter LEASE_TIME = DateTimeFormatter.ofPattern("uuuu/MM/dd HH:mm:ss");

    private TimeArgument() {
    }

    static Instant parse(String text) {
        String value = text.strip();
        try {
            if (value.matches("-?\\d+")) {
                return Instant.ofEpochSecond(Long.parseLong(value));
            }
            if (value.matches("\\d \\d{4}/.*")) {
                value = value.substring(2); // the weekday dhcpd writes first
            }
            if (value.matches("\\d{4}/\\d{2}/\\d{2} \\d{2}:\\d{2}:\\d{2}")) {
                return LocalDateTime.parse(value, LEASE_TIME).toInstant(ZoneOffset.UTC);
            }
            return Instant.parse(value);
        } catch (DateTimeParseException | NumberFormatException e) {
            throw new UsageException("--now: not a time: '" + text
                    + "' (epoch seconds, 'YYYY/MM/DD HH:MM:SS' UTC, or ISO-8601 like 2026-11-24T23:00:00Z)");
        }
    }
}
