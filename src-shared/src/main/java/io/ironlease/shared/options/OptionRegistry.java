package io.ironlease.shared.options;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

/**
 * Option spaces and definitions, looked up by name and by (space, code). Immutable: a config that
 * declares {@code option space} or {@code option NAME code N = TYPE} gets its own registry through
 * {@link #withSpace} and {@link #withDefinitions}, layered over {@link #standard()}.
 */
public final class OptionRegistry {

    private static final OptionRegistry STANDARD = build();

    private final Map<String, OptionSpace> spaces;
    private final Map<String, Map<String, OptionDefinition>> byName;
    private final Map<String, Map<Integer, OptionDefinition>> byCode;

    private OptionRegistry(Map<String, OptionSpace> spaces, Map<String, Map<String, OptionDefinition>> byName,
            Map<String, Map<Integer, OptionDefinition>> byCode) {
        this.spaces = spaces;
        this.byName = byName;
        this.byCode = byCode;
    }

    /** ISC dhcpd 4.4's standard spaces and options (dhcp, agent, fqdn, nwip, server). */
    public static OptionRegistry standard() {
        return STANDARD;
    }

    private static OptionRegistry build() {
        OptionRegistry empty = new OptionRegistry(Map.of(), Map.of(), Map.of());
        OptionRegistry registry = empty;
        for (OptionSpace space : StandardOptions.spaces()) {
            registry = registry.withSpace(space);
        }
        return registry.withDefinitions(StandardOptions.definitions());
    }

    /** A registry with one more space (or a space redeclared with new widths). */
    public OptionRegistry withSpace(OptionSpace space) {
        Map<String, OptionSpace> newSpaces = new LinkedHashMap<>(spaces);
        newSpaces.put(space.name().toLowerCase(Locale.ROOT), space);
        return new OptionRegistry(Collections.unmodifiableMap(newSpaces), byName, byCode);
    }

    /**
     * A registry with these definitions added; a definition replaces any earlier one with the same
     * name or the same code in its space, as a config's {@code option NAME code N = TYPE} does.
     * Throws IllegalArgumentException when a definition's space is unknown.
     */
    public OptionRegistry withDefinitions(Collection<OptionDefinition> definitions) {
        Map<String, Map<String, OptionDefinition>> names = deepCopy(byName);
        Map<String, Map<Integer, OptionDefinition>> codes = deepCopy(byCode);
        for (OptionDefinition def : definitions) {
            String space = def.space().toLowerCase(Locale.ROOT);
            if (!spaces.containsKey(space)) {
                throw new IllegalArgumentException("option space \"" + def.space() + "\" is not declared");
            }
            Map<String, OptionDefinition> spaceNames = names.computeIfAbsent(space, k -> new LinkedHashMap<>());
            Map<Integer, OptionDefinition> spaceCodes = codes.computeIfAbsent(space, k -> new TreeMap<>());
            OptionDefinition sameName = spaceNames.remove(def.key());
            if (sameName != null) {
                spaceCodes.remove(sameName.code());
            }
            OptionDefinition sameCode = spaceCodes.remove(def.code());
            if (sameCode != null) {
                spaceNames.remove(sameCode.key());
            }
            spaceNames.put(def.key(), def);
            spaceCodes.put(def.code(), def);
        }
        return new OptionRegistry(spaces, freeze(names), freeze(codes));
    }

    public Optional<OptionSpace> space(String name) {
        return Optional.ofNullable(spaces.get(name.toLowerCase(Locale.ROOT)));
    }

    public Set<String> spaceNames() {
        return spaces.keySet();
    }

    public Optional<OptionDefinition> byName(String space, String name) {
        Map<String, OptionDefinition> inSpace = byName.get(space.toLowerCase(Locale.ROOT));
        return inSpace == null ? Optional.empty() : Optional.ofNullable(inSpace.get(name.toLowerCase(Locale.ROOT)));
    }

    /** Looks up {@code routers} (dhcp space) or {@code agent.circuit-id} (space-qualified). */
    public Optional<OptionDefinition> byQualifiedName(String qualifiedName) {
        int dot = qualifiedName.indexOf('.');
        return dot < 0 ? byName(OptionSpace.DHCP, qualifiedName)
                : byName(qualifiedName.substring(0, dot), qualifiedName.substring(dot + 1));
    }

    public Optional<OptionDefinition> byCode(String space, int code) {
        Map<Integer, OptionDefinition> inSpace = byCode.get(space.toLowerCase(Locale.ROOT));
        return inSpace == null ? Optional.empty() : Optional.ofNullable(inSpace.get(code));
    }

    /** The definition for a code, or an opaque {@code unknown-N} definition (unknown codes round-trip raw). */
    public OptionDefinition byCodeOrUnknown(String space, int code) {
        return byCode(space, code).orElseGet(() -> OptionDefinition.unknown(space, code));
    }

    /** The definitions of a space, by code. */
    public List<OptionDefinition> definitions(String space) {
        Map<Integer, OptionDefinition> inSpace = byCode.get(space.toLowerCase(Locale.ROOT));
        if (inSpace == null) {
            return List.of();
        }
        List<OptionDefinition> list = new ArrayList<>(inSpace.values());
        list.sort(Comparator.comparingInt(OptionDefinition::code));
        return List.copyOf(list);
    }

    private static <K> Map<String, Map<K, OptionDefinition>> deepCopy(Map<String, Map<K, OptionDefinition>> source) {
        Map<String, Map<K, OptionDefinition>> copy = new LinkedHashMap<>();
        source.forEach((space, inner) -> copy.put(space, new LinkedHashMap<>(inner)));
        return copy;
    }

    private static <K> Map<String, Map<K, OptionDefinition>> freeze(Map<String, Map<K, OptionDefinition>> source) {
        Map<String, Map<K, OptionDefinition>> frozen = new LinkedHashMap<>();
        source.forEach((space, inner) -> frozen.put(space, Collections.unmodifiableMap(inner)));
        return Collections.unmodifiableMap(frozen);
    }
}
