package io.ironlease.server.alloc;

import io.ironlease.shared.config.ast.Access;
import io.ironlease.shared.options.HostRef;
import io.ironlease.shared.options.OptionValue;
import java.time.Duration;
import java.util.Optional;

/**
 * The dhcpd.conf parameters that steer allocation and replies, read from a {@link ScopeStack} with
 * dhcpd's defaults (dhcpd.conf(5)): default-lease-time 43200 s, max-lease-time 86400 s,
 * min-lease-time 0, ping-check on with a 1 s timeout, abandon-lease-time 86400 s, not authoritative.
 *
 * @param dynamicBootpLeaseLength seconds a dynamic BOOTP lease lasts; empty means forever
 */
public record ScopeParams(long defaultLeaseSeconds, long maxLeaseSeconds, long minLeaseSeconds, boolean authoritative,
        boolean oneLeasePerClient, boolean pingCheck, Duration pingTimeout, long abandonLeaseSeconds,
        Optional<HostRef> serverIdentifier, Optional<HostRef> nextServer, Optional<String> filename,
        Optional<String> serverName, boolean unknownClientsAllowed, boolean bootpAllowed, boolean bootingAllowed,
        Optional<Long> dynamicBootpLeaseLength) {

    public static final long DEFAULT_LEASE_SECONDS = 43_200;
    public static final long MAX_LEASE_SECONDS = 86_400;
    /** The lease time option's "infinite" (RFC 2132 9.2). */
    public static final long INFINITE = 0xFFFF_FFFFL;

    static ScopeParams of(ScopeStack stack) {
        long max = stack.number("max-lease-time").orElse(MAX_LEASE_SECONDS);
        long pingMs = stack.number("ping-timeout-ms").orElse(-1L);
        Duration pingTimeout = pingMs > 0 ? Duration.ofMillis(pingMs)
                : Duration.ofSeconds(stack.number("ping-timeout").orElse(1L));
        return new ScopeParams(stack.number("default-lease-time").orElse(DEFAULT_LEASE_SECONDS), max,
                stack.number("min-lease-time").orElse(0L), stack.flag("authoritative").orElse(false),
                stack.flag("one-lease-per-client").orElse(false), stack.flag("ping-check").orElse(true), pingTimeout,
                stack.number("abandon-lease-time").orElse(86_400L), address(stack, "server-identifier"),
                address(stack, "next-server"), text(stack, "filename"), text(stack, "server-name"),
                stack.access("unknown-clients").orElse(Access.ALLOW) == Access.ALLOW,
                stack.access("bootp").orElse(Access.ALLOW) == Access.ALLOW,
                stack.access("booting").orElse(Access.ALLOW) == Access.ALLOW,
                stack.number("dynamic-bootp-lease-length"));
    }

    private static Optional<HostRef> address(ScopeStack stack, String name) {
        return stack.value(name).flatMap(v -> v.hosts().stream().findFirst());
    }

    private static Optional<String> text(ScopeStack stack, String name) {
        return stack.value(name).flatMap(v -> v.elements().stream().findFirst()).map(e -> {
            if (e instanceof OptionValue.Text t) {
                return t.text();
            }
            return e instanceof OptionValue.DomainName d ? d.name() : null;
        });
    }

    /**
     * The lease time for a client that asked for {@code requested} seconds (negative: did not ask): the
     * request bounded by max-lease-time and min-lease-time, else default-lease-time (dhcpd's rule).
     */
    public long leaseSeconds(long requested) {
        long t = requested >= 0 ? Math.min(requested, maxLeaseSeconds) : defaultLeaseSeconds;
        if (t < minLeaseSeconds) {
            t = minLeaseSeconds;
        }
        return Math.min(t, INFINITE);
    }
}
