package io.ironlease.server.dhcp;

import java.util.Optional;

/**
 * DHCP message types, option 53 (RFC 2132 9.6, leasequery RFC 4388/6926/7724, RFC 3203 FORCERENEW,
 * RFC 8537 TLS). Codes outside 1-18 are reported, never mapped to a default.
 */
public enum MessageType {
    DHCPDISCOVER(1),
    DHCPOFFER(2),
    DHCPREQUEST(3),
    DHCPDECLINE(4),
    DHCPACK(5),
    DHCPNAK(6),
    DHCPRELEASE(7),
    DHCPINFORM(8),
    DHCPFORCERENEW(9),
    DHCPLEASEQUERY(10),
    DHCPLEASEUNASSIGNED(11),
    DHCPLEASEUNKNOWN(12),
    DHCPLEASEACTIVE(13),
    DHCPBULKLEASEQUERY(14),
    DHCPLEASEQUERYDONE(15),
    DHCPACTIVELEASEQUERY(16),
    DHCPLEASEQUERYSTATUS(17),
    DHCPTLS(18);

    private static final MessageType[] BY_CODE = values();

    private final int code;

    MessageType(int code) {
        this.code = code;
    }

    public int code() {
        return code;
    }

    /** The type for a wire value, or empty when the value names no known type. */
    public static Optional<MessageType> lookup(int code) {
        return code >= 1 && code <= BY_CODE.length ? Optional.of(BY_CODE[code - 1]) : Optional.empty();
    }

    /** The type for a wire value; throws IllegalArgumentException naming the unknown value. */
    public static MessageType fromCode(int code) {
        return lookup(code).orElseThrow(
                () -> new IllegalArgumentException("unknown DHCP message type " + code + " (known: 1-18)"));
    }

    /** True for the types a client sends to a server. */
    public boolean fromClient() {
        return switch (this) {
            case DHCPDISCOVER, DHCPREQUEST, DHCPDECLINE, DHCPRELEASE, DHCPINFORM -> true;
            default -> false;
        };
    }
}
