package io.ironlease.shared.config.model;

import io.ironlease.shared.config.SourcePos;
import io.ironlease.shared.config.ast.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * One dhcpd.conf scope: its own settings in declaration order and a link to the enclosing scope, so
 * a value is found by walking outwards (host, then its group, ..., then global). Subnets sit inside
 * their shared network's scope, implicit or declared, as in dhcpd. Immutable.
 */
public final class Scope {

    private final ScopeKind kind;
    private final String name;
    private final SourcePos pos;
    private final Scope parent;
    private final List<OptionSetting> options;
    private final List<OptionSetting> parameters;
    private final List<AccessRule> accessRules;
    private final List<Statement> statements;

    /**
     * @param name       what the scope is called in messages (a subnet's CIDR, a host's name, "" for global)
     * @param parent     the enclosing scope, null for the global scope
     * @param options    option settings (every space but {@code server})
     * @param parameters parameter settings ({@code server} space: default-lease-time, authoritative, ...)
     * @param statements conditional and executable statements ({@code if}, {@code on}, {@code log}, ...)
     */
    public Scope(ScopeKind kind, String name, SourcePos pos, Scope parent, List<OptionSetting> options,
            List<OptionSetting> parameters, List<AccessRule> accessRules, List<Statement> statements) {
        this.kind = Objects.requireNonNull(kind, "kind");
        this.name = Objects.requireNonNull(name, "name");
        this.pos = Objects.requireNonNull(pos, "pos");
        this.parent = parent;
        this.options = List.copyOf(options);
        this.parameters = List.copyOf(parameters);
        this.accessRules = List.copyOf(accessRules);
        this.statements = List.copyOf(statements);
    }

    public ScopeKind kind() {
        return kind;
    }

    public String name() {
        return name;
    }

    public SourcePos pos() {
        return pos;
    }

    public Optional<Scope> parent() {
        return Optional.ofNullable(parent);
    }

    /** This scope's own option settings, in declaration order. */
    public List<OptionSetting> options() {
        return options;
    }

    /** This scope's own parameter settings, in declaration order. */
    public List<OptionSetting> parameters() {
        return parameters;
    }

    public List<AccessRule> accessRules() {
        return accessRules;
    }

    /** {@code if}, {@code on} and executable statements of this scope, kept as parsed. */
    public List<Statement> statements() {
        return statements;
    }

    /** This scope and its ancestors, innermost first. */
    public List<Scope> chain() {
        List<Scope> chain = new ArrayList<>();
        for (Scope scope = this; scope != null; scope = scope.parent) {
            chain.add(scope);
        }
        return chain;
    }

    /** This scope's own setting of an option ({@code routers}, {@code agent.circuit-id}); the last one counts. */
    public Optional<OptionSetting> option(String qualifiedName) {
        return last(options, qualifiedName);
    }

    /** The option as seen from this scope: the nearest scope outwards that sets it. */
    public Optional<OptionSetting> findOption(String qualifiedName) {
        for (Scope scope : chain()) {
            Optional<OptionSetting> own = scope.option(qualifiedName);
            if (own.isPresent()) {
                return own;
            }
        }
        return Optional.empty();
    }

    /** Every option in effect here, one per option, the nearest setting winning; outer options first. */
    public List<OptionSetting> effectiveOptions() {
        Map<String, OptionSetting> merged = new LinkedHashMap<>();
        List<Scope> chain = chain();
        for (int i = chain.size() - 1; i >= 0; i--) {
            for (OptionSetting setting : chain.get(i).options) {
                merged.put(setting.definition().space() + "/" + setting.definition().code(), setting);
            }
        }
        return List.copyOf(merged.values());
    }

    /** The parameter as seen from this scope (e.g. {@code default-lease-time}). */
    public Optional<OptionSetting> findParameter(String parameterName) {
        for (Scope scope : chain()) {
            Optional<OptionSetting> own = last(scope.parameters, parameterName);
            if (own.isPresent()) {
                return own;
            }
        }
        return Optional.empty();
    }

    /** Typed access to the parameters in effect here. */
    public Parameters params() {
        return new Parameters(this);
    }

    private static Optional<OptionSetting> last(List<OptionSetting> settings, String name) {
        String wanted = name.toLowerCase(Locale.ROOT);
        for (int i = settings.size() - 1; i >= 0; i--) {
            if (settings.get(i).name().toLowerCase(Locale.ROOT).equals(wanted)) {
                return Optional.of(settings.get(i));
            }
        }
        return Optional.empty();
    }

    @Override
    public String toString() {
        return "Scope[" + kind.keyword() + (name.isEmpty() ? "" : " " + name) + " at " + pos + "]";
    }
}
