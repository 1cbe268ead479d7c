package io.ironlease.omapi.server;

import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Server-wide object handles. As in dhcpd, a handle belongs to the server, not to a connection, and an
 * object keeps it (lease 192.168.100.100 was handle 2 in two different sessions, OMAPI-NOTES section
 * 2). Handles count up from 1; the server registers its keys first, so the first key is handle 1 as
 * in dhcpd. Thread-safe: providers call {@link #handleFor} from their own threads while rendering.
 */
public final class HandleRegistry {

    /** One registered object. */
    public record Entry(int handle, String type, Object object) {
    }

    private record Key(String type, Object object) {
    }

    private final AtomicInteger next = new AtomicInteger(1);
    private final Map<Key, Integer> byObject = new ConcurrentHashMap<>();
    private final Map<Integer, Entry> byHandle = new ConcurrentHashMap<>();

    /**
     * The handle of an object of a type, assigned on first call and the same afterwards. Types without a
     * provider (a lease's {@code subnet} and {@code pool}) get handles too; opening them by handle then
     * answers "no matching handle".
     */
    public int handleFor(String type, Object object) {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(object, "object");
        return byObject.computeIfAbsent(new Key(type, object), key -> {
            int handle = next.getAndIncrement();
            byHandle.put(handle, new Entry(handle, type, object));
            return handle;
        });
    }

    /** The object a handle stands for; empty for 0, unknown or released handles. */
    public Optional<Entry> lookup(int handle) {
        return Optional.ofNullable(byHandle.get(handle));
    }

    /** Forgets a deleted object's handle; the number is never given out again. */
    public void release(int handle) {
        Entry entry = byHandle.remove(handle);
        if (entry != null) {
            byObject.remove(new Key(entry.type(), entry.object()), handle);
        }
    }

    /** Registered objects. */
    public int size() {
        return byHandle.size();
    }
}
