package io.ironlease.server.failover.engine;

import static org.assertj.core.api.Assertions.assertThat;

import io.ironlease.omapi.client.OmapiClient;
import io.ironlease.omapi.client.OmapiObject;
import io.ironlease.omapi.wire.OmapiValues;
import io.ironlease.server.testclient.AckRecord;
import io.ironlease.server.testclient.DhcpExchangeException;
import io.ironlease.server.testclient.RelayTestClient;
import io.ironlease.shared.leases.BindingState;
import io.ironlease.shared.leases.FailoverState;
import io.ironlease.shared.leases.Lease;
import io.ironlease.shared.leases.LeaseTable;
import io.ironlease.shared.net.Ipv4Address;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.awaitility.Awaitility;
import org.awaitility.core.ConditionFactory;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.CleanupMode;
import org.junit.jupiter.api.io.TempDir;

/**
 * The takeover the seed's how-to promises, with our pair as two JVMs: the primary is killed (SIGKILL)
 * under perfdhcp load; the secondary notices at once from the TCP close, renews the primary's clients
 * and serves new ones from its own (BACKUP) addresses; after partner-down (auto-partner-down here) and
 * MCLT it serves the whole pool; the restarted primary goes through recover to normal and both lease
 * files agree. A frozen primary (SIGSTOP: connection open, nothing said) is noticed after
 * max-response-delay. Short MCLT and max-response-delay keep it fast.
 */
@Tag("interop")
class FailoverTakeoverIT {

    private static final Duration MCLT = Duration.ofSeconds(5);
    private static final Duration MRD = Duration.ofSeconds(3);
    private static final Duration AUTO_PARTNER_DOWN = Duration.ofSeconds(2);

    @TempDir(cleanup = CleanupMode.ON_SUCCESS) // a failure leaves the logs and lease files for a post-mortem
    Path dir;
    private PairProcesses pair;
    private Process perfdhcp;

    @AfterEach
    void stop() throws Exception {
        if (perfdhcp != null) {
            perfdhcp.destroy();
            perfdhcp.waitFor(30, TimeUnit.SECONDS);
        }
        if (pair != null) {
            pair.close();
        }
    }

    private static ConditionFactory await(Duration atMost) {
        return Awaitility.await().atMost(atMost).pollInterval(Duration.ofMillis(20));
    }

