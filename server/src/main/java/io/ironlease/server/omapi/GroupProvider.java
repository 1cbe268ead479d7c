package io.ironlease.server.omapi;

import io.ironlease.omapi.server.HandleRegistry;
import io.ironlease.omapi.server.ObjectProvider;
import io.ironlease.omapi.wire.OmapiException;
import io.ironlease.omapi.wire.OmapiStatus;
import io.ironlease.omapi.wire.OmapiValues;
import io.ironlease.server.engine.LeaseEngine;
import io.ironlease.shared.config.model.GroupConfig;
import io.ironlease.shared.leases.GroupRecord;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Executor;
import java.util.stream.Collectors;

/**
 * The OMAPI {@code group} object: named groups of dhcpd.conf and those OMAPI created, which are
 * written to the lease file as dhcpd writes them, {@code group NAME { dynamic; supersede ...; }}
 * (OMAPI-NOTES section 8, p14). Create needs {@code name} and takes {@code statements}; OPEN by name
 * returns only the name, as dhcpd. A host created with {@code group = "NAME"} must name an existing
 * group. DELETE removes an OMAPI group (a rubout); a dhcpd.conf group is refused with 6.
 */
public final class GroupProvider implements ObjectProvider<String> {

    public static final String TYPE = "group";

    private final LeaseEngine engine;
    private final Set<String> configured;

    public GroupProvider(LeaseEngine engine, List<GroupConfig> configGroups) {
        this.engine = engine;
        this.configured = configGroups.stream().map(GroupConfig::name).filter(n -> !n.isEmpty())
                .collect(Collectors.toUnmodifiableSet());
    }

    @Override
    public String type() {
        return TYPE;
    }

    @Override
    public Optional<Executor> executor() {
        return Optional.of(engine.executor());
    }

    /** Whether a group of that name exists (engine thread). */
    boolean exists(String name) {
        return configured.contains(name) || engine.records().group(name).isPresent();
    }

    @Override
    public Optional<String> lookup(OmapiValues keys) throws OmapiException {
        Optional<String> name = keys.string("name");
        if (name.isEmpty()) {
            throw new OmapiException(OmapiStatus.NO_KEYS);
        }
        return exists(name.get()) ? name : Optional.empty();
    }

    @Override
    public String create(OmapiValues values) throws OmapiException {
        String name = null;
        List<String> statements = List.of();
        for (OmapiValues.Entry entry : values) {
            switch (entry.name()) {
                case "name" -> name = new String(entry.value(), StandardCharsets.UTF_8);
                case "statements" -> statements = StatementsText.parse(new String(entry.value(), StandardCharsets.UTF_8));
                default -> throw new OmapiException(OmapiStatus.UNKNOWN_ATTRIBUTE);
            }
        }
        if (name == null || name.isEmpty()) {
            throw new OmapiException(OmapiStatus.INVALID_ARGUMENT);
        }
        if (exists(name)) {
            throw new OmapiException(OmapiStatus.EXISTS);
        }
        engine.commit(List.of(), List.of(new GroupRecord(name, true, false, false, statements)), null, null);
        return name;
    }

    @Override
    public void update(String name, OmapiValues values) throws OmapiException {
        Optional<GroupRecord> record = engine.records().group(name);
        List<String> statements = record.map(GroupRecord::statements).orElse(List.of());
        boolean changed = false;
        for (OmapiValues.Entry entry : values) {
            switch (entry.name()) {
                case "name" -> throw new OmapiException(OmapiStatus.EXISTS);
                case "statements" -> {
                    if (record.isEmpty() || !statements.isEmpty()) {
                        throw new OmapiException(OmapiStatus.EXISTS);
                    }
                    statements = StatementsText.parse(new String(entry.value(), StandardCharsets.UTF_8));
                    changed = true;
                }
                default -> throw new OmapiException(OmapiStatus.UNKNOWN_ATTRIBUTE);
            }
        }
        if (changed) {
            engine.commit(List.of(), List.of(new GroupRecord(name, true, false, false, statements)), null, null);
        }
    }

    @Override
    public void remove(String name) throws OmapiException {
        if (engine.records().group(name).isEmpty()) {
            throw configured.contains(name)
                    ? new OmapiException(OmapiStatus.PERMISSION_DENIED, "group " + name + " is declared in dhcpd.conf")
                    : new OmapiException(OmapiStatus.NOT_FOUND);
        }
        engine.commit(List.of(), List.of(GroupRecord.rubout(name, true)), null, null);
    }

    @Override
    public OmapiValues render(String name, HandleRegistry handles) throws OmapiException {
        if (!exists(name)) {
            throw new OmapiException(OmapiStatus.NOT_FOUND);
        }
        return OmapiValues.builder().putString("name", name).build();
    }

    @Override
    public CompletionStage<Void> whenDurable() {
        return engine.whenDurable();
    }
}
