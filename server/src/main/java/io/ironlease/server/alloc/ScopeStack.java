package io.ironlease.server.alloc;

import io.ironlease.shared.config.ast.Access;
import io.ironlease.shared.config.model.AccessRule;
import io.ironlease.shared.config.model.OptionSetting;
import io.ironlease.shared.config.model.Scope;
import io.ironlease.shared.config.model.ScopeKind;
import io.ironlease.shared.options.OptionValue;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The scopes that apply to one client, innermost first, as dhcpd merges them: host (and its groups),
 * then classes, then pool, subnet, shared network, global (global < shared-network < subnet < pool <
 * class < host). Each scope appears once, so a host's own chain up to the global scope does not put
 * global values back over the subnet's.
 */
public final class ScopeStack {

    private final List<Scope> scopes;
    private ScopeParams params;

    private ScopeStack(List<Scope> scopes) {
        this.scopes = List.copyOf(scopes);
    }

    /** The parameters the engine uses, read once per stack. */
    public ScopeParams params() {
        if (params == null) {
            params = ScopeParams.of(this);
        }
        return params;
    }

    /**
     * @param host    a host's scope, or null
     * @param classes scopes of the classes the client is in, most specific first
     * @param pool    the pool's scope, or null
     * @param subnet  the subnet's scope (its chain ends at the global scope)
     */
    public static ScopeStack of(Scope host, List<Scope> classes, Scope pool, Scope subnet) {
        Set<Scope> seen = Collections.newSetFromMap(new IdentityHashMap<>());
        List<Scope> base = subnet.chain();
        seen.addAll(base);
        List<Scope> inner = new ArrayList<>();
        if (host != null) {
            addOwn(host.chain(), inner, seen);
        }
        for (Scope c : classes) {
            addOwn(c.chain(), inner, seen);
        }
        if (pool != null) {
            addOwn(pool.chain(), inner, seen);
        }
        inner.addAll(base);
        return new ScopeStack(inner);
    }

    private static void addOwn(List<Scope> chain, List<Scope> out, Set<Scope> seen) {
        for (Scope s : chain) {
            if (s.kind() != ScopeKind.GLOBAL && seen.add(s)) {
                out.add(s);
            }
        }
    }

    /** Innermost first. */
    public List<Scope> scopes() {
        return scopes;
    }

    /** The nearest setting of a parameter ({@code default-lease-time}). */
    public Optional<OptionSetting> parameter(String name) {
        String wanted = name.toLowerCase(Locale.ROOT);
        for (Scope scope : scopes) {
            List<OptionSetting> own = scope.parameters();
            for (int i = own.size() - 1; i >= 0; i--) {
                if (own.get(i).name().toLowerCase(Locale.ROOT).equals(wanted)) {
                    return Optional.of(own.get(i));
                }
            }
        }
        return Optional.empty();
    }

    public Optional<Duration> duration(String name) {
        return number(name).map(Duration::ofSeconds);
    }

    public Optional<Long> number(String name) {
        return first(name).filter(OptionValue.Int.class::isInstance).map(e -> ((OptionValue.Int) e).value());
    }

    public Optional<Boolean> flag(String name) {
        return first(name).filter(OptionValue.Flag.class::isInstance).map(e -> ((OptionValue.Flag) e).value());
    }

    public Optional<OptionValue> value(String name) {
        return parameter(name).flatMap(OptionSetting::value);
    }

    private Optional<OptionValue.Element> first(String name) {
        return value(name).map(OptionValue::elements).filter(e -> !e.isEmpty()).map(e -> e.get(0));
    }

    /** Every option in effect, one per space and code, the innermost setting winning; outer options first. */
    public List<OptionSetting> options() {
        Map<String, OptionSetting> merged = new LinkedHashMap<>();
        for (int i = scopes.size() - 1; i >= 0; i--) {
            for (OptionSetting setting : scopes.get(i).options()) {
                String key = setting.definition().space() + "/" + setting.definition().code();
                merged.put(key, setting);
            }
        }
        return List.copyOf(merged.values());
    }

    /**
     * The innermost {@code allow|deny|ignore FLAG;} for a flag such as {@code unknown-clients},
     * {@code bootp} or {@code booting}; empty when no scope sets it.
     */
    public Optional<Access> access(String flag) {
        for (Scope scope : scopes) {
            List<AccessRule> rules = scope.accessRules();
            for (int i = rules.size() - 1; i >= 0; i--) {
                if (rules.get(i).flag().equalsIgnoreCase(flag)) {
                    return Optional.of(rules.get(i).access());
                }
            }
        }
        return Optional.empty();
    }
}
