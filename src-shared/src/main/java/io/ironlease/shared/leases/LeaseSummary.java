package io.ironlease.shared.leases;

import io.ironlease.shared.net.HardwareAddress;
import io.ironlease.shared.net.Ipv4Address;
import java.util.Arrays;
import java.util.Optional;

/**
 * The few fields of a lease record that a pool analyzer needs (address, binding state, starts, ends,
 * hardware address), filled in place by {@link LeaseFileReader#readSummaries}. One instance is reused
 * for every record, so nothing is allocated per lease: read what you need inside the callback and do not
 * keep the object.
 */
public final class LeaseSummary {

    private int ip;
    private BindingState state;
    private boolean stateGiven;
    private long starts;
    private long ends;
    private int hardwareType;
    private int hardwareLength;
    private final byte[] hardware = new byte[HardwareAddress.MAX_LENGTH];

    LeaseSummary() {
    }

    void reset(int ipBits) {
        ip = ipBits;
        state = null;
        stateGiven = false;
        starts = LeaseTime.UNSET;
        ends = LeaseTime.UNSET;
        hardwareType = 0;
        hardwareLength = 0;
    }

    void state(BindingState value) {
        state = value;
        stateGiven = true;
    }

    /** Whether the record wrote its {@code binding state}; when not, {@link #bindingState()} is inferred from {@code ends}. */
    public boolean bindingStateGiven() {
        return stateGiven;
    }

    void inferState(BindingState value) {
        state = value;
    }

    void starts(long time) {
        starts = time;
    }

    void ends(long time) {
        ends = time;
    }

    void hardware(int type, byte[] source, int length) {
        hardwareType = type;
        hardwareLength = length;
        System.arraycopy(source, 0, hardware, 0, length);
    }

    public int ipBits() {
        return ip;
    }

    public Ipv4Address ip() {
        return new Ipv4Address(ip);
    }

    public BindingState bindingState() {
        return state;
    }

    public long starts() {
        return starts;
    }

    public long ends() {
        return ends;
    }

    public boolean hasHardware() {
        return hardwareLength > 0;
    }

    /** The ARP hardware type (1 = Ethernet), 0 when the record has no hardware statement. */
    public int hardwareType() {
        return hardwareType;
    }

    public int hardwareLength() {
        return hardwareLength;
    }

    /**
     * The first eight bytes of the hardware address as a big-endian number (a MAC address fits in the low
     * 48 bits), for compact tables; 0 when there is none.
     */
    public long hardwareBits() {
        long bits = 0;
        for (int i = 0; i < Math.min(hardwareLength, 8); i++) {
            bits = (bits << 8) | (hardware[i] & 0xff);
        }
        return bits;
    }

    /** The hardware address as an object (allocates). */
    public Optional<HardwareAddress> hardware() {
        return hardwareLength == 0 ? Optional.empty()
                : Optional.of(HardwareAddress.of(hardwareType, Arrays.copyOf(hardware, hardwareLength)));
    }

    @Override
    public String toString() {
        return "LeaseSummary[" + ip() + " " + state + " starts=" + starts + " ends=" + ends
                + hardware().map(h -> " hw=" + h).orElse("") + "]";
    }
}
