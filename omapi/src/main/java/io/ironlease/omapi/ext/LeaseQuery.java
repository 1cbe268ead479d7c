package io.ironlease.omapi.ext;

import io.ironlease.omapi.wire.OmapiException;
import io.ironlease.omapi.wire.OmapiStatus;
import io.ironlease.omapi.wire.OmapiValues;
import io.ironlease.shared.net.HardwareAddress;
import io.ironlease.shared.net.Ipv4Address;
import io.ironlease.shared.net.Subnet;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;

/**
 * The filters of one page request of the lease listing extension: the object values of an OPEN of
 * type {@value #TYPE}. OMAPI has no way to enumerate leases (a lookup names one object), so ironlease
 * adds an object type that ISC dhcpd does not know (it answers 23 "no matching handle") and ISC
 * clients never ask for. Every filter is optional and they combine with AND:
 *
 * <pre>
 * name        wire form                               matches a lease whose
 * mac-prefix  1-16 raw bytes                          hardware-address starts with these bytes
 * state       4-byte integer, 1-9 (lease state code)   state is this code (1 free, 2 active, ...)
 * subnet      8 bytes: network address, netmask        ip-address is inside the subnet
 * ip-from     4 bytes                                  ip-address is at or above it
 * ip-to       4 bytes                                  ip-address is at or below it
 * limit       4-byte integer, 1-{@value #MAX_LIMIT}     (page size; default {@value #DEFAULT_LIMIT})
 * cursor      1-{@value #MAX_CURSOR_LENGTH} opaque bytes  (the previous page's next-cursor; absent = first page)
 * </pre>
 *
 * A malformed filter gets status 0x60003 "invalid argument"; an unknown name 0x60020 "unknown
 * attribute" (never ignored, so an older server cannot silently widen a newer client's filter).
 * The reply is a {@link LeasePage}.
 */
public final class LeaseQuery {

    /** The OMAPI object type of the extension. */
    public static final String TYPE = "ironlease-lease-query";
    public static final String MAC_PREFIX = "mac-prefix";
    public static final String STATE = "state";
    public static final String SUBNET = "subnet";
    public static final String IP_FROM = "ip-from";
    public static final String IP_TO = "ip-to";
    public static final String LIMIT = "limit";
    public static final String CURSOR = "cursor";
    public static final int DEFAULT_LIMIT = 100;
    public static final int MAX_LIMIT = 1000;
    public static final int MAX_CURSOR_LENGTH = 64;
    /** Lease state codes run from 1 (free) to 9 (bootp), as in a {@code lease} object's {@code state}. */
    public static final int MAX_STATE = 9;

    private static final Set<String> NAMES = Set.of(MAC_PREFIX, STATE, SUBNET, IP_FROM, IP_TO, LIMIT, CURSOR);

    private final byte[] macPrefix;
    private final Integer state;
    private final Subnet subnet;
    private final Ipv4Address ipFrom;
    private final Ipv4Address ipTo;
    private final int limit;
    private final byte[] cursor;

    private LeaseQuery(byte[] macPrefix, Integer state, Subnet subnet, Ipv4Address ipFrom, Ipv4Address ipTo, int limit,
            byte[] cursor) {
        if (macPrefix != null && (macPrefix.length == 0 || macPrefix.length > HardwareAddress.MAX_LENGTH)) {
            throw new IllegalArgumentException("mac-prefix must be 1-16 bytes, not " + macPrefix.length);
        }
        if (state != null && (state < 1 || state > MAX_STATE)) {
            throw new IllegalArgumentException("state must be a lease state code 1-" + MAX_STATE + ", not " + state);
        }
        if (limit < 1 || limit > MAX_LIMIT) {
            throw new IllegalArgumentException("limit must be 1-" + MAX_LIMIT + ", not " + limit);
        }
        if (ipFrom != null && ipTo != null && ipFrom.compareTo(ipTo) > 0) {
            throw new IllegalArgumentException("ip-from " + ipFrom + " is above ip-to " + ipTo);
        }
        if (cursor != null && (cursor.length == 0 || cursor.length > MAX_CURSOR_LENGTH)) {
            throw new IllegalArgumentException("cursor must be 1-" + MAX_CURSOR_LENGTH + " bytes, not " + cursor.length);
        }
        this.macPrefix = macPrefix == null ? null : macPrefix.clone();
        this.state = state;
        this.subnet = subnet;
        this.ipFrom = ipFrom;
        this.ipTo = ipTo;
        this.limit = limit;
        this.cursor = cursor == null ? null : cursor.clone();
    }

    /** No filter: every lease, first page, {@value #DEFAULT_LIMIT} per page. */
    public static LeaseQuery all() {
        return new LeaseQuery(null, null, null, null, null, DEFAULT_LIMIT, null);
    }

    public LeaseQuery withMacPrefix(byte[] prefix) {
        return new LeaseQuery(prefix, state, subnet, ipFrom, ipTo, limit, cursor);
    }

    public LeaseQuery withState(int code) {
        return new LeaseQuery(macPrefix, code, subnet, ipFrom, ipTo, limit, cursor);
    }

    public LeaseQuery withSubnet(Subnet within) {
        return new LeaseQuery(macPrefix, state, within, ipFrom, ipTo, limit, cursor);
    }

    /** Inclusive address bounds; either may be null for open-ended. */
    public LeaseQuery withRange(Ipv4Address from, Ipv4Address to) {
        return new LeaseQuery(macPrefix, state, subnet, from, to, limit, cursor);
    }

    public LeaseQuery withLimit(int pageSize) {
        return new LeaseQuery(macPrefix, state, subnet, ipFrom, ipTo, pageSize, cursor);
    }

