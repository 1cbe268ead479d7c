package io.ironlease.server.failover.engine;

import static org.assertj.core.api.Assertions.assertThat;

import io.ironlease.server.DhcpServer;
import io.ironlease.server.ServerSettings;
import io.ironlease.server.TestServers;
import io.ironlease.server.failover.HashBucketAssignment;
import io.ironlease.server.failover.LoadBalanceHash;
import io.ironlease.server.failover.runtime.FailoverRuntime;
import io.ironlease.server.failover.runtime.IscFailoverPeer;
import io.ironlease.server.testclient.Netns;
import io.ironlease.server.testclient.RelayTestClient;
import io.ironlease.shared.leases.BindingState;
import io.ironlease.shared.leases.FailoverState;
import io.ironlease.shared.leases.FailoverStateRecord;
import io.ironlease.shared.leases.Lease;
import io.ironlease.shared.leases.LeaseTable;
import io.ironlease.shared.net.Ipv4Address;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import org.awaitility.Awaitility;
import org.awaitility.core.ConditionTimeoutException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Our whole server (DHCP engine, lease file, failover engine) paired with ISC dhcpd 4.4.3 in a network
 * namespace ({@link IscFailoverPeer}), both ways round, from empty lease files: both reach NORMAL, the
 * pool balancing agrees in both lease files, a lease our server grants to a relayed client appears in
 * dhcpd's lease file, and leases dhcpd grants to perfdhcp clients (relayed over a veth from another
 * namespace) appear in ours.
 */
@Tag("netns")
class IscPairInteropIT {

    private static final String PEER = "failover-dhcp";
    private static final String OURS = TestServers.SERVER.toString();
    private static final Duration MCLT = Duration.ofSeconds(60);
    private static final Duration MRD = Duration.ofSeconds(10);
    private static final Duration WAIT = Duration.ofSeconds(90);

    @TempDir
    Path dir;
    private IscFailoverPeer isc;
    private DhcpServer ours;
    private String clientNamespace;

    @AfterEach
    void stop() throws Exception {
        if (ours != null) {
            ours.close();
        }
        if (isc != null) {
            isc.close();
        }
    }

    @Test
    void ourPrimaryWithIscSecondary() throws Exception {
        exchange(true);
    }

    @Test
    void iscPrimaryWithOurSecondary() throws Exception {
        exchange(false);
    }

    private void exchange(boolean oursIsPrimary) throws Exception {
        assertThat(Netns.isRoot()).as("ISC dhcpd runs in a network namespace: needs root").isTrue();
        int listen = PairConfig.freeTcpPort(OURS);
        Files.createDirectories(dir.resolve("isc"));
        isc = new IscFailoverPeer(dir.resolve("isc"), new InetSocketAddress(OURS, listen),
                IscFailoverPeer.config(!oursIsPrimary, MCLT, MRD));
        clientNamespace = isc.clientNamespace();
        String config = ourConfig(oursIsPrimary, listen, isc.connectAddress().getPort());
        isc.startDhcpd();
        ours = DhcpServer.start(ServerSettings.relay(TestServers.config(config), dir.resolve("ours.leases"),
                TestServers.SERVER.toInetAddress(), 0).withResolver(TestServers.resolver(Map.of())));
        FailoverRuntime runtime = ours.failover().orElseThrow().runtime(PEER).orElseThrow();
        awaitOrDump("both normal", () -> runtime.myState() == FailoverState.NORMAL
                && runtime.status().partnerState() == FailoverState.NORMAL && iscRecorded(FailoverState.NORMAL));

        // pool balancing: both files name the same BACKUP addresses, about half of the 16
        awaitOrDump("the same BACKUP addresses in both lease files", () -> {
            Set<Ipv4Address> mine = addresses(PairConfig.read(dir.resolve("ours.leases")), BindingState.BACKUP);
            return mine.size() >= 6 && mine.equals(addresses(isc.leases(), BindingState.BACKUP));
        });

        // a client of ours (the hash gives it to our server) gets a lease; ISC stores our BNDUPD
        HashBucketAssignment split = HashBucketAssignment.split(128);
        try (RelayTestClient relay = RelayTestClient.open(RelayTestClient.Config.loopback(
                new InetSocketAddress(TestServers.SERVER.toInetAddress(), ours.port())))) {
            RelayTestClient.SimulatedClient client = null;
            for (int i = 1; client == null; i++) {
                RelayTestClient.SimulatedClient c = relay.client(i);
                if (split.isPrimaryBucket(LoadBalanceHash.hash(c.clientId())) == oursIsPrimary) {
                    client = c;
                }
            }
            RelayTestClient.Lease lease = relay.dora(client);
            awaitOrDump("ISC stores our grant of " + lease.address(), () -> isc.lease(lease.address())
                    .map(l -> l.bindingState() == BindingState.ACTIVE
                            && l.hardware().equals(Optional.of(lease.client().chaddr()))).orElse(false));
        }

        // perfdhcp clients relayed to ISC over the veth: ISC grants the ones its hash gives it; we store them
        String report = Netns.output("ip", "netns", "exec", clientNamespace, "timeout", "40", "perfdhcp", "-4", "-l",
                IscFailoverPeer.CLIENT_ADDRESS, "-r", "20", "-n", "16", "-R", "16", "-d", "2",
                IscFailoverPeer.DHCP_ADDRESS);
        Files.writeString(dir.resolve("perfdhcp.out"), report);
        awaitOrDump("ISC granted leases to perfdhcp clients", () -> !perfdhcpLeases(isc.leases()).isEmpty());
        List<Lease> granted = perfdhcpLeases(isc.leases());
        awaitOrDump("our lease file has ISC's grants " + granted, () -> {
            LeaseTable table = PairConfig.read(dir.resolve("ours.leases"));
            return granted.stream().allMatch(g -> table.lease(g.ip()).map(l -> l.bindingState() == BindingState.ACTIVE
                    && l.hardware().equals(g.hardware())).orElse(false));
        });
        System.out.println("FAILOVER_INTEROP ours " + (oursIsPrimary ? "primary" : "secondary") + ": ISC granted "
                + granted.size() + " leases, all in our file");
    }

