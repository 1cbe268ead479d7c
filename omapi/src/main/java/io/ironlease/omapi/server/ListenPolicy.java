package io.ironlease.omapi.server;

import java.net.InetAddress;
import java.util.Optional;

/**
 * Where the OMAPI listener binds when nobody says, and what the start-up log says about it. dhcpd
 * listens on every address whether or not a key is configured; without a key that is an
 * unauthenticated management port for anyone who can reach the host. ironlease keeps dhcpd's
 * behaviour when a key is configured and falls back to loopback when none is; an explicit address
 * always wins.
 */
public final class ListenPolicy {

    /**
     * The outcome.
     *
     * @param address where to bind
     * @param loopbackOnly whether only local clients can connect
     * @param logLine the start-up log line, beginning with its event name
     */
    public record Decision(InetAddress address, boolean loopbackOnly, String logLine) {
    }

    private ListenPolicy() {
    }

    /** Decides for a server with {@code keyCount} keys and an optional address given on the command line. */
    public static Decision decide(int keyCount, Optional<InetAddress> explicit) {
        if (explicit.isPresent()) {
            InetAddress address = explicit.get();
            boolean local = address.isLoopbackAddress();
            if (keyCount == 0 && !local) {
                return new Decision(address, false, "OMAPI_LISTEN_UNAUTHENTICATED address=" + address.getHostAddress()
                        + " no omapi-key is configured: anyone who can reach this address can change leases");
            }
            return new Decision(address, local, "OMAPI_LISTEN address=" + address.getHostAddress() + " as configured"
                    + (keyCount == 0 ? ", no omapi-key" : ", omapi-key required"));
        }
        if (keyCount > 0) {
            return new Decision(anyAddress(), false, "OMAPI_LISTEN address=0.0.0.0 an omapi-key is configured: "
                    + "all addresses, as dhcpd does");
        }
        return new Decision(InetAddress.getLoopbackAddress(), true, "OMAPI_LISTEN_LOOPBACK_ONLY address="
                + InetAddress.getLoopbackAddress().getHostAddress() + " no omapi-key is configured, so only local "
                + "clients may connect (dhcpd would serve every address without authentication); configure "
                + "omapi-key or give the listen address explicitly");
    }

    private static InetAddress anyAddress() {
        try {
            return InetAddress.getByAddress(new byte[4]);
        } catch (java.net.UnknownHostException impossible) {
            throw new IllegalStateException(impossible);
        }
    }
}
