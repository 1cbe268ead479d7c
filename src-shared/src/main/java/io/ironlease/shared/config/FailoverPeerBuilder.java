package io.ironlease.shared.config;

import io.ironlease.shared.config.ast.FailoverSetting;
import io.ironlease.shared.config.ast.Statement;
import io.ironlease.shared.config.model.FailoverPeerConfig;
import io.ironlease.shared.config.model.FailoverRole;
import io.ironlease.shared.net.Ipv4Address;
import io.ironlease.shared.options.HostRef;
import java.time.Duration;
import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * Builds a {@link FailoverPeerConfig} from its declaration and checks the role rules of
 * {@code man dhcpd.conf}: the primary needs {@code mclt} and {@code split} or {@code hba}; the
 * secondary may have none of them; split and hba exclude each other. Errors point at the statement
 * at fault, or at the declaration when something is missing.
 */
final class FailoverPeerBuilder {

    private final ParseState state;
    private FailoverSetting.Role role;
    private FailoverSetting.Address address;
    private FailoverSetting.Address peerAddress;
    private int port = FailoverPeerConfig.DEFAULT_PORT;
    private int peerPort = FailoverPeerConfig.DEFAULT_PORT;
    private FailoverSetting.Hba hba;
    private final Map<FailoverSetting.Parameter, FailoverSetting.Number> numbers =
            new EnumMap<>(FailoverSetting.Parameter.class);

    FailoverPeerBuilder(ParseState state) {
        this.state = state;
    }

    FailoverPeerConfig build(Statement.FailoverPeer declaration) {
        for (FailoverSetting setting : declaration.settings()) {
            collect(setting);
        }
        String peer = "failover peer \"" + declaration.name() + "\"";
        ParseState report = declaration.complete() ? state : new ParseState(state.registry, state.reader);
        checkMissing(declaration, peer, report);
        FailoverSetting.Number mclt = numbers.get(FailoverSetting.Parameter.MCLT);
        FailoverSetting.Number split = numbers.get(FailoverSetting.Parameter.SPLIT);
        if (split != null && hba != null) {
            SourcePos later = split.pos().compareTo(hba.pos()) > 0 ? split.pos() : hba.pos();
            state.error(later, peer + " has both split and hba; give only one");
        }
        if (role != null && role.role() == FailoverRole.SECONDARY) {
            secondaryMayNot(peer, mclt, "mclt");
            secondaryMayNot(peer, split, "split");
            if (hba != null) {
                state.error(hba.pos(), peer + " is secondary: hba belongs on the primary only");
            }
        }
        return config(declaration, mclt, split);
    }

    /** Mandatory settings; reported only for a declaration that parsed completely. */
    private void checkMissing(Statement.FailoverPeer declaration, String peer, ParseState report) {
        if (role == null) {
            report.error(declaration.pos(), peer + " says neither primary; nor secondary;");
        }
        if (address == null) {
            report.error(declaration.pos(), peer + " has no address (the local address its partner connects to)");
        }
        if (peerAddress == null) {
            report.error(declaration.pos(), peer + " has no peer address (where to reach the partner)");
        }
        if (role != null && role.role() == FailoverRole.PRIMARY) {
            if (!numbers.containsKey(FailoverSetting.Parameter.SPLIT) && hba == null) {
                report.error(declaration.pos(), peer + " is primary but has neither split nor hba (e.g. split 128;)");
            }
            if (!numbers.containsKey(FailoverSetting.Parameter.MCLT)) {
                report.error(declaration.pos(), peer + " is primary but has no mclt (e.g. mclt 3600;)");
            }
        }
    }

    private FailoverPeerConfig config(Statement.FailoverPeer declaration, FailoverSetting.Number mclt,
            FailoverSetting.Number split) {
        return new FailoverPeerConfig(declaration.name(), declaration.pos(),
                role == null ? FailoverRole.PRIMARY : role.role(), host(address), port, host(peerAddress), peerPort,
                seconds(FailoverSetting.Parameter.MAX_RESPONSE_DELAY, FailoverPeerConfig.DEFAULT_MAX_RESPONSE_DELAY),
                (int) number(FailoverSetting.Parameter.MAX_UNACKED_UPDATES, FailoverPeerConfig.DEFAULT_MAX_UNACKED_UPDATES),
                Optional.ofNullable(mclt).map(n -> Duration.ofSeconds(n.value())),
                split == null ? OptionalInt.empty() : OptionalInt.of((int) split.value()),
                hba == null ? new byte[0] : hba.bitmap(),
                seconds(FailoverSetting.Parameter.LOAD_BALANCE_MAX_SECONDS, Duration.ZERO),
                (int) number(FailoverSetting.Parameter.MAX_LEASE_MISBALANCE, FailoverPeerConfig.DEFAULT_MAX_LEASE_MISBALANCE),
                (int) number(FailoverSetting.Parameter.MAX_LEASE_OWNERSHIP, FailoverPeerConfig.DEFAULT_MAX_LEASE_OWNERSHIP),
                seconds(FailoverSetting.Parameter.MIN_BALANCE, FailoverPeerConfig.DEFAULT_MIN_BALANCE),
                seconds(FailoverSetting.Parameter.MAX_BALANCE, FailoverPeerConfig.DEFAULT_MAX_BALANCE),
                seconds(FailoverSetting.Parameter.AUTO_PARTNER_DOWN, Duration.ZERO));
    }

    private void collect(FailoverSetting setting) {
        if (setting instanceof FailoverSetting.Role r) {
            if (role != null && role.role() != r.role()) {
                state.error(r.pos(), "a failover peer is either primary or secondary, not both");
            }
            role = r;
        } else if (setting instanceof FailoverSetting.Address a) {
            if (a.peer()) {
                peerAddress = a;
            } else {
                address = a;
            }
        } else if (setting instanceof FailoverSetting.Port p) {
            if (p.peer()) {
                peerPort = p.port();
            } else {
                port = p.port();
            }
        } else if (setting instanceof FailoverSetting.Hba h) {
            hba = h;
        } else if (setting instanceof FailoverSetting.Number n) {
            numbers.put(n.parameter(), n);
        }
    }

    private void secondaryMayNot(String peer, FailoverSetting.Number setting, String keyword) {
        if (setting != null) {
            state.error(setting.pos(), peer + " is secondary: " + keyword + " belongs on the primary only");
        }
    }

    private static HostRef host(FailoverSetting.Address setting) {
        return setting == null ? HostRef.of(Ipv4Address.ANY) : setting.address();
    }

    private long number(FailoverSetting.Parameter parameter, long fallback) {
        FailoverSetting.Number setting = numbers.get(parameter);
        return setting == null || setting.value() == 0 && fallback != 0 ? fallback : setting.value();
    }

    private Duration seconds(FailoverSetting.Parameter parameter, Duration fallback) {
        return Duration.ofSeconds(number(parameter, fallback.toSeconds()));
    }
}
