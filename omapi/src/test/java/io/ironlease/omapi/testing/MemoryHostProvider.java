package io.ironlease.omapi.testing;

import io.ironlease.omapi.server.HandleRegistry;
import io.ironlease.omapi.server.ObjectProvider;
import io.ironlease.omapi.wire.OmapiException;
import io.ironlease.omapi.wire.OmapiStatus;
import io.ironlease.omapi.wire.OmapiValues;
import java.util.Arrays;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;

/**
 * A small in-memory {@code host} type for tests: create, look up by name, hardware-address or
 * dhcp-client-identifier, update ip-address, remove; the statuses dhcpd gives (OMAPI-NOTES sections 6, 8).
 */
public final class MemoryHostProvider implements ObjectProvider<String> {

    private static final Set<String> KNOWN = Set.of("name", "hardware-address", "hardware-type", "ip-address",
            "dhcp-client-identifier", "statements", "group", "known");

    private final Map<String, OmapiValues> hosts = new ConcurrentHashMap<>();
    private final Executor executor;

    public MemoryHostProvider(Executor executor) {
        this.executor = executor;
    }

    public boolean exists(String name) {
        return hosts.containsKey(name);
    }

    @Override
    public String type() {
        return "host";
    }

    @Override
    public Optional<Executor> executor() {
        return Optional.ofNullable(executor);
    }

    @Override
    public Optional<String> lookup(OmapiValues keys) {
        Optional<String> name = keys.string("name");
        if (name.isPresent()) {
            return hosts.containsKey(name.get()) ? name : Optional.empty();
        }
        for (String key : new String[] {"hardware-address", "dhcp-client-identifier"}) {
            Optional<byte[]> wanted = keys.data(key);
            if (wanted.isPresent()) {
                return hosts.entrySet().stream().filter(e -> e.getValue().data(key)
                        .map(v -> Arrays.equals(v, wanted.get())).orElse(false)).map(Map.Entry::getKey).findFirst();
            }
        }
        return Optional.empty();
    }

    @Override
    public String create(OmapiValues values) throws OmapiException {
        for (String name : values.names()) {
            if (!KNOWN.contains(name)) {
                throw new OmapiException(OmapiStatus.UNKNOWN_ATTRIBUTE);
            }
        }
        values.int32("hardware-type");
        values.ipv4("ip-address");
        String name = values.string("name").orElseThrow(() -> new OmapiException(OmapiStatus.INVALID_ARGUMENT));
        if (hosts.putIfAbsent(name, values) != null) {
            throw new OmapiException(OmapiStatus.EXISTS);
        }
        return name;
    }

    @Override
    public void update(String name, OmapiValues values) throws OmapiException {
        OmapiValues host = hosts.get(name);
        if (values.contains("name") || (values.contains("hardware-address") && host.contains("hardware-address"))) {
            throw new OmapiException(OmapiStatus.EXISTS);
        }
        OmapiValues.Builder changed = host.toBuilder();
        for (OmapiValues.Entry entry : values) {
            changed.put(entry.name(), entry.value());
        }
        hosts.put(name, changed.build());
    }

    @Override
    public void remove(String name) {
        hosts.remove(name);
    }

    @Override
    public OmapiValues render(String name, HandleRegistry handles) throws OmapiException {
        OmapiValues host = hosts.get(name);
        if (host == null) {
            throw new OmapiException(OmapiStatus.NOT_FOUND);
        }
        OmapiValues.Builder out = OmapiValues.builder();
        for (String attribute : new String[] {"ip-address", "dhcp-client-identifier", "name", "hardware-address",
                "hardware-type"}) {
            host.raw(attribute).ifPresent(value -> out.put(attribute, value));
        }
        return out.build();
    }
}
