package io.ironlease.pools.model;

import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;

/**
 * The final kind of every address in a lease file, as dhcpd-pools keeps it: a later record replaces
 * an earlier one, a record whose state is not counted leaves the address alone. An open-addressing
 * table of primitives, because a 1M-record file must fit in a few tens of megabytes.
 *
 * <p>The hardware address is kept only when asked for ({@code -f X}/{@code -f J}); as in dhcpd-pools
 * it belongs to the record that set the state, so a newer record without one clears it.
 */
public final class LeaseTable {

    /** No hardware address known. */
    public static final long NO_MAC = -1L;

    private static final byte EMPTY = 0;
    private static final LeaseKind[] KINDS = LeaseKind.values();

    private final boolean keepHardware;
    private int[] keys;
    private byte[] kinds;
    private long[] macs;
    private final Map<Integer, String> oddMacs = new HashMap<>();
    private int size;
    private boolean backupSeen;
    private long records;
    private boolean firstLineIsLease;

    public LeaseTable(boolean keepHardware) {
        this(keepHardware, 512);
    }

    /** A table sized for about {@code expected} addresses, so that reading a big file does not rehash. */
    public LeaseTable(boolean keepHardware, int expected) {
        int capacity = Integer.highestOneBit(Math.max(512, Math.min(expected, 1 << 28)) * 2 - 1) * 2;
        this.keepHardware = keepHardware;
        this.keys = new int[capacity];
        this.kinds = new byte[capacity];
        this.macs = keepHardware ? new long[capacity] : null;
    }

    /** Sets the kind of {@code ip} (address bits), replacing what an earlier record said. */
    public void record(int ip, LeaseKind kind, long mac) {
        if (kind == LeaseKind.BACKUP) {
            backupSeen = true;
        }
        int slot = slotOf(ip);
        if (kinds[slot] == EMPTY) {
            keys[slot] = ip;
            size++;
        }
        kinds[slot] = (byte) (kind.ordinal() + 1);
        if (keepHardware) {
            macs[slot] = mac;
            if (!oddMacs.isEmpty()) {
                oddMacs.remove(ip);
            }
        }
        if (size * 2 > keys.length) {
            grow();
        }
    }

    /**
     * A hardware line whose record set no counted state: dhcpd-pools gives it to the address's
     * current entry, if there is one. Answers whether there was one.
     */
    public boolean attachMac(int ip, long mac) {
        if (!keepHardware) {
            return true;
        }
        int slot = slotOf(ip);
        if (kinds[slot] != EMPTY) {
            macs[slot] = mac;
            oddMacs.remove(ip);
            return true;
        }
        return false;
    }

    /**
     * A hardware address that is not 6 bytes: dhcpd-pools copies 17 characters of its text, so it is
     * kept as text. Call after {@link #record}.
     */
    public boolean attachOddMac(int ip, String text) {
        if (!keepHardware) {
            return true;
        }
        int slot = slotOf(ip);
        if (kinds[slot] != EMPTY) {
            macs[slot] = NO_MAC;
            oddMacs.put(ip, text.length() > 17 ? text.substring(0, 17) : text);
            return true;
        }
        return false;
    }

    /**
     * Lays the entries of a table read from a later part of the same file over this one, as if its
     * records had been read here: its entries replace ours, and its backup sighting counts.
     */
    public void overlay(LeaseTable later) {
        backupSeen |= later.backupSeen;
        records += later.records;
        for (int slot = 0; slot < later.keys.length; slot++) {
            if (later.kinds[slot] != EMPTY) {
                int ip = later.keys[slot];
                record(ip, KINDS[later.kinds[slot] - 1], keepHardware && later.keepHardware ? later.macs[slot] : NO_MAC);
                String odd = later.oddMacs.get(ip);
                if (odd != null) {
                    attachOddMac(ip, odd);
                }
            }
        }
    }

    /** The kind {@code ip} ended with, or null when no counted record named it. */
    public LeaseKind kindOf(int ip) {
        int slot = slotOf(ip);
        return kinds[slot] == EMPTY ? null : KINDS[kinds[slot] - 1];
    }

    /** Counts a lease record read, whatever its state. */
    public void countRecord() {
        records++;
    }

    /** Lease records read, counted or not. */
    public long records() {
        return records;
    }

    /** Notes that the file's first line starts a lease (see {@link #tellsAddressFamily()}). */
    public void firstLineIsLease(boolean value) {
        firstLineIsLease = value;
    }

