package io.ironlease.server.net;

import io.ironlease.shared.net.Ipv4Address;
import java.util.Optional;

/**
 * The network interface a listener socket is bound to (SO_BINDTODEVICE): where its broadcasts were
 * received and where broadcast replies leave. {@code address} is its first IPv4 address, the natural
 * server identifier for clients on that link.
 */
public record ListenerInterface(String name, int index, Optional<Ipv4Address> address) {
}