    private static List<Lease> perfdhcpLeases(LeaseTable table) {
        return table.leases().stream().filter(l -> l.bindingState() == BindingState.ACTIVE)
                .filter(l -> l.hardware().map(h -> h.bytes()[0] == 0 && h.bytes()[1] == 0x0c).orElse(false))
                .toList();
    }

    private static Set<Ipv4Address> addresses(LeaseTable table, BindingState state) {
        return table.leases().stream().filter(l -> l.bindingState() == state).map(Lease::ip)
                .collect(Collectors.toSet());
    }

    private boolean iscRecorded(FailoverState state) throws Exception {
        Optional<FailoverStateRecord> r = isc.stateRecord();
        return r.isPresent() && r.get().myState() == state && r.get().partnerState() == state;
    }

    private static String ourConfig(boolean primary, int listen, int iscPort) {
        return """
                failover peer "%s" {
                  %s;
                  address %s;
                  port %d;
                  peer address %s;
                  peer port %d;
                  max-response-delay %d;
                  max-unacked-updates 10;
                  %s
                  load balance max seconds 3;
                }
                ddns-update-style none;
                authoritative;
                ping-check false;
                default-lease-time 3600;
                max-lease-time 3600;
                shared-network lab {
                  subnet 127.0.0.0 netmask 255.0.0.0 {
                  }
                  subnet 192.168.100.0 netmask 255.255.255.0 {
                    pool {
                      failover peer "%s";
                      range 192.168.100.33 192.168.100.48;
                    }
                  }
                }
                """.formatted(PEER, primary ? "primary" : "secondary", OURS, listen, IscFailoverPeer.PARTNER_ADDRESS,
                iscPort, MRD.toSeconds(), primary ? "mclt " + MCLT.toSeconds() + ";\n  split 128;" : "", PEER);
    }

    private void awaitOrDump(String what, Callable<Boolean> condition) throws Exception {
        try {
            Awaitility.await().atMost(WAIT).pollInterval(Duration.ofMillis(100)).ignoreExceptions().until(condition);
        } catch (ConditionTimeoutException e) {
            FailoverRuntime runtime = ours == null ? null : ours.failover().orElseThrow().runtime(PEER).orElse(null);
            throw new AssertionError(what + " within " + WAIT.toSeconds() + " s; ours: "
                    + (runtime == null ? "-" : runtime.myState() + " " + runtime.status())
                    + "\n--- ISC dhcpd log ---\n" + isc.log(), e);
        }
    }
}
