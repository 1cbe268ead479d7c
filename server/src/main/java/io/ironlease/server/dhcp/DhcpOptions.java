package io.ironlease.server.dhcp;

import io.ironlease.shared.net.Ipv4Address;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.OptionalLong;

/**
 * The options of a DHCP message, raw and in wire order, one entry per code (repeated codes are
 * concatenated, RFC 3396). Values are typed on access for the options the protocol itself needs;
 * every other option round-trips as bytes, typed later through the shared option table.
 */
public final class DhcpOptions {

    private static final DhcpOptions EMPTY = new DhcpOptions(List.of());

    private final List<DhcpOption> options;
    /** Option 55 decoded once (the options never change); benign race. */
    private List<Integer> prl;

    DhcpOptions(List<DhcpOption> options) {
        this.options = options;
    }

    public static DhcpOptions empty() {
        return EMPTY;
    }

    public static DhcpOptionsBuilder builder() {
        return new DhcpOptionsBuilder();
    }

    public DhcpOptionsBuilder toBuilder() {
        DhcpOptionsBuilder builder = new DhcpOptionsBuilder();
        options.forEach(builder::put);
        return builder;
    }

    /** All options in wire order. */
    public List<DhcpOption> asList() {
        return options;
    }

    public int size() {
        return options.size();
    }

    public boolean isEmpty() {
        return options.isEmpty();
    }

    public List<Integer> codes() {
        return options.stream().map(DhcpOption::code).toList();
    }

    public boolean contains(int code) {
        return find(code) != null;
    }

    /** A copy of the value of {@code code}, if present. */
    public Optional<byte[]> get(int code) {
        DhcpOption option = find(code);
        return option == null ? Optional.empty() : Optional.of(option.value());
    }

    public Optional<DhcpOption> option(int code) {
        return Optional.ofNullable(find(code));
    }

    public DhcpOptions with(int code, byte[] value) {
        return toBuilder().put(code, value).build();
    }

    public DhcpOptions without(int code) {
        return contains(code) ? toBuilder().remove(code).build() : this;
    }

    /** Same codes and values, whatever their order. */
    public boolean equalsIgnoringOrder(DhcpOptions other) {
        if (other.size() != size()) {
            return false;
        }
        for (DhcpOption option : options) {
            if (!option.equals(other.find(option.code()))) {
                return false;
            }
        }
        return true;
    }

    // ---- typed accessors (RFC 2132 section numbers) ----

    /** Option 53, when present and one of the known types (9.6). */
    public Optional<MessageType> messageType() {
        OptionalInt code = messageTypeCode();
        return code.isPresent() ? MessageType.lookup(code.getAsInt()) : Optional.empty();
    }

    /** Option 53's raw value, known or not. */
    public OptionalInt messageTypeCode() {
        DhcpOption option = find(OptionCodes.MESSAGE_TYPE);
        return option == null ? OptionalInt.empty() : OptionalInt.of(option.rawValue()[0] & 0xff);
    }

    public Optional<Ipv4Address> requestedAddress() {
        return address(OptionCodes.REQUESTED_ADDRESS);
    }

    public Optional<Ipv4Address> serverIdentifier() {
        return address(OptionCodes.SERVER_IDENTIFIER);
    }

    /** Option 51 in seconds; 0xffffffff means infinite (9.2). */
    public OptionalLong leaseTime() {
        return uint32(OptionCodes.LEASE_TIME);
    }

    public OptionalLong renewalTime() {
        return uint32(OptionCodes.RENEWAL_TIME);
    }

    public OptionalLong rebindingTime() {
        return uint32(OptionCodes.REBINDING_TIME);
    }

    /** Option 55: requested codes in the client's order (9.8); empty list when absent. */
    public List<Integer> parameterRequestList() {
        List<Integer> codes = prl;
        if (codes == null) {
            DhcpOption option = find(OptionCodes.PARAMETER_REQUEST_LIST);
            if (option == null) {
                codes = List.of();
            } else {
                Integer[] boxed = new Integer[option.length()];
                byte[] raw = option.rawValue();
                for (int i = 0; i < raw.length; i++) {
                    boxed[i] = raw[i] & 0xff;
                }
                codes = List.of(boxed);
            }
            prl = codes;
        }
        return codes;
    }

    /** Option 57 as sent; values under 576 are illegal (9.10) and clamped by the codec. */
    public OptionalInt maxMessageSize() {
        DhcpOption option = find(OptionCodes.MAX_MESSAGE_SIZE);
        if (option == null) {
            return OptionalInt.empty();
        }
        byte[] v = option.rawValue();
        return OptionalInt.of(((v[0] & 0xff) << 8) | (v[1] & 0xff));
    }

    /** Option 61 (9.14), the client's identity when present. */
    public Optional<byte[]> clientIdentifier() {
        return get(OptionCodes.CLIENT_IDENTIFIER);
    }

    /** Option 12 (3.14) as text; trailing NULs, which some clients send, are removed. */
    public Optional<String> hostName() {
        return text(OptionCodes.HOST_NAME);
    }

    /** Option 60 (9.13), opaque bytes. */
    public Optional<byte[]> vendorClass() {
        return get(OptionCodes.VENDOR_CLASS);
    }

    /** Option 82 (RFC 3046) with its sub-options. */
    public Optional<RelayAgentInformation> relayAgentInformation() {
        DhcpOption option = find(OptionCodes.RELAY_AGENT_INFORMATION);
        return option == null ? Optional.empty() : Optional.of(RelayAgentInformation.parse(option.rawValue()));
    }

    /** Option 52 (9.3) as received; the encoder ignores it and decides overload itself. */
    public Optional<Overload> overload() {
        DhcpOption option = find(OptionCodes.OVERLOAD);
        return option == null ? Optional.empty() : Optional.of(Overload.fromCode(option.rawValue()[0] & 0xff));
    }

    public Optional<Ipv4Address> address(int code) {
        DhcpOption option = find(code);
        return option == null || option.length() < 4
                ? Optional.empty() : Optional.of(Ipv4Address.fromBytes(option.rawValue()));
    }

    public OptionalLong uint32(int code) {
        DhcpOption option = find(code);
        if (option == null || option.length() != 4) {
            return OptionalLong.empty();
        }
        return OptionalLong.of(Ipv4Address.fromBytes(option.rawValue()).toLong());
    }

    public Optional<String> text(int code) {
        DhcpOption option = find(code);
        if (option == null) {
            return Optional.empty();
        }
        byte[] v = option.rawValue();
        int end = v.length;
        while (end > 0 && v[end - 1] == 0) {
            end--;
        }
        return Optional.of(new String(v, 0, end, StandardCharsets.ISO_8859_1));
    }

    DhcpOption find(int code) {
        // indexed: runs several times per packet, and an iterator here is not always scalar-replaced
        for (int i = 0, n = options.size(); i < n; i++) {
            DhcpOption option = options.get(i);
            if (option.code() == code) {
                return option;
            }
        }
        return null;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof DhcpOptions other && options.equals(other.options);
    }

    @Override
    public int hashCode() {
        return options.hashCode();
    }

    @Override
    public String toString() {
        return options.toString();
    }
}
