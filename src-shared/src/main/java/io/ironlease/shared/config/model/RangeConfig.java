package io.ironlease.shared.config.model;

import io.ironlease.shared.config.SourcePos;
import io.ironlease.shared.net.Ipv4Range;

/**
 * A {@code range [dynamic-bootp] LOW HIGH;} statement; a backwards range is normalised as dhcpd does.
 */
public record RangeConfig(Ipv4Range range, boolean dynamicBootp, SourcePos pos) {

    public long size() {
        return range.size();
    }
}
