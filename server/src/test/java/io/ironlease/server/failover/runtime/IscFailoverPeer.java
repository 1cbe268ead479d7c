package io.ironlease.server.failover.runtime;

import static org.awaitility.Awaitility.await;

import io.ironlease.server.testclient.Netns;
import io.ironlease.shared.leases.FailoverStateRecord;
import io.ironlease.shared.leases.Lease;
import io.ironlease.shared.leases.LeaseFileReader;
import io.ironlease.shared.leases.LeaseTable;
import io.ironlease.shared.net.Ipv4Address;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * ISC dhcpd 4.4.3 as a failover partner, in a network namespace the test creates: its failover
 * address is 127.0.0.2 and its partner's 127.0.0.1 there; a veth pair inside the namespace carries the
 * pool's subnet (dhcpd will not start without an interface in a declared subnet). Two relays join
 * the namespace's loopback to the test's: the partner's port 647 in the namespace leads to our
 * runtime's listener, and {@link #connectAddress()} on the test's loopback leads to dhcpd's port 647.
 * {@link #close} stops the processes it started (by PID) and removes the namespace.
 */
public final class IscFailoverPeer implements AutoCloseable {

    public static final String ISC_ADDRESS = "127.0.0.2";
    public static final String PARTNER_ADDRESS = "127.0.0.1";
    public static final int PORT = 647;
    /** dhcpd's address on the pool's subnet (fo0), and the relay address of {@link #clientNamespace}. */
    public static final String DHCP_ADDRESS = "192.168.100.1";
    public static final String CLIENT_ADDRESS = "192.168.100.2";

    private final Path dir;
    private final Netns netns = new Netns();
    private final UnixTcpRelay hostRelay = new UnixTcpRelay();
    private final String namespace;
    private Process dhcpd;

    /**
     * @param ourListener where our runtime listens on the test's loopback
     * @param config dhcpd.conf for the namespace (see {@link #config})
     */
    public IscFailoverPeer(Path dir, InetSocketAddress ourListener, String config) throws Exception {
        this.dir = dir;
        try {
            namespace = netns.create("il-fo");
            Netns.run("ip", "-n", namespace, "link", "add", "fo0", "type", "veth", "peer", "name", "fo1");
            Netns.run("ip", "-n", namespace, "addr", "add", "192.168.100.1/24", "dev", "fo0");
            Netns.run("ip", "-n", namespace, "link", "set", "fo0", "up");
            Netns.run("ip", "-n", namespace, "link", "set", "fo1", "up");
            Path toIsc = dir.resolve("to-isc.sock");
            Path toUs = dir.resolve("to-us.sock");
            hostRelay.unixToTcp(toUs, ourListener, InetAddress.getByName(PARTNER_ADDRESS));
            String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
            Path relayOut = dir.resolve("relay.out");
            netns.start(namespace, List.of(java, "-cp", System.getProperty("java.class.path"),
                    UnixTcpRelay.class.getName(),
                    "unix2tcp", toIsc.toString(), ISC_ADDRESS, Integer.toString(PORT), PARTNER_ADDRESS,
                    "tcp2unix", PARTNER_ADDRESS, Integer.toString(PORT), toUs.toString()), relayOut);
            await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(100))
                    .until(() -> Files.readString(relayOut).contains("READY"));
            hostRelay.tcpToUnix(new InetSocketAddress(PARTNER_ADDRESS, 0), toIsc);
            Files.writeString(dir.resolve("dhcpd.conf"), config);
            Files.writeString(dir.resolve("dhcpd.leases"), "");
        } catch (Exception | AssertionError e) {
            close();
            throw e;
        }
    }

    /** A dhcpd.conf for ISC's end of the relationship: 16 addresses, 192.168.100.33-48. */
    public static String config(boolean primary, Duration mclt, Duration maxResponseDelay) {
        return String.join("\n",
                "# ironlease failover interop test: ISC dhcpd as the " + (primary ? "primary" : "secondary"),
                "failover peer \"failover-dhcp\" {",
                "  " + (primary ? "primary" : "secondary") + ";",
                "  address " + ISC_ADDRESS + ";", "  port " + PORT + ";",
                "  peer address " + PARTNER_ADDRESS + ";", "  peer port " + PORT + ";",
                "  max-response-delay " + maxResponseDelay.toSeconds() + ";", "  max-unacked-updates 10;",
                primary ? "  mclt " + mclt.toSeconds() + ";\n  split 128;" : "",
                "  load balance max seconds 3;", "}",
                "ddns-update-style none;", "authoritative;", "ping-check false;",
                "default-lease-time 3600;", "max-lease-time 3600;",
                "subnet 192.168.100.0 netmask 255.255.255.0 {", "  pool {", "    failover peer \"failover-dhcp\";",
                "    range 192.168.100.33 192.168.100.48;", "  }", "}", "");
    }

    /**
     * Moves the namespace's second veth end ({@code fo1}) into a namespace of its own with address
     * 192.168.100.2/24: DHCP clients (perfdhcp relaying from that address) reach dhcpd over the veth,
     * as from another machine. Returns that namespace's name. Call before {@link #startDhcpd}.
     */
    public String clientNamespace() throws IOException {
        String client = netns.create("il-foc");
        Netns.run("ip", "-n", namespace, "link", "set", "fo1", "netns", client);
        Netns.run("ip", "-n", client, "addr", "add", CLIENT_ADDRESS + "/24", "dev", "fo1");
        Netns.run("ip", "-n", client, "link", "set", "fo1", "up");
        return client;
    }

    /** Where our runtime connects to reach dhcpd's failover port. */
    public InetSocketAddress connectAddress() throws IOException {
        return hostRelay.tcpAddress(1);
    }

    public void startDhcpd() throws IOException {
        dhcpd = netns.start(namespace, List.of("/usr/sbin/dhcpd", "-4", "-f", "-d", "-cf",
                dir.resolve("dhcpd.conf").toString(), "-lf", dir.resolve("dhcpd.leases").toString(), "-pf",
                dir.resolve("dhcpd.pid").toString(), "fo0"), dir.resolve("dhcpd.log"));
    }

    /** SIGTERM to the dhcpd this object started (by its PID), and waits for it to exit. */
    public void stopDhcpd() throws InterruptedException {
        dhcpd.destroy();
        if (!dhcpd.waitFor(20, java.util.concurrent.TimeUnit.SECONDS)) {
            dhcpd.destroyForcibly().waitFor(5, java.util.concurrent.TimeUnit.SECONDS);
        }
    }

    public boolean running() {
        return dhcpd != null && dhcpd.isAlive();
    }

    public String log() {
        try {
            return Files.readString(dir.resolve("dhcpd.log"));
        } catch (IOException e) {
            return "(no log: " + e + ")";
        }
    }

    /** dhcpd's lease file as our reader sees it (the last record of each address wins). */
    public LeaseTable leases() throws Exception {
        LeaseTable table = new LeaseTable();
        try (LeaseFileReader reader = LeaseFileReader.open(dir.resolve("dhcpd.leases"),
                LeaseFileReader.Options.lenient())) {
            reader.read(table);
        }
        return table;
    }

    public Optional<FailoverStateRecord> stateRecord() throws Exception {
        return leases().failoverState("failover-dhcp");
    }

    public Optional<Lease> lease(Ipv4Address address) throws Exception {
        return leases().lease(address);
    }

    @Override
    public void close() throws IOException {
        hostRelay.close();
        netns.close(); // stops dhcpd and the relay by PID, removes the namespace
    }
}
