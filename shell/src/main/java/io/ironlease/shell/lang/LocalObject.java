package io.ironlease.shell.lang;

import io.ironlease.omapi.wire.OmapiValues;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * omshell's one local object (ISC's dhcpctl remote object over a generic object): a type, the
 * server's handle once opened, and named values in the order they first appeared. Setting a name
 * that is there replaces its value in place; a new name goes at the end. Each value carries ISC's
 * "changed" flag: only changed values are sent by {@code open}, {@code create} and {@code update},
 * and a successful {@code open}, {@code create} or {@code refresh} clears every flag. The name
 * {@code remote-handle} is not stored: it sets the handle, as in dhcpctl.
 */
final class LocalObject {

    private static final String REMOTE_HANDLE = "remote-handle";

    private final String type;
    private final List<Slot> slots = new ArrayList<>();
    private int handle;

    private static final class Slot {
        final String name;
        Value value;
        boolean changed;

        Slot(String name, Value value) {
            this.name = name;
            this.value = value;
            this.changed = true;
        }
    }

    LocalObject(String type) {
        this.type = type;
    }

    String type() {
        return type;
    }

    int handle() {
        return handle;
    }

    /** Sets a value (ISC's generic {@code set_value}); {@code name} is byte text. */
    void set(String name, Value value) {
        if (name.equals(REMOTE_HANDLE)) {
            // dhcpctl takes remote-handle as the handle: an integer, or 4 bytes of data
            if (value instanceof Value.Int number) {
                handle = number.value();
            } else if (value instanceof Value.Data data && data.bytes().length == 4) {
                byte[] b = data.bytes();
                handle = ((b[0] & 0xff) << 24) | ((b[1] & 0xff) << 16) | ((b[2] & 0xff) << 8) | (b[3] & 0xff);
            }
            return;
        }
        for (Slot slot : slots) {
            if (slot.name.equals(name)) {
                slot.value = value;
                slot.changed = true;
                return;
            }
        }
        slots.add(new Slot(name, value));
    }

    /** The values to send: those changed since the last successful open or refresh, in order. */
    OmapiValues changedValues() {
        OmapiValues.Builder out = OmapiValues.builder();
        for (Slot slot : slots) {
            if (slot.changed && !slot.name.isEmpty()) {   // dhcpctl never sends a nameless value
                out.append(slot.name, slot.value.wire());
            }
        }
        return out.build();
    }

    /**
     * Takes in the server's reply to open, create or refresh: every value as data (a zero-length one as
     * null), then the handle, then all flags cleared.
     */
    void update(int replyHandle, OmapiValues values) {
        for (OmapiValues.Entry entry : values) {
            set(entry.name(), entry.length() == 0 ? new Value.Null() : new Value.Data(entry.value()));
        }
        if (replyHandle != 0) {
            handle = replyHandle;
        }
        for (Slot slot : slots) {
            slot.changed = false;
        }
    }

    /** The names in order (for completion). */
    List<String> names() {
        return slots.stream().map(slot -> slot.name).toList();
    }

    /** What omshell prints before each prompt: {@code obj: TYPE} and one {@code name = value} line per value. */
    List<String> lines() {
        List<String> lines = new ArrayList<>();
        lines.add("obj: " + type);
        for (Slot slot : slots) {
            lines.add(slot.name + " = " + slot.value.render());
        }
        return lines;
    }

    /** Byte text of raw bytes. */
    static String text(byte[] bytes) {
        return new String(bytes, StandardCharsets.ISO_8859_1);
    }
}
