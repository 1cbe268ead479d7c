package io.ironlease.server.failover.engine;

import static org.assertj.core.api.Assertions.assertThat;

import io.ironlease.server.failover.runtime.FailoverRuntime;
import io.ironlease.server.testclient.AckRecord;
import io.ironlease.server.testclient.DhcpExchangeException;
import io.ironlease.server.testclient.RelayTestClient;
import io.ironlease.shared.leases.FailoverState;
import io.ironlease.shared.net.Ipv4Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.awaitility.Awaitility;
import org.awaitility.core.ConditionFactory;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Partition: the failover link between our two servers is cut (TCP closed, or silently blackholed)
 * while both stay up, with clients on both sides and on the relay that reaches both; the link comes
 * back, more than once. Each seed drives a random sequence of DORAs, renewals, INIT-REBOOTs, releases,
 * cuts and restorations. Afterwards {@link PairChecker} reads every ACK the clients saw and both lease
 * files: no address may be bound to two different clients at once. Neither server is put into
 * partner-down (the draft's condition for safety: partner-down means the partner has stopped).
 */
class FailoverPartitionIT {

    private static final Duration MCLT = Duration.ofSeconds(3);
    private static final Duration MRD = Duration.ofSeconds(2);

    enum Side { PRIMARY, SECONDARY, BOTH }

    @TempDir
    Path dir;

    private static ConditionFactory await(Duration atMost) {
        return Awaitility.await().atMost(atMost).pollInterval(Duration.ofMillis(50));
    }

    @ParameterizedTest(name = "seed {0}")
    @ValueSource(longs = {1, 2, 3, 4})
    void noAddressIsBoundTwiceAcrossPartitions(long seed) throws Exception {
        Random random = new Random(seed);
        PairConfig base = PairConfig.of(MCLT, MRD, "10.20.1.1 10.20.1.60");
        int toSecondary = PairConfig.freeTcpPort(PairConfig.SECONDARY);
        int toPrimary = PairConfig.freeTcpPort(PairConfig.PRIMARY);
        PairConfig config = base.viaProxies(toSecondary, toPrimary);
        List<AckRecord> acks = new ArrayList<>();
        Map<Side, int[]> servedDuringCut = new EnumMap<>(Side.class);
        try (TcpCutProxy ps = new TcpCutProxy(new InetSocketAddress(PairConfig.SECONDARY, toSecondary),
                new InetSocketAddress(PairConfig.SECONDARY, config.secondaryFailoverPort()),
                InetAddress.getByName(PairConfig.PRIMARY));
                TcpCutProxy sp = new TcpCutProxy(new InetSocketAddress(PairConfig.PRIMARY, toPrimary),
                        new InetSocketAddress(PairConfig.PRIMARY, config.primaryFailoverPort()),
                        InetAddress.getByName(PairConfig.SECONDARY));
                InProcessPair pair = new InProcessPair(config, dir).start()) {
            await(Duration.ofSeconds(60)).alias("both normal").until(pair::bothNormal);
            Map<Side, RelayTestClient> relays = new EnumMap<>(Side.class);
            relays.put(Side.BOTH, pair.relay(Duration.ofMillis(300), 2));
            relays.put(Side.PRIMARY, relay(pair, "127.0.0.5", PairConfig.PRIMARY));
            relays.put(Side.SECONDARY, relay(pair, "127.0.0.6", PairConfig.SECONDARY));
            try {
                List<Held> held = new ArrayList<>();
                int nextClient = 1;
                for (int step = 0; step < 28; step++) {
                    int roll = step == 6 ? 75 : random.nextInt(100);
                    boolean cut = ps.isCut();
                    if (roll < 45) {
                        Side side = Side.values()[random.nextInt(3)];
                        RelayTestClient relay = relays.get(side);
                        try {
                            held.add(new Held(side, relay.dora(relay.client(nextClient++))));
                            if (cut) {
                                servedDuringCut.computeIfAbsent(side, s -> new int[1])[0]++;
                            }
                        } catch (DhcpExchangeException refused) {
                            // nothing to give on that side now (its own addresses used up, or not answering)
                        }
                    } else if (roll < 60 && !held.isEmpty()) {
                        Held h = held.get(random.nextInt(held.size()));
                        try {
                            relays.get(h.side).renew(h.lease);
                        } catch (DhcpExchangeException refused) {
                            // its server may be silent (load balancing, recovering) or refuse
                        }
                    } else if (roll < 67 && !held.isEmpty()) {
                        Held h = held.remove(random.nextInt(held.size()));
                        relays.get(h.side).release(h.lease);
                    } else if (roll < 82) {
                        if (!cut) {
                            boolean silently = random.nextBoolean();
                            ps.cut(silently);
                            sp.cut(silently);
                            await(MRD.multipliedBy(4)).alias("both see the partner gone (silently: " + silently + ")")
                                    .until(() -> state(pair, true) == FailoverState.COMMUNICATIONS_INTERRUPTED
                                            && state(pair, false) == FailoverState.COMMUNICATIONS_INTERRUPTED);
                            for (Side side : List.of(Side.PRIMARY, Side.SECONDARY)) {
                                RelayTestClient relay = relays.get(side);
                                held.add(new Held(side, relay.dora(relay.client(nextClient++))));
                                servedDuringCut.computeIfAbsent(side, x -> new int[1])[0]++;
                            }
                        } else {
                            ps.restore();
                            sp.restore();
                            await(Duration.ofSeconds(60)).alias("both normal after the link returns")
                                    .until(pair::bothNormal);
                        }
                    } else if (!held.isEmpty()) {
                        Held h = held.get(random.nextInt(held.size()));
                        try {
                            relays.get(h.side).reboot(h.lease.client(), h.lease.address());
                        } catch (DhcpExchangeException refused) {
                            // silent or NAK: the client starts over, which is allowed
                        }
                    }
                }
                ps.restore();
                sp.restore();
                await(Duration.ofSeconds(60)).alias("both normal at the end").until(pair::bothNormal);
                PairChecker.assertFilesAgree(pair.primaryLeases, pair.secondaryLeases, Duration.ofSeconds(30));
            } finally {
                relays.values().forEach(r -> {
                    acks.addAll(r.acks());
                    r.close();
                });
            }
            System.out.println("FAILOVER_PARTITION seed " + seed + ": " + acks.size() + " ACKs, served during cuts "
                    + servedDuringCut.entrySet().stream().map(e -> e.getKey() + "=" + e.getValue()[0]).toList());
            PairChecker.assertNoAddressTwice(acks, pair.primaryLeases, pair.secondaryLeases);
            assertThat(servedDuringCut.keySet()).as("clients kept getting leases on both sides of the partition")
                    .contains(Side.PRIMARY, Side.SECONDARY);
        } catch (AssertionError | RuntimeException e) {
            Files.writeString(dir.resolve("acks.txt"), acks.toString());
            throw e;
        }
    }

    private record Held(Side side, RelayTestClient.Lease lease) {
    }

    private static FailoverState state(InProcessPair pair, boolean primary) {
        FailoverRuntime runtime = pair.runtime(primary ? pair.primary : pair.secondary);
        return runtime.myState();
    }

    /** A relay of its own that reaches one server only: a client on that server's side of the partition. */
    private static RelayTestClient relay(InProcessPair pair, String relayAddress, String server) throws Exception {
        return RelayTestClient.open(new RelayTestClient.Config(PairConfig.dhcp(server, pair.dhcpPort),
                Ipv4Address.parse(relayAddress).toInetAddress(), pair.dhcpPort, Duration.ofMillis(300), 2, false));
    }
}
