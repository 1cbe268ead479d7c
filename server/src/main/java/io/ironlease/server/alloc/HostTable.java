package io.ironlease.server.alloc;

import io.ironlease.shared.config.model.DhcpConfig;
import io.ironlease.shared.config.model.HostConfig;
import io.ironlease.shared.leases.HostRecord;
import io.ironlease.shared.net.HardwareAddress;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Every host the server knows: dhcpd.conf hosts, then lease-file host records applied in order (an
 * OMAPI host, a changed dhcpd.conf host, or a rubout that removes one), with lookups by name, client
 * identifier and hardware address. Engine-thread confined.
 */
public final class HostTable {

    private final Map<String, HostEntry> byName = new LinkedHashMap<>();
    private final Map<String, HostEntry> configured = new HashMap<>();
    private final Map<HardwareAddress, List<HostEntry>> byHardware = new HashMap<>();
    private final Map<ByteBuffer, List<HostEntry>> byUid = new HashMap<>();
    private int version;

    public static HostTable of(DhcpConfig config) {
        HostTable table = new HostTable();
        for (HostConfig host : config.hosts()) {
            HostEntry entry = HostEntry.of(host);
            table.configured.putIfAbsent(host.name(), entry);
            table.put(entry);
        }
        return table;
    }

    /** Applies a lease-file host record: declares, replaces or (a rubout) removes the host of that name. */
    public void apply(HostRecord record) {
        remove(record.name());
        if (!record.deleted()) {
            put(HostEntry.of(record, Optional.ofNullable(configured.get(record.name()))));
        }
    }

    void put(HostEntry entry) {
        remove(entry.name());
        byName.put(entry.name(), entry);
        entry.hardware().ifPresent(hw -> byHardware.computeIfAbsent(hw, k -> new ArrayList<>(1)).add(entry));
        if (entry.hasUid()) {
            byUid.computeIfAbsent(ByteBuffer.wrap(entry.uid()), k -> new ArrayList<>(1)).add(entry);
        }
        version++;
    }

    Optional<HostEntry> remove(String name) {
        HostEntry old = byName.remove(name);
        if (old == null) {
            return Optional.empty();
        }
        old.hardware().ifPresent(hw -> unlink(byHardware, hw, old));
        if (old.hasUid()) {
            unlink(byUid, ByteBuffer.wrap(old.uidBytes()), old);
        }
        version++;
        return Optional.of(old);
    }

    private static <K> void unlink(Map<K, List<HostEntry>> map, K key, HostEntry entry) {
        List<HostEntry> list = map.get(key);
        if (list != null) {
            list.remove(entry);
            if (list.isEmpty()) {
                map.remove(key);
            }
        }
    }

    public Optional<HostEntry> byName(String name) {
        return Optional.ofNullable(byName.get(name));
    }

    public List<HostEntry> byHardware(HardwareAddress hardware) {
        return Collections.unmodifiableList(byHardware.getOrDefault(hardware, List.of()));
    }

    public List<HostEntry> byUid(byte[] uid) {
        return Collections.unmodifiableList(byUid.getOrDefault(ByteBuffer.wrap(uid), List.of()));
    }

    /** The hosts matching a client: by client identifier first, then by hardware address (as dhcpd). */
    public List<HostEntry> matching(ClientId client) {
        if (byName.isEmpty()) {
            return List.of();
        }
        List<HostEntry> out = new ArrayList<>(2);
        if (client.hasUid()) {
            out.addAll(byUid.getOrDefault(ByteBuffer.wrap(client.uidBytes()), List.of()));
        }
        for (HostEntry h : byHardware.getOrDefault(client.hardware(), List.of())) {
            if (!out.contains(h)) {
                out.add(h);
            }
        }
        return out;
    }

    /** Whether {@code name} is declared in dhcpd.conf (a removal must then be written as a rubout). */
    public boolean isConfigured(String name) {
        return configured.containsKey(name);
    }

    public Collection<HostEntry> all() {
        return Collections.unmodifiableCollection(byName.values());
    }

    public int size() {
        return byName.size();
    }

    /** Changes whenever a host is added or removed (for caches of fixed addresses). */
    int version() {
        return version;
    }
}
