package io.ironlease.pools.model;

import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The final kind of every address in a lease file, as dhcpd-pools keeps it: a later record replaces
 * an earlier one, a record whose state is not counted leaves the address alone but lends it its
 * hardware address.
 *
 * <p>Records are appended to a log of primitives (sequential writes, no hashing while a big file is
 * read) and resolved by one sort on address then file order ({@link #sorted()}); a 1M-record file takes
 * about 10 MB. Tables of consecutive parts of one file combine ({@link #concat}). The hardware
 * address is kept only when asked for ({@code -f X}/{@code -f J}).
 */
public final class LeaseTable {

    /** No hardware address known. */
    public static final long NO_MAC = -1L;

    private static final LeaseKind[] KINDS = LeaseKind.values();
    /** A log entry that only lends a hardware address to the address's current state. */
    static final byte LEND = (byte) KINDS.length;

    private final boolean keepHardware;
    /** The log, one entry per record: address bits, kind ordinal (or {@link #LEND}), hardware. */
    private int[] ips;
    private byte[] kinds;
    private long[] macs;
    private int length;
    /** Hardware addresses that are not 6 bytes, by log index. */
    private final Map<Integer, String> oddMacs = new HashMap<>();
    private boolean backupSeen;
    private long records;
    private boolean firstLineIsLease;
    private SortedLeases resolved;
    /** This table's log, sorted and resolved by {@link #prepare()}; lent-only entries kept. */
    private SortedLeases part;
    /** For a table made by {@link #concat}: the parts' resolutions, first part first. */
    private List<SortedLeases> parts;

    public LeaseTable(boolean keepHardware) {
        this(keepHardware, 256);
    }

    /** A log sized for about {@code expected} records, so that reading a big file does not copy it. */
    public LeaseTable(boolean keepHardware, int expected) {
        int capacity = Math.max(16, Math.min(expected, 1 << 28));
        this.keepHardware = keepHardware;
        this.ips = new int[capacity];
        this.kinds = new byte[capacity];
        this.macs = keepHardware ? new long[capacity] : null;
    }

    /** Sets the kind of {@code ip} (address bits), replacing what an earlier record said. */
    public void record(int ip, LeaseKind kind, long mac) {
        if (kind == LeaseKind.BACKUP) {
            backupSeen = true;
        }
        append(ip, (byte) kind.ordinal(), mac);
    }

    /**
     * A hardware line whose record set no counted state: dhcpd-pools gives it to the address's current
     * entry, if there is one by then.
     */
    public void attachMac(int ip, long mac) {
        if (keepHardware) {
            append(ip, LEND, mac);
        }
    }

    /**
     * A hardware address that is not 6 bytes: dhcpd-pools copies 17 characters of its text, so it is
     * kept as text. Lent to the address's current entry, like {@link #attachMac}.
     */
    public void attachOddMac(int ip, String text) {
        if (keepHardware) {
            oddMacs.put(length, text.length() > 17 ? text.substring(0, 17) : text);
            append(ip, LEND, NO_MAC);
        }
    }

    private void append(int ip, byte kind, long mac) {
        if (length == ips.length) {
            int capacity = ips.length + (ips.length >> 1);
            ips = Arrays.copyOf(ips, capacity);
            kinds = Arrays.copyOf(kinds, capacity);
            if (keepHardware) {
                macs = Arrays.copyOf(macs, capacity);
            }
        }
        ips[length] = ip;
        kinds[length] = kind;
        if (keepHardware) {
            macs[length] = mac;
        }
        length++;
        resolved = null;
        part = null;
    }

    /**
     * One table from tables of consecutive parts of one file, first part first: later parts override
     * earlier ones as later records do. Each part is resolved on its own ({@link #prepare()}, ideally by
     * the thread that read it), then the sorted parts are merged.
     */
    public static LeaseTable concat(List<LeaseTable> tables) {
        LeaseTable all = new LeaseTable(tables.stream().allMatch(t -> t.keepHardware), 16);
        all.parts = new java.util.ArrayList<>();
        for (LeaseTable table : tables) {
            table.prepare();
            all.parts.add(table.part);
            all.backupSeen |= table.backupSeen;
            all.records += table.records;
        }
        all.firstLineIsLease = !tables.isEmpty() && tables.get(0).firstLineIsLease;
        return all;
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

    /** Addresses with a counted state. */
    public int size() {
        return sorted().size();
    }

    /** The kind {@code ip} ended with, or null when no counted record named it. */
    public LeaseKind kindOf(int ip) {
        SortedLeases all = sorted();
        int lo = 0;
        int hi = all.size() - 1;
        while (lo <= hi) {
            int mid = (lo + hi) >>> 1;
            int cmp = Integer.compareUnsigned(all.ips()[mid], ip);
            if (cmp == 0) {
                return all.kind(mid);
            }
            if (cmp < 0) {
                lo = mid + 1;
            } else {
                hi = mid - 1;
            }
        }
        return null;
    }

    /** The final entries ordered by address, for counting per range and listing active leases. */
    public SortedLeases sorted() {
        if (resolved == null) {
            resolved = resolve();
        }
        return resolved;
    }

    /**
     * Sorts and resolves this table's own log now, so that a table read by one thread of several does
     * its share of the work there (see {@link #concat}).
     */
    public void prepare() {
        if (part == null) {
            part = LeaseResolution.resolvePart(ips, kinds, keepHardware ? macs : null, oddMacs, length);
        }
    }

    private SortedLeases resolve() {
        if (parts != null) {
            return LeaseResolution.merge(parts);
        }
        prepare();
        return LeaseResolution.merge(List.of(part));
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

        /** {@code oddMacs}: text of hardware addresses that are not 6 bytes, by index. */
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
        long macBits(int index) {
            return macs == null ? NO_MAC : macs[index];
        }

        String oddMac(int index) {
            return oddMacs.get(index);
        }

        boolean hasHardware() {
            return macs != null;
        }

        public String mac(int index) {
            if (macs == null) {
                return "";
            }
            String odd = oddMacs.get(index);
            return odd != null ? odd : macs[index] != NO_MAC ? formatMac(macs[index]) : "";
        }
    }
}
