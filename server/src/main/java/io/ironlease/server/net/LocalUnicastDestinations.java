package io.ironlease.server.net;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.NetworkInterface;
import java.net.SocketException;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Predicate;

/**
 * True for datagrams sent to one of this host's own addresses: relayed requests and renewals. False
 * for limited and directed broadcasts (and when the destination is unknown), which the interface
 * sockets receive and answer themselves. Positive answers are cached; broadcasts never need a lookup.
 */
final class LocalUnicastDestinations implements Predicate<InetSocketAddress> {

    private final Set<InetAddress> local = ConcurrentHashMap.newKeySet();

    @Override
    public boolean test(InetSocketAddress destination) {
        if (destination == null) {
            return false;
        }
        InetAddress address = destination.getAddress();
        if (address == null || address.isAnyLocalAddress() || isLimitedBroadcast(address)) {
            return false;
        }
        if (local.contains(address)) {
            return true;
        }
        try {
            if (NetworkInterface.getByInetAddress(address) != null) {
                local.add(address);
                return true;
            }
        } catch (SocketException e) {
            return false;
        }
        return false;
    }

    private static boolean isLimitedBroadcast(InetAddress address) {
        byte[] b = address.getAddress();
        return b.length == 4 && (b[0] & b[1] & b[2] & b[3]) == (byte) 0xff;
    }
}
