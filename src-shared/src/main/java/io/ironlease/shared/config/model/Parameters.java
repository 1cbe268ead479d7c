package io.ironlease.shared.config.model;

import io.ironlease.shared.options.HostRef;
import io.ironlease.shared.options.OptionValue;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * Typed view of the dhcpd.conf parameters in effect in a scope (the nearest setting wins). Computed
 * parameters ({@code ddns-hostname = concat(...)}) read as absent here: they depend on the packet.
 */
public final class Parameters {

    private final Scope scope;

    Parameters(Scope scope) {
        this.scope = scope;
    }

    /** The literal value of a parameter, if set. */
    public Optional<OptionValue> value(String name) {
        return scope.findParameter(name).flatMap(OptionSetting::value);
    }

    private Optional<OptionValue.Element> first(String name) {
        return value(name).map(OptionValue::elements).filter(e -> !e.isEmpty()).map(list -> list.get(0));
    }

    public Optional<Long> number(String name) {
        return first(name).filter(OptionValue.Int.class::isInstance).map(e -> ((OptionValue.Int) e).value());
    }

    /** A time parameter in seconds ("infinite" reads as 2^32-1 seconds). */
    public Optional<Duration> duration(String name) {
        return number(name).map(Duration::ofSeconds);
    }

    public Optional<Boolean> flag(String name) {
        return first(name).filter(OptionValue.Flag.class::isInstance).map(e -> ((OptionValue.Flag) e).value());
    }

    public Optional<String> text(String name) {
        return first(name).map(e -> {
            if (e instanceof OptionValue.Text text) {
                return text.text();
            } else if (e instanceof OptionValue.DomainName domain) {
                return domain.name();
            } else if (e instanceof OptionValue.EnumValue enumValue) {
                return enumValue.name();
            } else if (e instanceof OptionValue.SpaceName space) {
                return space.name();
            }
            return null;
        });
    }

    public Optional<HostRef> address(String name) {
        return first(name).filter(OptionValue.Address.class::isInstance).map(e -> ((OptionValue.Address) e).host());
    }

    public Optional<Duration> defaultLeaseTime() {
        return duration("default-lease-time");
    }

    public Optional<Duration> maxLeaseTime() {
        return duration("max-lease-time");
    }

    public Optional<Duration> minLeaseTime() {
        return duration("min-lease-time");
    }

    /** {@code authoritative;} in effect (dhcpd's default is not authoritative). */
    public boolean authoritative() {
        return flag("authoritative").orElse(false);
    }

    public Optional<Boolean> updateStaticLeases() {
        return flag("update-static-leases");
    }

    public Optional<Boolean> oneLeasePerClient() {
        return flag("one-lease-per-client");
    }

    /** {@code ddns-update-style}: none, ad-hoc, interim or standard. */
    public Optional<String> ddnsUpdateStyle() {
        return text("ddns-update-style");
    }

    /** {@code log-facility}: a syslog facility name such as local7. */
    public Optional<String> logFacility() {
        return text("log-facility");
    }

    /** {@code ping-check} (dhcpd's default is true). */
    public boolean pingCheck() {
        return flag("ping-check").orElse(true);
    }

    public Optional<Duration> pingTimeout() {
        return duration("ping-timeout");
    }

    public Optional<String> leaseFileName() {
        return text("lease-file-name");
    }

    public Optional<String> pidFileName() {
        return text("pid-file-name");
    }

    public Optional<HostRef> localAddress() {
        return address("local-address");
    }

    public OptionalInt localPort() {
        return number("local-port").map(n -> OptionalInt.of(n.intValue())).orElse(OptionalInt.empty());
    }

    public OptionalInt omapiPort() {
        return number("omapi-port").map(n -> OptionalInt.of(n.intValue())).orElse(OptionalInt.empty());
    }

    public Optional<String> omapiKey() {
        return text("omapi-key");
    }

    public Optional<HostRef> nextServer() {
        return address("next-server");
    }

    public Optional<String> filename() {
        return text("filename");
    }

    public Optional<String> serverName() {
        return text("server-name");
    }
}
