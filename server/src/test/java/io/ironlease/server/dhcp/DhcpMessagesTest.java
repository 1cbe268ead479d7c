package io.ironlease.server.dhcp;

import static io.ironlease.server.dhcp.EngineHarness.Client;
import static io.ironlease.server.dhcp.EngineHarness.SERVER;
import static io.ironlease.server.dhcp.EngineHarness.relayedTo;
import static org.assertj.core.api.Assertions.assertThat;

import io.ironlease.server.alloc.ClientRequest;
import io.ironlease.server.alloc.LeaseOwnershipPolicy;
import io.ironlease.server.alloc.PoolPlan;
import io.ironlease.shared.leases.BindingState;
import io.ironlease.shared.leases.Lease;
import io.ironlease.shared.leases.LeaseTime;
import io.ironlease.shared.net.Ipv4Address;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;

/** DECLINE, RELEASE, INFORM, BOOTP, failed writes, ping-check and the failover hook, through the engine. */
class DhcpMessagesTest {

    static final Ipv4Address GI = Ipv4Address.parse("10.1.0.1");

    static Ipv4Address ip(String s) {
        return Ipv4Address.parse(s);
    }

    private final EngineHarness h = new EngineHarness(DhcpServerEngineTest.config("authoritative;\n"));

    @Test
    void declinedAddressIsAbandonedAsDhcpdWritesItAndReclaimedOnlyWhenNothingElseIsFree() {
        DhcpPacket ack = h.dora(Client.of(1));
        h.clock.advance(java.time.Duration.ofSeconds(5));

        List<DhcpPacket> replies = h.send(h.message(Client.of(1), MessageType.DHCPDECLINE, GI,
                o -> o.requestedAddress(ack.yiaddr()).serverIdentifier(SERVER)), relayedTo(SERVER));

        assertThat(replies).isEmpty();
        Lease abandoned = h.durable().get(ack.yiaddr());
        assertThat(abandoned.bindingState()).isEqualTo(BindingState.ABANDONED);
        assertThat(abandoned.nextBindingState()).isEqualTo(BindingState.FREE);
        assertThat(abandoned.ends()).isEqualTo(h.clock.epoch() + 86_400);
        assertThat(abandoned.hardware()).isEmpty();
        assertThat(abandoned.hasUid()).isFalse();
        Ipv4Address a2 = h.dora(Client.of(2)).yiaddr();
        Ipv4Address a3 = h.dora(Client.of(3)).yiaddr();
        assertThat(List.of(a2, a3)).doesNotContain(ack.yiaddr());
        assertThat(h.dora(Client.of(4)).yiaddr()).as("reclaimed when the pool is otherwise full").isEqualTo(ack.yiaddr());
    }

    @Test
    void declineOfSomeoneElsesAddressIsIgnored() {
        DhcpPacket ack = h.dora(Client.of(1));

        h.send(h.message(Client.of(2), MessageType.DHCPDECLINE, GI, o -> o.requestedAddress(ack.yiaddr())),
                relayedTo(SERVER));

        assertThat(h.durable().get(ack.yiaddr()).bindingState()).isEqualTo(BindingState.ACTIVE);
    }

    @Test
    void releasedLeaseIsFreeWithItsClientRememberedAndComesBackToIt() {
        DhcpPacket ack = h.dora(Client.of(1));

        h.send(h.message(Client.of(1), MessageType.DHCPRELEASE, GI, o -> o.serverIdentifier(SERVER)).toBuilder()
                .ciaddr(ack.yiaddr()).build(), relayedTo(SERVER));

        Lease free = h.durable().get(ack.yiaddr());
        assertThat(free.bindingState()).isEqualTo(BindingState.FREE);
        assertThat(free.ends()).isEqualTo(h.clock.epoch());
        assertThat(free.tstp()).isEqualTo(h.clock.epoch());
        assertThat(free.hardware()).contains(Client.of(1).mac());
        assertThat(h.dora(Client.of(1)).yiaddr()).isEqualTo(ack.yiaddr());
    }

    @Test
    void informIsAnsweredWithConfigurationOnly() {
        DhcpPacket inform = h.message(Client.of(1), MessageType.DHCPINFORM, GI,
                o -> o.parameterRequestList(List.of(3, 15))).toBuilder().ciaddr(ip("10.1.0.55")).build();

        DhcpPacket ack = h.one(inform, relayedTo(SERVER));

        assertThat(ack.messageType()).contains(MessageType.DHCPACK);
        assertThat(ack.options().codes()).containsExactly(53, 54, 1, 3, 15);
        assertThat(ack.ciaddr()).isEqualTo(ip("10.1.0.55"));
        assertThat(ack.yiaddr()).isEqualTo(Ipv4Address.ANY);
        assertThat(ReplyRouting.destinationFor(inform, ack, GI, 67, DhcpPorts.DEFAULT))
                .as("an ACK to INFORM goes to ciaddr").isEqualTo(ReplyDestination.unicast(ip("10.1.0.55"), 68));
        assertThat(h.store.records()).isEmpty();
    }

    @Test
    void relayAgentInformationIsEchoedLast() {
        RelayAgentInformation rai = RelayAgentInformation.of("ge-0/0/1".getBytes(), new byte[] {1, 2, 3});

        DhcpPacket offer = h.one(h.message(Client.of(1), MessageType.DHCPDISCOVER, GI,
                o -> o.relayAgentInformation(rai).parameterRequestList(List.of(3))), relayedTo(SERVER));

        assertThat(offer.options().codes()).endsWith(82);
        assertThat(offer.options().relayAgentInformation()).contains(rai);
    }

