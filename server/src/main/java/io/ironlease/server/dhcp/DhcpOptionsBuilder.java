package io.ironlease.server.dhcp;

import io.ironlease.shared.net.Ipv4Address;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/** Collects options in order; putting an existing code replaces its value in place. */
public final class DhcpOptionsBuilder {
    private final List<DhcpOption> list = new ArrayList<>();

    DhcpOptionsBuilder() {
    }

    /** Adds or replaces; IllegalArgumentException when the value cannot be that option. */
    public DhcpOptionsBuilder put(int code, byte[] value) {
        OptionChecks.check(code, value);
        DhcpOption option = new DhcpOption(code, value);
        for (int i = 0; i < list.size(); i++) {
            if (list.get(i).code() == code) {
                list.set(i, option);
                return this;
            }
        }
        list.add(option);
        return this;
    }

    public DhcpOptionsBuilder put(DhcpOption option) {
        return put(option.code(), option.rawValue());
    }

    public DhcpOptionsBuilder remove(int code) {
        list.removeIf(o -> o.code() == code);
        return this;
    }

    public DhcpOptionsBuilder messageType(MessageType type) {
        return put(OptionCodes.MESSAGE_TYPE, new byte[] {(byte) type.code()});
    }

    public DhcpOptionsBuilder serverIdentifier(Ipv4Address address) {
        return address(OptionCodes.SERVER_IDENTIFIER, address);
    }

    public DhcpOptionsBuilder requestedAddress(Ipv4Address address) {
        return address(OptionCodes.REQUESTED_ADDRESS, address);
    }

    public DhcpOptionsBuilder leaseTime(long seconds) {
        return uint32(OptionCodes.LEASE_TIME, seconds);
    }

    public DhcpOptionsBuilder renewalTime(long seconds) {
        return uint32(OptionCodes.RENEWAL_TIME, seconds);
    }

    public DhcpOptionsBuilder rebindingTime(long seconds) {
        return uint32(OptionCodes.REBINDING_TIME, seconds);
    }

    public DhcpOptionsBuilder parameterRequestList(List<Integer> codes) {
        byte[] value = new byte[codes.size()];
        for (int i = 0; i < value.length; i++) {
            value[i] = (byte) checkedCode(codes.get(i));
        }
        return put(OptionCodes.PARAMETER_REQUEST_LIST, value);
    }

    public DhcpOptionsBuilder maxMessageSize(int size) {
        if (size < 0 || size > 0xffff) {
            throw new IllegalArgumentException("maximum message size out of 0-65535: " + size);
        }
        return put(OptionCodes.MAX_MESSAGE_SIZE, new byte[] {(byte) (size >>> 8), (byte) size});
    }

    public DhcpOptionsBuilder clientIdentifier(byte[] id) {
        return put(OptionCodes.CLIENT_IDENTIFIER, id);
    }

    public DhcpOptionsBuilder hostName(String name) {
        return put(OptionCodes.HOST_NAME, name.getBytes(StandardCharsets.ISO_8859_1));
    }

    public DhcpOptionsBuilder vendorClass(byte[] value) {
        return put(OptionCodes.VENDOR_CLASS, value);
    }

    public DhcpOptionsBuilder message(String text) {
        return put(OptionCodes.MESSAGE, text.getBytes(StandardCharsets.ISO_8859_1));
    }

    public DhcpOptionsBuilder relayAgentInformation(RelayAgentInformation info) {
        return put(OptionCodes.RELAY_AGENT_INFORMATION, info.raw());
    }

    public DhcpOptionsBuilder address(int code, Ipv4Address address) {
        return put(code, address.toBytes());
    }

    public DhcpOptionsBuilder addresses(int code, List<Ipv4Address> addresses) {
        byte[] value = new byte[4 * addresses.size()];
        for (int i = 0; i < addresses.size(); i++) {
            addresses.get(i).writeTo(value, 4 * i);
        }
        return put(code, value);
    }

    public DhcpOptionsBuilder uint32(int code, long value) {
        if (value < 0 || value > 0xffff_ffffL) {
            throw new IllegalArgumentException("option " + code + " value out of 32-bit range: " + value);
        }
        return put(code, Ipv4Address.fromLong(value).toBytes());
    }

    public DhcpOptions build() {
        return list.isEmpty() ? DhcpOptions.empty() : new DhcpOptions(List.copyOf(list));
    }

    private static int checkedCode(int code) {
        if (code < 0 || code > 255) {
            throw new IllegalArgumentException("option code out of 0-255: " + code);
        }
        return code;
    }
}