    /**
     * Whether dhcpd-pools 2.29 would learn IPv4 from this file when the config named no address: it does
     * at the first lease record, except when that record is on the file's very first line, in which case
     * it never does (observed; dhcpd writes a comment first, so its own files always tell).
     */
    public boolean tellsAddressFamily() {
        return records > 0 && !firstLineIsLease;
    }

    /** True once any record said {@code binding state backup}, even if later overridden. */
    public boolean backupSeen() {
        return backupSeen;
    }

    public int size() {
        return size;
    }

    /** The entries ordered by address, for counting per range and listing active leases. */
    public SortedLeases sorted() {
        long[] packed = new long[size];
        int n = 0;
        for (int slot = 0; slot < keys.length; slot++) {
            if (kinds[slot] != EMPTY) {
                // address with its top bit flipped in the high half (so signed order is unsigned address
                // order), slot in the low half: one primitive sort does it all
                packed[n++] = ((long) (keys[slot] ^ Integer.MIN_VALUE) << 32) | slot;
            }
        }
        Arrays.sort(packed);
        int[] ips = new int[n];
        byte[] sortedKinds = new byte[n];
        long[] sortedMacs = keepHardware ? new long[n] : null;
        for (int i = 0; i < n; i++) {
            int slot = (int) packed[i]; // the low half
            ips[i] = keys[slot];
            sortedKinds[i] = (byte) (kinds[slot] - 1);
            if (keepHardware) {
                sortedMacs[i] = macs[slot];
            }
        }
        return new SortedLeases(ips, sortedKinds, sortedMacs, keepHardware ? Map.copyOf(oddMacs) : Map.of());
    }

    private int slotOf(int ip) {
        int mask = keys.length - 1;
        int slot = (ip * 0x9E3779B9 >>> 7) & mask;
        while (kinds[slot] != EMPTY && keys[slot] != ip) {
            slot = (slot + 1) & mask;
        }
        return slot;
    }

    private void grow() {
        int[] oldKeys = keys;
        byte[] oldKinds = kinds;
        long[] oldMacs = macs;
        keys = new int[oldKeys.length * 2];
        kinds = new byte[keys.length];
        macs = keepHardware ? new long[keys.length] : null;
        for (int i = 0; i < oldKeys.length; i++) {
            if (oldKinds[i] != EMPTY) {
                int slot = slotOf(oldKeys[i]);
                keys[slot] = oldKeys[i];
                kinds[slot] = oldKinds[i];
                if (keepHardware) {
                    macs[slot] = oldMacs[i];
                }
            }
        }
    }

    /** Lower-case, colon-separated, two digits per byte: how dhcpd writes {@code hardware ethernet}. */
    static String formatMac(long mac) {
        char[] text = new char[17];
        for (int i = 0; i < 6; i++) {
            int b = (int) (mac >>> (40 - 8 * i)) & 0xff;
            text[i * 3] = Character.forDigit(b >>> 4, 16);
            text[i * 3 + 1] = Character.forDigit(b & 0xf, 16);
            if (i < 5) {
                text[i * 3 + 2] = ':';
            }
        }
        return new String(text);
    }

    /**
     * The entries in address order, as parallel arrays; hardware addresses are formatted when asked
     * for, so that a million of them are not held as strings.
     */
    public static final class SortedLeases {
        private final int[] ips;
        private final byte[] kinds;
        private final long[] macs;
        private final Map<Integer, String> oddMacs;

        SortedLeases(int[] ips, byte[] kinds, long[] macs, Map<Integer, String> oddMacs) {
            this.ips = ips;
            this.kinds = kinds;
            this.macs = macs;
            this.oddMacs = oddMacs;
        }

        public int size() {
            return ips.length;
        }

        /** Address bits, in unsigned order. */
        public int[] ips() {
            return ips;
        }

        /** {@link LeaseKind} ordinals, parallel to {@link #ips()}. */
        public byte[] kinds() {
            return kinds;
        }

        public LeaseKind kind(int index) {
            return KINDS[kinds[index]];
        }

        /** The hardware address as dhcpd writes it, "" when the entry has none or hardware was not kept. */
        public String mac(int index) {
            if (macs == null) {
                return "";
            }
            return macs[index] != NO_MAC ? formatMac(macs[index]) : oddMacs.getOrDefault(ips[index], "");
        }
    }
}
