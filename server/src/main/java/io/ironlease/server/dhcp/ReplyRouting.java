package io.ironlease.server.dhcp;

import io.ironlease.shared.net.Ipv4Address;

/**
 * Where a reply goes and the last touches its routing requires (RFC 2131 4.1, 4.3.2, 4.3.5). Pure.
 *
 * <ol>
 * <li>DHCPNAK: through the relay with the broadcast bit set (4.3.2), else broadcast (4.1).
 * <li>DHCPACK to DHCPINFORM: no lease times and no yiaddr (4.3.5); to ciaddr; without ciaddr,
 *     through the relay with the broadcast bit (as ISC), else to the packet's source, else broadcast.
 * <li>giaddr set: to the relay at giaddr, server port; at the relay's source port instead when it
 *     sent the relay source port sub-option (RFC 8357).
 * <li>ciaddr set (RENEWING, REBINDING): unicast to ciaddr, client port.
 * <li>Otherwise (broadcast bit, or a client that cannot answer ARP yet): broadcast on the receiving
 *     interface.
 * </ol>
 */
public final class ReplyRouting {

    /** A reply ready to send: possibly adjusted, and its destination. */
    public record RoutedReply(DhcpPacket reply, ReplyDestination destination) {
    }

    private ReplyRouting() {
    }

    /**
     * @param source the IPv4 source address of the request datagram
     * @param sourcePort its UDP source port
     */
    public static RoutedReply route(DhcpPacket request, DhcpPacket reply, Ipv4Address source, int sourcePort,
            DhcpPorts ports) {
        boolean relayed = !request.giaddr().isAny();
        MessageType type = reply.messageType().orElse(null);
        int relayPort = request.options().relayAgentInformation()
                .filter(RelayAgentInformation::hasRelaySourcePort).isPresent() ? sourcePort : ports.relayPort();
        if (type == MessageType.DHCPNAK) {
            if (relayed) {
                return new RoutedReply(withBroadcast(reply), ReplyDestination.relay(request.giaddr(), relayPort));
            }
            return new RoutedReply(reply, ReplyDestination.broadcast(ports.clientPort()));
        }
        if (type == MessageType.DHCPACK && request.messageType().orElse(null) == MessageType.DHCPINFORM) {
            DhcpPacket ack = informAck(reply);
            if (!request.ciaddr().isAny()) {
                return new RoutedReply(ack, ReplyDestination.unicast(request.ciaddr(), ports.clientPort()));
            }
            if (relayed) {
                return new RoutedReply(withBroadcast(ack), ReplyDestination.relay(request.giaddr(), relayPort));
            }
            if (!source.isAny()) {
                return new RoutedReply(ack, ReplyDestination.unicast(source, ports.clientPort()));
            }
            return new RoutedReply(ack, ReplyDestination.broadcast(ports.clientPort()));
        }
        if (relayed) {
            return new RoutedReply(reply, ReplyDestination.relay(request.giaddr(), relayPort));
        }
        if (!request.ciaddr().isAny()) {
            return new RoutedReply(reply, ReplyDestination.unicast(request.ciaddr(), ports.clientPort()));
        }
        return new RoutedReply(reply, ReplyDestination.broadcast(ports.clientPort()));
    }

    /** Just the destination of {@link #route}. */
    public static ReplyDestination destinationFor(DhcpPacket request, DhcpPacket reply, Ipv4Address source,
            int sourcePort, DhcpPorts ports) {
        return route(request, reply, source, sourcePort, ports).destination();
    }

    private static DhcpPacket withBroadcast(DhcpPacket reply) {
        return reply.broadcast() ? reply : reply.withFlags(reply.flags() | DhcpPacket.BROADCAST_FLAG);
    }

    // RFC 2131 4.3.5: "MUST NOT send a lease expiration time ... SHOULD NOT fill in yiaddr"
    private static DhcpPacket informAck(DhcpPacket ack) {
        DhcpOptions options = ack.options().without(OptionCodes.LEASE_TIME).without(OptionCodes.RENEWAL_TIME)
                .without(OptionCodes.REBINDING_TIME);
        if (options.equals(ack.options()) && ack.yiaddr().isAny()) {
            return ack;
        }
        return ack.toBuilder().options(options).yiaddr(Ipv4Address.ANY).build();
    }
}