    @Test
    void failedWriteMeansNoAckAndTheBindingIsRolledBack() {
        Client c = Client.of(1);
        DhcpPacket offer = h.one(h.message(c, MessageType.DHCPDISCOVER, GI, o -> { }), relayedTo(SERVER));
        h.store.failNext(1);

        List<DhcpPacket> replies = h.send(h.message(c, MessageType.DHCPREQUEST, GI,
                o -> o.requestedAddress(offer.yiaddr()).serverIdentifier(SERVER)), relayedTo(SERVER));

        assertThat(replies).as("a server that cannot record a lease must not acknowledge it").isEmpty();
        assertThat(h.alloc.lease(offer.yiaddr())).isEmpty();
        assertThat(h.counters.snapshot().writeFailures()).isEqualTo(1);
        DhcpPacket retry = h.dora(c);
        assertThat(retry.messageType()).as("the retry succeeds").contains(MessageType.DHCPACK);
        assertThat(h.durable().get(retry.yiaddr()).hardware()).contains(c.mac());
    }

    @Test
    void failedRenewalKeepsTheDurableLease() {
        Client c = Client.of(1);
        DhcpPacket ack = h.dora(c);
        Lease before = h.alloc.lease(ack.yiaddr()).orElseThrow();
        h.clock.advance(java.time.Duration.ofSeconds(100));
        h.store.failNext(1);

        List<DhcpPacket> replies = h.send(h.message(c, MessageType.DHCPREQUEST, GI,
                o -> o.requestedAddress(ack.yiaddr())), relayedTo(SERVER));

        assertThat(replies).isEmpty();
        assertThat(h.alloc.lease(ack.yiaddr())).contains(before);
    }

    @Test
    void bootpClientGetsAnInfiniteLeaseFromADynamicBootpRangeOnly() {
        EngineHarness bootp = new EngineHarness("""
                ping-check false;
                subnet 10.1.0.0 netmask 255.255.255.0 {
                  option routers 10.1.0.1;
                  range 10.1.0.10 10.1.0.10;
                  range dynamic-bootp 10.1.0.20 10.1.0.20;
                }
                """);
        DhcpPacket request = DhcpPacket.builder().chaddr(Client.of(1).mac()).xid(5).giaddr(GI).hops(1).build();

        DhcpPacket reply = bootp.one(request, relayedTo(SERVER));

        assertThat(reply.isBootp()).isTrue();
        assertThat(reply.yiaddr()).isEqualTo(ip("10.1.0.20"));
        assertThat(reply.options().address(3)).contains(ip("10.1.0.1"));
        Lease lease = bootp.durable().get(ip("10.1.0.20"));
        assertThat(lease.bootp()).isTrue();
        assertThat(lease.ends()).isEqualTo(LeaseTime.NEVER);
    }

    @Test
    void pingCheckAbandonsAnAddressThatAnswersAndOffersAnother() {
        Pinger pinger = (address, timeout) -> CompletableFuture.completedFuture(address.equals(ip("10.1.0.100")));
        EngineHarness ping = new EngineHarness(DhcpServerEngineTest.config("").replace("ping-check false;",
                "ping-check true;"), Map.of(), pinger,
                LeaseOwnershipPolicy.STANDALONE, List.of());

        DhcpPacket offer = ping.one(ping.message(Client.of(1), MessageType.DHCPDISCOVER, GI, o -> { }), relayedTo(SERVER));

        assertThat(offer.yiaddr()).isEqualTo(ip("10.1.0.101"));
        assertThat(ping.durable().get(ip("10.1.0.100")).bindingState()).isEqualTo(BindingState.ABANDONED);
        assertThat(ping.counters.snapshot().pingConflicts()).isEqualTo(1);
    }

    @Test
    void failoverHookDecidesWhoAnswersAndWhatAddressesAreOurs() {
        LeaseOwnershipPolicy policy = new LeaseOwnershipPolicy() {
            @Override
            public boolean answers(PoolPlan pool, ClientRequest request) {
                return request.client().hardware().bytes()[5] % 2 == 1;
            }

            @Override
            public boolean mayAllocate(PoolPlan pool, Lease idle) {
                return idle == null || idle.bindingState() != BindingState.BACKUP;
            }

            @Override
            public long grantableSeconds(PoolPlan pool, Lease current, long desired, long now) {
                return Math.min(desired, 60);
            }

            @Override
            public BindingState expiredState(PoolPlan pool) {
                return BindingState.EXPIRED;
            }

            @Override
            public BindingState releasedState(PoolPlan pool) {
                return BindingState.RELEASED;
            }
        };
        Lease backup = Lease.builder(ip("10.1.0.100")).bindingState(BindingState.BACKUP).build();
        EngineHarness fo = new EngineHarness(DhcpServerEngineTest.config(""), Map.of(), null, policy,
                List.of(new io.ironlease.shared.leases.LeaseRecord(backup)));

        assertThat(fo.send(fo.message(Client.of(2), MessageType.DHCPDISCOVER, GI, o -> { }), relayedTo(SERVER)))
                .as("load balancing: the peer's client").isEmpty();
        DhcpPacket ack = fo.dora(Client.of(1));
        assertThat(ack.yiaddr()).as("backup addresses are the peer's").isIn(ip("10.1.0.101"), ip("10.1.0.102"));
        assertThat(ack.options().leaseTime()).as("MCLT").hasValue(60);
        assertThat(fo.durable().get(ack.yiaddr()).nextBindingState()).isEqualTo(BindingState.EXPIRED);
    }
}
