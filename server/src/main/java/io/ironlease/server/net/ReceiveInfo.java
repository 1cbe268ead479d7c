package io.ironlease.server.net;

import io.ironlease.shared.net.Ipv4Address;
import java.net.InetSocketAddress;
import java.time.Instant;
import java.util.Optional;

/**
 * How a request arrived: the datagram's source (a relay, a client with an address, or 0.0.0.0:68),
 * the socket's local address, and the interface when the socket is bound to one (empty for the
 * relay/unicast socket, which serves every interface).
 */
public record ReceiveInfo(InetSocketAddress source, InetSocketAddress local, Optional<ListenerInterface> iface,
        Instant receivedAt) {

    public Ipv4Address sourceAddress() {
        return source.getAddress() == null || source.getAddress().getAddress().length != 4
                ? Ipv4Address.ANY : Ipv4Address.of(source.getAddress());
    }
}