    /** The same filters, continuing after a page: {@code next} is that page's next-cursor (null: first page). */
    public LeaseQuery withCursor(byte[] next) {
        return new LeaseQuery(macPrefix, state, subnet, ipFrom, ipTo, limit, next);
    }

    public Optional<byte[]> macPrefix() {
        return Optional.ofNullable(macPrefix).map(byte[]::clone);
    }

    public OptionalInt state() {
        return state == null ? OptionalInt.empty() : OptionalInt.of(state);
    }

    public Optional<Subnet> subnet() {
        return Optional.ofNullable(subnet);
    }

    public Optional<Ipv4Address> ipFrom() {
        return Optional.ofNullable(ipFrom);
    }

    public Optional<Ipv4Address> ipTo() {
        return Optional.ofNullable(ipTo);
    }

    public int limit() {
        return limit;
    }

    public Optional<byte[]> cursor() {
        return Optional.ofNullable(cursor).map(byte[]::clone);
    }

    /** The OPEN's object values, in the order of the table above; absent filters are not sent. */
    public OmapiValues toValues() {
        OmapiValues.Builder out = OmapiValues.builder();
        if (macPrefix != null) {
            out.putData(MAC_PREFIX, macPrefix);
        }
        if (state != null) {
            out.putInt32(STATE, state);
        }
        if (subnet != null) {
            byte[] both = new byte[8];
            subnet.network().writeTo(both, 0);
            subnet.netmask().writeTo(both, 4);
            out.putData(SUBNET, both);
        }
        if (ipFrom != null) {
            out.putIpv4(IP_FROM, ipFrom);
        }
        if (ipTo != null) {
            out.putIpv4(IP_TO, ipTo);
        }
        out.putInt32(LIMIT, limit);
        if (cursor != null) {
            out.putData(CURSOR, cursor);
        }
        return out.build();
    }

    /**
     * Reads a request's object values (server side). Throws {@link OmapiStatus#UNKNOWN_ATTRIBUTE} for a
     * name outside the table and {@link OmapiStatus#INVALID_ARGUMENT} for a malformed value; a zero-length
     * (null) value counts as absent.
     */
    public static LeaseQuery fromValues(OmapiValues values) throws OmapiException {
        for (String name : values.names()) {
            if (!NAMES.contains(name)) {
                throw new OmapiException(OmapiStatus.UNKNOWN_ATTRIBUTE, "unknown lease query filter: " + name);
            }
        }
        try {
            Subnet subnet = null;
            Optional<byte[]> subnetBytes = values.data(SUBNET);
            if (subnetBytes.isPresent()) {
                byte[] bytes = subnetBytes.get();
                if (bytes.length != 8) {
                    throw new IllegalArgumentException("subnet must be 8 bytes (address, netmask), not " + bytes.length);
                }
                subnet = Subnet.of(Ipv4Address.fromBytes(bytes, 0), Ipv4Address.fromBytes(bytes, 4));
            }
            OptionalInt state = values.int32(STATE);
            return new LeaseQuery(values.data(MAC_PREFIX).orElse(null), state.isPresent() ? state.getAsInt() : null,
                    subnet, values.ipv4(IP_FROM).orElse(null), values.ipv4(IP_TO).orElse(null),
                    values.int32(LIMIT).orElse(DEFAULT_LIMIT), values.data(CURSOR).orElse(null));
        } catch (IllegalArgumentException e) {
            throw new OmapiException(OmapiStatus.INVALID_ARGUMENT, e.getMessage());
        }
    }

    /**
     * Whether a lease, given by its {@code lease} object attributes (as an OPEN reply renders them),
     * passes every filter. Paging ({@code limit}, {@code cursor}) is not a filter and is not checked.
     */
    public boolean matches(OmapiValues lease) {
        if (macPrefix != null) {
            byte[] hardware = lease.data("hardware-address").orElse(null);
            if (hardware == null || hardware.length < macPrefix.length
                    || !Arrays.equals(hardware, 0, macPrefix.length, macPrefix, 0, macPrefix.length)) {
                return false;
            }
        }
        if (state != null && lease.int32("state").orElse(-1) != state) {
            return false;
        }
        if (subnet == null && ipFrom == null && ipTo == null) {
            return true;
        }
        Ipv4Address ip = lease.ipv4("ip-address").orElse(null);
        return ip != null && (subnet == null || subnet.contains(ip)) && (ipFrom == null || ip.compareTo(ipFrom) >= 0)
                && (ipTo == null || ip.compareTo(ipTo) <= 0);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof LeaseQuery other && Arrays.equals(macPrefix, other.macPrefix)
                && Objects.equals(state, other.state) && Objects.equals(subnet, other.subnet)
                && Objects.equals(ipFrom, other.ipFrom) && Objects.equals(ipTo, other.ipTo) && limit == other.limit
                && Arrays.equals(cursor, other.cursor);
    }

    @Override
    public int hashCode() {
        return Objects.hash(Arrays.hashCode(macPrefix), state, subnet, ipFrom, ipTo, limit, Arrays.hashCode(cursor));
    }

    @Override
    public String toString() {
        HexFormat hex = HexFormat.ofDelimiter(":");
        return "LeaseQuery[" + (macPrefix == null ? "" : "mac-prefix=" + hex.formatHex(macPrefix) + " ")
                + (state == null ? "" : "state=" + state + " ") + (subnet == null ? "" : "subnet=" + subnet + " ")
                + (ipFrom == null ? "" : "ip-from=" + ipFrom + " ") + (ipTo == null ? "" : "ip-to=" + ipTo + " ")
                + "limit=" + limit + (cursor == null ? "" : " cursor=" + hex.formatHex(cursor)) + "]";
    }
}