    private static long millisSince(long t0) {
        return TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - t0);
    }

    private long reached(boolean isPrimary, String state, long t0, Duration atMost) {
        await(atMost).alias((isPrimary ? "primary" : "secondary") + " in " + state)
                .until(() -> pair.stateChanges(isPrimary).stream().anyMatch(c -> c[1].equals(state)));
        return millisSince(t0);
    }

    @Test
    void secondaryTakesOverFromAKilledPrimaryAndThePairRecovers() throws Exception {
        pair = new PairProcesses(PairConfig.of(MCLT, MRD, "10.20.1.1 10.20.1.120")
                .withAutoPartnerDown(AUTO_PARTNER_DOWN), dir).start();
        await(Duration.ofSeconds(60)).alias("both normal").until(pair::bothNormal);
        awaitBalanced(50);
        perfdhcp = new ProcessBuilder("timeout", "60", "perfdhcp", "-4", "-l", "127.0.0.1", "-L",
                Integer.toString(pair.dhcpPort), "-N", Integer.toString(pair.dhcpPort), "-r", "100", "-p", "30",
                "-R", "40", "-d", "2", PairConfig.PRIMARY).redirectErrorStream(true)
                .redirectOutput(dir.resolve("perfdhcp.out").toFile()).start();
        try (RelayTestClient relay = pair.relay(Duration.ofMillis(300), 3)) {
            List<RelayTestClient.Lease> before = new ArrayList<>();
            for (int i = 1; i <= 16; i++) {
                before.add(relay.dora(relay.client(i)));
            }
            Ipv4Address primaryId = Ipv4Address.parse(PairConfig.PRIMARY);
            List<RelayTestClient.Lease> fromPrimary = before.stream().filter(l -> l.serverId().equals(primaryId))
                    .toList();
            assertThat(fromPrimary).isNotEmpty();
            // the secondary knows the primary's grants (BNDUPD) before the primary dies
            await(Duration.ofSeconds(20)).alias("the primary's grants in the secondary's file").until(() -> {
                LeaseTable t = PairConfig.read(pair.secondaryLeases);
                return fromPrimary.stream().allMatch(l -> t.lease(l.address())
                        .map(x -> x.bindingState() == BindingState.ACTIVE).orElse(false));
            });
            await(Duration.ofSeconds(20)).alias("perfdhcp under way").until(() -> PairConfig.read(pair.primaryLeases)
                    .leases().stream().anyMatch(l -> l.hardware().map(h -> h.bytes()[1] == 0x0c).orElse(false)));
            Set<Ipv4Address> backup = addresses(pair.secondaryLeases, BindingState.BACKUP);

            long killed = System.nanoTime();
            pair.primary.kill();
            long detected = reached(false, "communications-interrupted", killed, Duration.ofSeconds(5));
            System.out.println("FAILOVER_TIMING takeover: primary SIGKILL -> secondary communications-interrupted in "
                    + detected + " ms");
            assertThat(detected).as("peer loss by TCP close within 1 s").isLessThan(1000);

            for (RelayTestClient.Lease lease : fromPrimary) {
                RelayTestClient.Lease renewed = relay.renew(lease);
                assertThat(renewed.address()).isEqualTo(lease.address());
                assertThat(renewed.serverId()).isEqualTo(Ipv4Address.parse(PairConfig.SECONDARY));
            }
            long firstNew = System.nanoTime();
            RelayTestClient.Lease fresh = relay.dora(relay.client(500));
            System.out.println("FAILOVER_TIMING takeover: primary SIGKILL -> new client served by the secondary in "
                    + TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - killed) + " ms (the DORA itself "
                    + millisSince(firstNew) + " ms)");
            assertThat(backup).as("a new client gets one of the secondary's own addresses").contains(fresh.address());

            long partnerDown = reached(false, "partner-down", killed, Duration.ofSeconds(15));
            System.out.println("FAILOVER_TIMING takeover: SIGKILL -> partner-down (auto-partner-down "
                    + AUTO_PARTNER_DOWN.toSeconds() + " s) in " + partnerDown + " ms");
            Set<Ipv4Address> free = addresses(pair.secondaryLeases, BindingState.FREE);
            // once MCLT has passed in partner-down, the primary's free addresses are the secondary's too
            long t0 = System.nanoTime();
            RelayTestClient.Lease taken = null;
            for (int i = 600; i < 900 && taken == null; i++) {
                try {
                    RelayTestClient.Lease l = relay.dora(relay.client(i));
                    if (!backup.contains(l.address())) {
                        taken = l;
                    }
                } catch (DhcpExchangeException refused) {
                    // BACKUP addresses used up, MCLT not over yet: try again
                }
            }
            assertThat(taken).as("the secondary serves the primary's addresses after MCLT").isNotNull();
            System.out.println("FAILOVER_TIMING takeover: SIGKILL -> first of the primary's addresses handed out in "
                    + millisSince(killed) + " ms (partner-down at " + partnerDown + " ms, MCLT " + MCLT.toSeconds()
                    + " s, " + millisSince(t0) + " ms of new clients); " + taken.address() + " was "
                    + (free.contains(taken.address()) ? "free" : "never used"));

            long restarted = System.nanoTime();
            pair.startPrimary();
            long normal = reached(true, "normal", restarted, Duration.ofSeconds(60));
            System.out.println("FAILOVER_TIMING takeover: primary restart (JVM start included) -> normal in " + normal
                    + " ms; primary went " + pair.stateChanges(true).stream().map(c -> c[1])
                            .collect(Collectors.joining(" -> ")));
            assertThat(pair.stateChanges(true).stream().map(c -> c[1])).contains("recover", "normal");
            await(Duration.ofSeconds(30)).alias("both normal again").until(pair::bothNormal);
            PairChecker.assertFilesAgree(pair.primaryLeases, pair.secondaryLeases, Duration.ofSeconds(30));
            List<AckRecord> acks = relay.acks();
            PairChecker.assertNoAddressTwice(acks, pair.primaryLeases, pair.secondaryLeases);
        }
    }

    @Test
    void aSilentPrimaryIsNoticedAfterMaxResponseDelay() throws Exception {
        pair = new PairProcesses(PairConfig.of(MCLT, MRD, "10.20.1.1 10.20.1.40"), dir).start();
        await(Duration.ofSeconds(60)).alias("both normal").until(pair::bothNormal);
        long frozen = System.nanoTime();
        PairProcesses.signal(pair.primary, "STOP");
        long detected = reached(false, "communications-interrupted", frozen, MRD.multipliedBy(3));
        System.out.println("FAILOVER_TIMING silent primary (SIGSTOP) -> secondary communications-interrupted in "
                + detected + " ms (max-response-delay " + MRD.toMillis() + " ms)");
        // The silence began at the primary's last message, which can precede the freeze by up to one CONTACT
        // interval (1 s here): so detection comes between MRD - 1 s and MRD after SIGSTOP, plus scheduling.
        assertThat(detected).isGreaterThanOrEqualTo(MRD.toMillis() - 1200).isLessThan(MRD.toMillis() + 1500);
        try (RelayTestClient relay = pair.relay(Duration.ofMillis(300), 3)) {
            assertThat(relay.dora(relay.client(77)).serverId()).isEqualTo(Ipv4Address.parse(PairConfig.SECONDARY));
        }
        long thawed = System.nanoTime();
        PairProcesses.signal(pair.primary, "CONT");
        await(Duration.ofSeconds(30)).alias("both normal again").until(pair::bothNormal);
        System.out.println("FAILOVER_TIMING silent primary resumed (SIGCONT) -> both normal in " + millisSince(thawed)
                + " ms");
    }

    @Test
    void anOperatorDeclaresPartnerDownOverOmapiAndTheSecondaryTakesThePoolAfterMclt() throws Exception {
        pair = new PairProcesses(PairConfig.of(MCLT, MRD, "10.20.1.1 10.20.1.20").withOmapi(), dir).start();
        await(Duration.ofSeconds(60)).alias("both normal").until(pair::bothNormal);
        awaitBalanced(8);
        Set<Ipv4Address> backup = addresses(pair.secondaryLeases, BindingState.BACKUP);
        pair.primary.kill();
        reached(false, "communications-interrupted", System.nanoTime(), Duration.ofSeconds(5));
        try (OmapiClient omapi = OmapiClient.builder().requestTimeout(Duration.ofSeconds(10))
                .connect("127.0.0.1", pair.config.secondaryOmapiPort())) {
            OmapiObject state = omapi.open("failover-state", OmapiValues.builder().putString("name", PairConfig.PEER)
                    .build());
            assertThat(state.values().int32("local-state")).as("communications-interrupted")
                    .hasValue(FailoverState.COMMUNICATIONS_INTERRUPTED.code());
            long declared = System.nanoTime();
            omapi.update(state.handle(), OmapiValues.builder().putInt32("local-state",
                    FailoverState.PARTNER_DOWN.code()).build()); // omshell: set local-state = 4; update
            assertThat(omapi.refresh(state.handle()).values().int32("local-state"))
                    .hasValue(FailoverState.PARTNER_DOWN.code());
            assertThat(pair.stateChanges(false).stream().map(c -> c[1] + " (" + c[2] + ")"))
                    .anyMatch(c -> c.startsWith("partner-down"));
            try (RelayTestClient relay = pair.relay(Duration.ofMillis(300), 2)) {
                RelayTestClient.Lease taken = null;
                for (int i = 900; i < 1100 && taken == null; i++) {
                    try {
                        RelayTestClient.Lease l = relay.dora(relay.client(i));
                        taken = backup.contains(l.address()) ? null : l;
                    } catch (DhcpExchangeException refused) {
                        // its own addresses used up and MCLT not over yet
                    }
                }
                assertThat(taken).as("after MCLT the secondary gives out the primary's addresses").isNotNull();
                assertThat(millisSince(declared)).as("not before MCLT").isGreaterThanOrEqualTo(MCLT.toMillis() - 1000);
                System.out.println("FAILOVER_TIMING OMAPI partner-down -> first of the primary's addresses in "
                        + millisSince(declared) + " ms (MCLT " + MCLT.toSeconds() + " s)");
            }
        }
    }

    /** Pool balancing done: both files name the same BACKUP addresses, at least {@code atLeast} of them. */
    private void awaitBalanced(int atLeast) {
        await(Duration.ofSeconds(30)).alias("pool balancing in both lease files").until(() -> {
            Set<Ipv4Address> secondary = addresses(pair.secondaryLeases, BindingState.BACKUP);
            return secondary.size() >= atLeast && secondary.equals(addresses(pair.primaryLeases, BindingState.BACKUP));
        });
    }

    private static Set<Ipv4Address> addresses(Path file, BindingState state) throws Exception {
        return PairConfig.read(file).leases().stream().filter(l -> l.bindingState() == state).map(Lease::ip)
                .collect(Collectors.toSet());
    }

    static boolean normal(FailoverState s) {
        return s == FailoverState.NORMAL;
    }
}
