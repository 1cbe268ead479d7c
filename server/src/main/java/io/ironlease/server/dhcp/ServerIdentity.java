package io.ironlease.server.dhcp;

import io.ironlease.server.net.ReceiveInfo;
import io.ironlease.shared.net.Ipv4Address;
import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.NetworkInterface;
import java.net.SocketException;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.Optional;
import java.util.Set;

/**
 * The server identifiers (option 54) this server answers with and recognises as its own: the address
 * a request was received on (the relay-facing address for relayed requests, the interface's address for
 * broadcasts), unless dhcpd.conf sets {@code server-identifier}. A REQUEST naming any other identifier
 * is meant for another server (RFC 2131 3.1, 4.3.2).
 */
public final class ServerIdentity {

    private final Set<Ipv4Address> own;

    /** @param own every address this server may use as identifier: listening, interface and configured ones */
    public ServerIdentity(Set<Ipv4Address> own) {
        this.own = Collections.unmodifiableSet(new LinkedHashSet<>(own));
    }

    /** The IPv4 addresses of this host's interfaces (for a server listening on 0.0.0.0). */
    public static Set<Ipv4Address> localAddresses() {
        Set<Ipv4Address> out = new LinkedHashSet<>();
        try {
            for (NetworkInterface ni : Collections.list(NetworkInterface.getNetworkInterfaces())) {
                for (InetAddress a : Collections.list(ni.getInetAddresses())) {
                    if (a instanceof Inet4Address) {
                        out.add(Ipv4Address.of(a));
                    }
                }
            }
        } catch (SocketException e) {
            // no interfaces readable: only explicitly configured identifiers count
        }
        return out;
    }

    public Set<Ipv4Address> own() {
        return own;
    }

    public boolean isOurs(Ipv4Address id) {
        return own.contains(id);
    }

    /**
     * The identifier for a reply: the configured one if any, else the unicast address the request
     * arrived at, else the receiving interface's address, else the first own address.
     */
    public Ipv4Address forRequest(ReceiveInfo info, Optional<Ipv4Address> configured) {
        if (configured.isPresent()) {
            return configured.get();
        }
        Ipv4Address local = info.local() == null || info.local().getAddress() == null
                || info.local().getAddress().getAddress().length != 4 ? Ipv4Address.ANY : Ipv4Address.of(info.local().getAddress());
        if (!local.isAny() && !local.equals(Ipv4Address.BROADCAST) && own.contains(local)) {
            return local;
        }
        if (info.iface().isPresent() && info.iface().get().address().isPresent()) {
            return info.iface().get().address().get();
        }
        if (!local.isAny() && !local.equals(Ipv4Address.BROADCAST) && (local.bits() & 0xff) != 0xff) {
            return local;
        }
        return own.isEmpty() ? Ipv4Address.ANY : own.iterator().next();
    }
}
