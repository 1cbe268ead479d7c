package io.ironlease.dist;

import java.io.IOException;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.util.List;

/** Free ports on loopback addresses for the tests that start servers and relay agents. */
final class LoopbackPorts {

    private LoopbackPorts() {
    }

    /** A TCP port free on {@code address} right now (the server binds it moments later). */
    static int freeTcpPort(String address) throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getByName(address))) {
            return socket.getLocalPort();
        }
    }

    /**
     * A DHCP server port free on every one of {@code addresses}, with the client port after it (PORT+1)
     * free too: servers and relay agents on loopback bind the same port on their own addresses.
     */
    static int freeDhcpPort(List<String> addresses) throws IOException {
        for (int tries = 0; tries < 50; tries++) {
            int candidate;
            try (DatagramSocket socket = new DatagramSocket(new InetSocketAddress(addresses.get(0), 0))) {
                candidate = socket.getLocalPort();
            }
            if (candidate < 65535 && addresses.stream().allMatch(a -> udpFree(a, candidate))
                    && addresses.stream().allMatch(a -> udpFree(a, candidate + 1))) {
                return candidate;
            }
        }
        throw new IllegalStateException("no UDP port free on all of " + addresses);
    }

    static boolean udpFree(String address, int port) {
        try (DatagramSocket ignored = new DatagramSocket(new InetSocketAddress(address, port))) {
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    static boolean tcpFree(String address, int port) {
        try (ServerSocket ignored = new ServerSocket(port, 1, InetAddress.getByName(address))) {
            return true;
        } catch (IOException e) {
            return false;
        }
    }
}
