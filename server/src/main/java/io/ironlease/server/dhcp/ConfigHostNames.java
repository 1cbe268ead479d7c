package io.ironlease.server.dhcp;

import io.ironlease.shared.config.model.DhcpConfig;
import io.ironlease.shared.config.model.OptionSetting;
import io.ironlease.shared.config.model.Scope;
import io.ironlease.shared.options.HostRef;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The host names a configuration asks the server to resolve: in option values and parameters
 * ({@code option domain-name-servers redos.test;}, {@code next-server boot.example;}) and in fixed
 * addresses, in every scope. They are resolved in the background by {@link CachedHostResolver}.
 */
public final class ConfigHostNames {

    private ConfigHostNames() {
    }

    public static Set<String> of(DhcpConfig config) {
        Set<String> names = new LinkedHashSet<>();
        for (Scope scope : scopes(config)) {
            addNames(scope.options(), names);
            addNames(scope.parameters(), names);
        }
        config.hosts().forEach(h -> h.fixedAddresses().stream().filter(r -> !r.isLiteral())
                .map(HostRef::text).forEach(names::add));
        return names;
    }

    /** Every scope of the configuration. */
    public static List<Scope> scopes(DhcpConfig config) {
        List<Scope> scopes = new ArrayList<>();
        scopes.add(config.global());
        config.sharedNetworks().forEach(n -> {
            scopes.add(n.scope());
            n.pools().forEach(p -> scopes.add(p.scope()));
            n.subnets().forEach(s -> {
                scopes.add(s.scope());
                s.pools().forEach(p -> scopes.add(p.scope()));
            });
        });
        config.hosts().forEach(h -> scopes.add(h.scope()));
        config.groups().forEach(g -> scopes.add(g.scope()));
        config.classes().forEach(c -> {
            scopes.add(c.scope());
            c.subclasses().forEach(s -> scopes.add(s.scope()));
        });
        return scopes;
    }

    private static void addNames(List<OptionSetting> settings, Set<String> names) {
        for (OptionSetting s : settings) {
            s.value().ifPresent(v -> v.hosts().stream().filter(h -> !h.isLiteral()).map(HostRef::text).forEach(names::add));
        }
    }
}
