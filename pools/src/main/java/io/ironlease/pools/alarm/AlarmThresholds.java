package io.ironlease.pools.alarm;

/**
 * The alarm options: percentages ({@code --warning} 80, {@code --critical} 90 by default), free-address
 * counts that must also be undershot ({@code --warn-count}, {@code --crit-count}, 2^32 by default, i.e.
 * off), {@code --minsize} (ranges and shared networks of at most this size are ignored),
 * {@code --snet-alarms} and {@code -p}.
 */
public record AlarmThresholds(double warning, double critical, double warnCount, double critCount,
        double minsize, boolean snetAlarms, boolean perfdata) {

    /** dhcpd-pools' count default: the size of the IPv4 space, which no range undershoots. */
    public static final double NO_COUNT = 0x1p32;

    public static AlarmThresholds defaults() {
        return new AlarmThresholds(80, 90, NO_COUNT, NO_COUNT, 0, false, false);
    }
}
