package io.ironlease.pools;

import io.ironlease.pools.alarm.AlarmThresholds;
import io.ironlease.pools.analysis.SortKey;
import io.ironlease.pools.render.OutputFormat;
import io.ironlease.pools.render.OutputLimit;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;

/**
 * One run of the analyzer, as the command line asked for it.
 *
 * @param output where to write, null for standard output
 * @param ipv4Forced {@code --ip-version 4}: the address family is known even without a range
 * @param expiryAware fix (a): active leases whose end has passed count as expired, at {@code now}
 * @param bugCompat reproduce dhcpd-pools 2.29's output bugs (b), (d), (e) and (f) byte for byte
 */
public record PoolsSettings(Path config, Path leases, OutputFormat format, List<SortKey> sortKeys, boolean reverse,
        Path output, OutputLimit limit, AlarmThresholds alarms, boolean allAsShared, boolean ipv4Forced,
        boolean expiryAware, Instant now, boolean bugCompat, String programName) {

    public PoolsSettings {
        sortKeys = List.copyOf(sortKeys);
    }

    /** dhcpd-pools' defaults on Debian: the packaged dhcpd's files, text, all sections. */
    public static PoolsSettings defaults() {
        return new PoolsSettings(Path.of("/etc/dhcp/dhcpd.conf"), Path.of("/var/lib/dhcp/dhcpd.leases"),
                OutputFormat.TEXT, List.of(), false, null, OutputLimit.ALL, AlarmThresholds.defaults(), false,
                false, false, Instant.EPOCH, false, "ironlease-pools");
    }
}
