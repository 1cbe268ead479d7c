package io.ironlease.server.failover.engine;

import io.ironlease.shared.leases.LeaseFileReader;
import io.ironlease.shared.leases.LeaseTable;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

/**
 * dhcpd.conf for a failover pair of our servers on loopback, relay mode: the primary on 127.0.0.3, the
 * secondary on 127.0.0.4, both serving DHCP on the same port (clients relay from 127.0.0.2 at that port,
 * where both answer) and failover on their own TCP ports. The pool 10.20.x shares a network with 127/8,
 * where the relays are. Test-only.
 *
 * @param mclt MCLT (the primary's declaration)
 * @param maxResponseDelay max-response-delay of both
 * @param autoPartnerDown auto-partner-down of both (0: off, ISC's default)
 * @param range the pool's range, e.g. {@code 10.20.1.1 10.20.1.200}
 */
public record PairConfig(int primaryFailoverPort, int secondaryFailoverPort, Duration mclt, Duration maxResponseDelay,
        Duration autoPartnerDown, String range, int maxUnackedUpdates, int primaryPeerPort, int secondaryPeerPort,
        int primaryOmapiPort, int secondaryOmapiPort) {

    public static final String PEER = "pair";
    public static final String PRIMARY = "127.0.0.3";
    public static final String SECONDARY = "127.0.0.4";
    public static final String RELAY = "127.0.0.2";

    /** Two free TCP ports for the failover listeners, and the rest as given. */
    public static PairConfig of(Duration mclt, Duration maxResponseDelay, String range) throws IOException {
        int primary = freeTcpPort(PRIMARY);
        int secondary = freeTcpPort(SECONDARY);
        return new PairConfig(primary, secondary, mclt, maxResponseDelay, Duration.ZERO, range, 10, secondary, primary,
                0, 0);
    }

    public PairConfig withAutoPartnerDown(Duration value) {
        return new PairConfig(primaryFailoverPort, secondaryFailoverPort, mclt, maxResponseDelay, value, range,
                maxUnackedUpdates, primaryPeerPort, secondaryPeerPort, primaryOmapiPort, secondaryOmapiPort);
    }

    /**
     * Each server reaches its partner through a proxy: the primary connects to the secondary's address at
     * {@code primaryToSecondary}, the secondary to the primary's at {@code secondaryToPrimary}.
     */
    public PairConfig viaProxies(int primaryToSecondary, int secondaryToPrimary) {
        return new PairConfig(primaryFailoverPort, secondaryFailoverPort, mclt, maxResponseDelay, autoPartnerDown,
                range, maxUnackedUpdates, primaryToSecondary, secondaryToPrimary, primaryOmapiPort, secondaryOmapiPort);
    }

    /** OMAPI on 127.0.0.1 at two free ports, without a key (loopback only). */
    public PairConfig withOmapi() throws IOException {
        return new PairConfig(primaryFailoverPort, secondaryFailoverPort, mclt, maxResponseDelay, autoPartnerDown,
                range, maxUnackedUpdates, primaryPeerPort, secondaryPeerPort, freeTcpPort("127.0.0.1"),
                freeTcpPort("127.0.0.1"));
    }

    /** The primary's configuration, or the secondary's. */
    public String text(boolean primary) {
        String me = primary ? PRIMARY : SECONDARY;
        String peer = primary ? SECONDARY : PRIMARY;
        int myPort = primary ? primaryFailoverPort : secondaryFailoverPort;
        int peerPort = primary ? primaryPeerPort : secondaryPeerPort;
        return """
                failover peer "%s" {
                  %s;
                  address %s;
                  port %d;
                  peer address %s;
                  peer port %d;
                  max-response-delay %d;
                  max-unacked-updates %d;
                  %s
                  load balance max seconds 3;
                  auto-partner-down %d;
                }
                %s
                authoritative;
                default-lease-time 3600;
                max-lease-time 7200;
                ping-check false;
                shared-network loopback {
                  subnet 127.0.0.0 netmask 255.0.0.0 {
                  }
                  subnet 10.20.0.0 netmask 255.255.0.0 {
                    option routers 10.20.0.1;
                    option domain-name-servers 10.20.0.2;
                    pool {
                      failover peer "%s";
                      range %s;
                    }
                  }
                }
                """.formatted(PEER, primary ? "primary" : "secondary", me, myPort, peer, peerPort,
                maxResponseDelay.toSeconds(), maxUnackedUpdates,
                primary ? "mclt " + mclt.toSeconds() + ";\n  split 128;" : "", autoPartnerDown.toSeconds(),
                (primary ? primaryOmapiPort : secondaryOmapiPort) > 0
                        ? "omapi-port " + (primary ? primaryOmapiPort : secondaryOmapiPort) + ";" : "",
                PEER, range);
    }

    /** A TCP port free on {@code address} right now (the listener binds it moments later). */
    public static int freeTcpPort(String address) throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getByName(address))) {
            return socket.getLocalPort();
        }
    }

    public static InetSocketAddress dhcp(String address, int port) {
        return new InetSocketAddress(address, port);
    }

    /** A lease file as our reader sees it (lenient: a server may be appending while we read). */
    public static LeaseTable read(Path leaseFile) throws Exception {
        LeaseTable table = new LeaseTable();
        if (!Files.exists(leaseFile)) {
            return table;
        }
        try (LeaseFileReader reader = LeaseFileReader.open(leaseFile, LeaseFileReader.Options.lenient())) {
            reader.read(table);
        }
        return table;
    }
}
