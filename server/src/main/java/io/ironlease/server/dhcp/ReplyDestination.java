package io.ironlease.server.dhcp;

import io.ironlease.shared.net.Ipv4Address;

/**
 * Where a reply goes. {@link Kind#BROADCAST} means 255.255.255.255 sent out of the interface the
 * request arrived on: a direct client without an address cannot answer ARP, so RFC 2131 4.1's
 * "unicast to chaddr and yiaddr" is also delivered this way (ISC does it with raw sockets).
 */
public record ReplyDestination(Kind kind, Ipv4Address address, int port) {

    public enum Kind {
        /** To the relay agent at giaddr, on the server port. */
        RELAY,
        /** To a client that has an address (ciaddr, or the source of an INFORM), on the client port. */
        CLIENT_UNICAST,
        /** Limited broadcast on the receiving interface, client port. */
        BROADCAST
    }

    public static ReplyDestination relay(Ipv4Address giaddr, int port) {
        return new ReplyDestination(Kind.RELAY, giaddr, port);
    }

    public static ReplyDestination unicast(Ipv4Address address, int port) {
        return new ReplyDestination(Kind.CLIENT_UNICAST, address, port);
    }

    public static ReplyDestination broadcast(int port) {
        return new ReplyDestination(Kind.BROADCAST, Ipv4Address.BROADCAST, port);
    }

    @Override
    public String toString() {
        return kind + " " + address + ":" + port;
    }
}
