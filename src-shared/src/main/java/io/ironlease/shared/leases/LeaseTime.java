package io.ironlease.shared.leases;

import java.time.Instant;
import java.util.Optional;

/**
 * Lease times as dhcpd keeps them: seconds since the epoch (UTC), where {@link #UNSET} (0) means the
 * field is absent (dhcpd writes no line for it) and {@link #NEVER} means {@code never;}. Times are plain
 * {@code long}s so that a table of a million leases holds no time objects.
 */
public final class LeaseTime {

    /** No value: dhcpd treats a zero time as unset and does not write it. */
    public static final long UNSET = 0L;
    /** A lease that never ends, written {@code never;}. */
    public static final long NEVER = Long.MAX_VALUE;

    private static final long SECONDS_PER_DAY = 86_400L;

    private LeaseTime() {
    }

    public static boolean isSet(long time) {
        return time != UNSET;
    }

    /** Empty for {@link #UNSET}, {@link Instant#MAX} for {@link #NEVER}, otherwise the instant. */
    public static Optional<Instant> toInstant(long time) {
        if (time == UNSET) {
            return Optional.empty();
        }
        return Optional.of(time == NEVER ? Instant.MAX : Instant.ofEpochSecond(time));
    }

    /** The inverse of {@link #toInstant}: null gives UNSET, {@link Instant#MAX} gives NEVER. */
    public static long of(Instant instant) {
        if (instant == null) {
            return UNSET;
        }
        return instant.equals(Instant.MAX) ? NEVER : instant.getEpochSecond();
    }

    /** Seconds since the epoch for a UTC civil time; days past the month's end roll over, as in dhcpd. */
    static long fromCivil(long year, int month, int day, int hour, int minute, int second) {
        return daysFromCivil(year, month, day) * SECONDS_PER_DAY + hour * 3600L + minute * 60L + second;
    }

    /** Days since 1970-01-01 of a proleptic Gregorian date (H. Hinnant's algorithm). */
    static long daysFromCivil(long year, int month, int day) {
        long y = month <= 2 ? year - 1 : year;
        long era = Math.floorDiv(y, 400);
        long yearOfEra = y - era * 400;
        long dayOfYear = (153L * (month + (month > 2 ? -3 : 9)) + 2) / 5 + day - 1;
        long dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear;
        return era * 146_097 + dayOfEra - 719_468;
    }

    /**
     * Fills {@code out} with {weekday (0 = Sunday), year, month, day, hour, minute, second} of a UTC time:
     * the fields of dhcpd's {@code W YYYY/MM/DD HH:MM:SS}.
     */
    static void toCivil(long time, long[] out) {
        long days = Math.floorDiv(time, SECONDS_PER_DAY);
        long secondOfDay = time - days * SECONDS_PER_DAY;
        out[0] = Math.floorMod(days + 4, 7); // 1970-01-01 was a Thursday
        long z = days + 719_468;
        long era = Math.floorDiv(z, 146_097);
        long dayOfEra = z - era * 146_097;
        long yearOfEra = (dayOfEra - dayOfEra / 1460 + dayOfEra / 36_524 - dayOfEra / 146_096) / 365;
        long dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100);
        long mp = (5 * dayOfYear + 2) / 153;
        long month = mp < 10 ? mp + 3 : mp - 9;
        out[1] = yearOfEra + era * 400 + (month <= 2 ? 1 : 0);
        out[2] = month;
        out[3] = dayOfYear - (153 * mp + 2) / 5 + 1;
        out[4] = secondOfDay / 3600;
        out[5] = secondOfDay / 60 % 60;
        out[6] = secondOfDay % 60;
    }
}
