package io.ironlease.pools.input;

import io.ironlease.pools.model.LeaseKind;
import io.ironlease.pools.model.LeaseTable;
import java.util.List;

/**
 * Folds lease records, in file order, into a {@link LeaseTable} with dhcpd-pools' rules: a record with
 * a counted binding state replaces the address's entry (its hardware address with it); a record with
 * another state or none leaves the entry alone but lends it its hardware address. With
 * {@link LeaseOptions#expiryAware()}, an active record that ended at or before {@code now} is expired.
 */
public final class LeaseFolder {

    /** No {@code ends} line. */
    public static final long NO_END = Long.MIN_VALUE;
    /** {@code ends never;}. */
    public static final long NEVER = Long.MAX_VALUE;

    private final LeaseTable table;
    private final boolean expiryAware;
    private final long now;

    public LeaseFolder(LeaseOptions options) {
        this(options, 512);
    }

    /** A folder whose table is sized for about {@code expectedRecords}. */
    public LeaseFolder(LeaseOptions options, int expectedRecords) {
        this.table = new LeaseTable(options.keepHardware(), expectedRecords);
        this.expiryAware = options.expiryAware();
        this.now = options.now().getEpochSecond();
    }

    /**
     * One lease record.
     *
     * @param ip the address bits
     * @param bindingState the {@code binding state} keyword, or null when the record has none
     * @param mac the 6-byte {@code hardware ethernet} address, or {@link LeaseTable#NO_MAC}
     * @param ends the {@code ends} time in epoch seconds, {@link #NO_END} or {@link #NEVER}
     */
    public void fold(int ip, String bindingState, long mac, long ends) {
        table.countRecord();
        LeaseKind kind = bindingState == null ? null : LeaseKind.ofBindingState(bindingState);
        if (kind == null) {
            if (mac != LeaseTable.NO_MAC) {
                table.attachMac(ip, mac);
            }
            return;
        }
        if (kind == LeaseKind.ACTIVE && expiryAware && ends != NO_END && ends != NEVER && ends <= now) {
            kind = LeaseKind.TOUCHED;
        }
        table.record(ip, kind, mac);
    }

    /** A record whose hardware address is not 6 bytes long, given as text. */
    public void foldOddHardware(int ip, String bindingState, String hardwareText, long ends) {
        fold(ip, bindingState, LeaseTable.NO_MAC, ends);
        table.attachOddMac(ip, hardwareText);
    }

    public LeaseTable table() {
        return table;
    }

    /** One table from folders that read consecutive parts of one file, first part first. */
    public static LeaseTable merge(List<LeaseFolder> parts) {
        return LeaseTable.concat(parts.stream().map(LeaseFolder::table).toList());
    }
}
