package io.ironlease.server.dhcp;

/**
 * The UDP ports of a server started with {@code -p PORT}: it listens on PORT, answers relays at
 * PORT (relays listen on the server port, RFC 2131 4.1) and clients at PORT+1, as ISC dhcpd does
 * ({@code remote_port = local_port + 1}). Defaults 67 and 68.
 */
public record DhcpPorts(int serverPort, int clientPort) {

    public static final DhcpPorts DEFAULT = new DhcpPorts(67, 68);

    public DhcpPorts {
        if (serverPort < 1 || serverPort > 65535 || clientPort < 1 || clientPort > 65535) {
            throw new IllegalArgumentException("ports must be 1-65535: " + serverPort + ", " + clientPort);
        }
    }

    /** The ports dhcpd uses for {@code -p serverPort}; serverPort must leave room for serverPort+1. */
    public static DhcpPorts of(int serverPort) {
        if (serverPort < 1 || serverPort > 65534) {
            throw new IllegalArgumentException("server port must be 1-65534 so that port+1 exists: " + serverPort);
        }
        return new DhcpPorts(serverPort, serverPort + 1);
    }

    /** Where relays listen for replies: the server port. */
    public int relayPort() {
        return serverPort;
    }
}
