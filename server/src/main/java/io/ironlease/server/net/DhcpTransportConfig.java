package io.ironlease.server.net;

import java.net.InetAddress;
import java.util.List;
import java.util.Objects;

/**
 * What the DHCP transport binds.
 *
 * <ul>
 * <li>{@code bindAddress:port}: the unicast socket. With no interfaces it is the only socket and
 *     serves everything: relays, renewing clients and, on a one-link host, broadcasts. With interfaces
 *     it serves datagrams sent to one of the host's addresses (relays, renewals) whichever interface
 *     they came in on, sends all unicast replies (as ISC's fallback socket does) and ignores
 *     broadcasts, which the interface sockets answer.
 * <li>{@code interfaces}: one socket per name, bound to 0.0.0.0:port and to the device
 *     (SO_BINDTODEVICE, epoll only), so a broadcast request is attributed to its link and the
 *     broadcast reply leaves through that link.
 * </ul>
 * {@code port} 0 binds an ephemeral port (tests); the client port is then that port plus one.
 */
public record DhcpTransportConfig(InetAddress bindAddress, int port, List<String> interfaces, boolean preferEpoll,
        int receiveBufferBytes, int eventLoopThreads) {

    public DhcpTransportConfig {
        Objects.requireNonNull(bindAddress, "bindAddress");
        interfaces = List.copyOf(interfaces);
        if (port < 0 || port > 65534) {
            throw new IllegalArgumentException("port must be 0-65534: " + port);
        }
        if (port == 0 && !interfaces.isEmpty()) {
            throw new IllegalArgumentException("interface sockets need a fixed port");
        }
        if (receiveBufferBytes < 0 || eventLoopThreads < 1) {
            throw new IllegalArgumentException("receive buffer must be >= 0 and threads >= 1");
        }
    }

    /** One socket at {@code address:port}, e.g. 127.0.0.1 and an ephemeral port for relay-mode tests. */
    public static DhcpTransportConfig single(InetAddress address, int port) {
        return new DhcpTransportConfig(address, port, List.of(), true, 4 << 20, 1);
    }

    /** 0.0.0.0:port for unicast replies plus one socket per interface for broadcasts. */
    public static DhcpTransportConfig onInterfaces(int port, List<String> interfaces) {
        return new DhcpTransportConfig(anyAddress(), port, interfaces, true, 4 << 20, 1);
    }

    public DhcpTransportConfig withPreferEpoll(boolean epoll) {
        return new DhcpTransportConfig(bindAddress, port, interfaces, epoll, receiveBufferBytes, eventLoopThreads);
    }

    private static InetAddress anyAddress() {
        return io.ironlease.shared.net.Ipv4Address.ANY.toInetAddress();
    }
}
