package io.ironlease.server.failover.engine;

import static org.assertj.core.api.Assertions.assertThat;

import io.ironlease.server.TestServers;
import io.ironlease.server.alloc.AddressPlan;
import io.ironlease.server.alloc.AllocationEngine;
import io.ironlease.server.alloc.ClientId;
import io.ironlease.server.alloc.ClientRequest;
import io.ironlease.server.alloc.HostTable;
import io.ironlease.server.alloc.PoolPlan;
import io.ironlease.server.alloc.RequestKind;
import io.ironlease.server.engine.LeaseEngine;
import io.ironlease.server.failover.FailoverStatus;
import io.ironlease.server.failover.HashBucketAssignment;
import io.ironlease.server.failover.LoadBalanceHash;
import io.ironlease.server.failover.Role;
import io.ironlease.server.failover.ServiceState;
import io.ironlease.server.store.InMemoryLeaseStore;
import io.ironlease.shared.config.model.DhcpConfig;
import io.ironlease.shared.leases.BindingState;
import io.ironlease.shared.leases.FailoverState;
import io.ironlease.shared.leases.Lease;
import io.ironlease.shared.net.HardwareAddress;
import io.ironlease.shared.net.Ipv4Address;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * The failover ownership policy the allocation engine consults ({@link PeerRelationship} through
 * {@link FailoverCoordinator}), driven with failover statuses directly: who answers (state, RFC 3074
 * hash, secs), which idle addresses each role may give out and when (PARTNER-DOWN after MCLT), the MCLT
 * rule for lease times, and the failover fields a commit gets (tstp, rewind).
 */
class FailoverPolicyTest {

    private static final Instant NOW = Instant.parse("2026-01-01T12:00:00Z");
    private static final HashBucketAssignment SPLIT = HashBucketAssignment.split(128);
    private static final Ipv4Address ADDRESS = Ipv4Address.parse("10.20.1.5");

    private final FailoverCoordinator coordinator;
    private final PoolPlan pool;
    private final AddressPlan plan;
    private final PeerRelationship primary;

    FailoverPolicyTest() throws Exception {
        DhcpConfig config = TestServers.config(new PairConfig(6470, 6471, Duration.ofSeconds(60), Duration.ofSeconds(10),
                Duration.ZERO, "10.20.1.1 10.20.1.20", 10, 6471, 6470, 0, 0).text(true));
        plan = AddressPlan.build(config);
        coordinator = FailoverCoordinator.of(config, plan, TestServers.resolver(Map.of())).orElseThrow();
        pool = plan.pools().get(0);
        AllocationEngine alloc = new AllocationEngine(plan, HostTable.of(config), coordinator,
                TestServers.resolver(Map.of()));
        LeaseEngine engine = new LeaseEngine(alloc, new InMemoryLeaseStore(), Runnable::run,
                Clock.fixed(NOW, ZoneOffset.UTC));
        primary = coordinator.peer(pool);
        primary.attach(engine);
    }

    private static FailoverStatus status(Role role, FailoverState me, FailoverState partner, Instant myStos) {
        return new FailoverStatus("pair", role, me, myStos, partner, myStos, ServiceState.of(me, partner),
                Optional.of(Duration.ofSeconds(60)), Optional.of(SPLIT), 3, true, 0, NOW, NOW);
    }

    private ClientRequest request(RequestKind kind, int index, int secs) {
        byte[] mac = {2, 0, 0, 0, 0, (byte) index};
        byte[] uid = {1, 2, 0, 0, 0, 0, (byte) index};
        return new ClientRequest(ClientId.of(uid, HardwareAddress.ethernet(mac)), kind, plan.networks().get(0),
                Optional.empty(), -1, List.of(), null, secs);
    }

    /** A client index whose hash gives it to the primary (true) or the secondary. */
    private static int clientOf(boolean primaryBucket) {
        for (int i = 1; ; i++) {
            byte[] uid = {1, 2, 0, 0, 0, 0, (byte) i};
            if (SPLIT.isPrimaryBucket(LoadBalanceHash.hash(uid)) == primaryBucket) {
                return i;
            }
        }
    }

    @Test
    void inNormalOnlyTheHashesServerAnswersNewClientsUnlessTheyWaitedLong() {
        primary.status(status(Role.PRIMARY, FailoverState.NORMAL, FailoverState.NORMAL, NOW));
        int mine = clientOf(true);
        int theirs = clientOf(false);
        assertThat(coordinator.answers(pool, request(RequestKind.DISCOVER, mine, 0))).isTrue();
        assertThat(coordinator.answers(pool, request(RequestKind.DISCOVER, theirs, 0))).isFalse();
        assertThat(coordinator.answers(pool, request(RequestKind.INIT_REBOOT, theirs, 0))).isFalse();
        assertThat(coordinator.answers(pool, request(RequestKind.REBINDING, theirs, 3))).isFalse();
        assertThat(coordinator.answers(pool, request(RequestKind.DISCOVER, theirs, 4))).as("secs > max").isTrue();
        assertThat(coordinator.answers(pool, request(RequestKind.RENEWING, theirs, 0))).as("unicast renewal").isTrue();
        assertThat(coordinator.answers(pool, request(RequestKind.SELECTING, theirs, 0))).as("chose our offer").isTrue();
    }

    @Test
    void silentStatesAnswerNobodyAndCommunicationsInterruptedAnswersEveryone() {
        int theirs = clientOf(false);
        for (FailoverState silent : List.of(FailoverState.STARTUP, FailoverState.RECOVER, FailoverState.RECOVER_WAIT,
                FailoverState.POTENTIAL_CONFLICT, FailoverState.PAUSED)) {
            primary.status(status(Role.PRIMARY, silent, FailoverState.NORMAL, NOW));
            assertThat(coordinator.answers(pool, request(RequestKind.DISCOVER, clientOf(true), 0))).as(silent.fileName())
                    .isFalse();
            assertThat(coordinator.mayAllocate(pool, null)).isFalse();
        }
        primary.status(status(Role.PRIMARY, FailoverState.COMMUNICATIONS_INTERRUPTED, FailoverState.UNKNOWN, NOW));
        assertThat(coordinator.answers(pool, request(RequestKind.DISCOVER, theirs, 0))).isTrue();
        primary.status(status(Role.PRIMARY, FailoverState.NORMAL, FailoverState.PARTNER_DOWN, NOW));
        assertThat(coordinator.answers(pool, request(RequestKind.DISCOVER, clientOf(true), 0)))
                .as("the partner in partner-down silences us").isFalse();
    }

    @Test
    void eachRoleAllocatesItsOwnFreeAddressesAndPartnerDownTheRestAfterMclt() {
        Lease backup = Lease.builder(ADDRESS).bindingState(BindingState.BACKUP).build();
        Lease free = Lease.builder(ADDRESS).bindingState(BindingState.FREE).build();
        primary.status(status(Role.PRIMARY, FailoverState.NORMAL, FailoverState.NORMAL, NOW));
        assertThat(coordinator.mayAllocate(pool, null)).as("never used: FREE, the primary's").isTrue();
        assertThat(coordinator.mayAllocate(pool, free)).isTrue();
        assertThat(coordinator.mayAllocate(pool, backup)).isFalse();
        assertThat(coordinator.allocatesFrom(pool, false)).isTrue();
        assertThat(coordinator.allocatesFrom(pool, true)).isFalse();

        primary.status(status(Role.SECONDARY, FailoverState.COMMUNICATIONS_INTERRUPTED, FailoverState.UNKNOWN, NOW));
        assertThat(coordinator.mayAllocate(pool, backup)).isTrue();
        assertThat(coordinator.mayAllocate(pool, free)).isFalse();
        assertThat(coordinator.allocatesFrom(pool, false)).isFalse();

        primary.status(status(Role.SECONDARY, FailoverState.PARTNER_DOWN, FailoverState.UNKNOWN, NOW.minusSeconds(30)));
        assertThat(coordinator.mayAllocate(pool, free)).as("partner-down 30 s, MCLT 60 s").isFalse();
        assertThat(coordinator.allocatesFrom(pool, false)).isTrue();
        primary.status(status(Role.SECONDARY, FailoverState.PARTNER_DOWN, FailoverState.UNKNOWN, NOW.minusSeconds(61)));
        assertThat(coordinator.mayAllocate(pool, free)).as("partner-down past MCLT").isTrue();
        assertThat(coordinator.mayAllocate(pool, null)).isTrue();
    }

    @Test
    void leaseTimesFollowTheMcltRuleAndCommitsRecordThePotentialExpiration() {
        primary.status(status(Role.PRIMARY, FailoverState.NORMAL, FailoverState.NORMAL, NOW));
        long now = NOW.getEpochSecond();
        assertThat(coordinator.grantableSeconds(pool, null, 3600, now)).as("nothing acknowledged: MCLT").isEqualTo(60);
        assertThat(coordinator.grantableSeconds(pool, null, 30, now)).as("shorter than MCLT").isEqualTo(30);
        Lease acked = Lease.builder(ADDRESS).bindingState(BindingState.FREE).tsfp(now + 1000).tstp(now + 1000).build();
        assertThat(coordinator.grantableSeconds(pool, acked, 3600, now)).as("tsfp + MCLT").isEqualTo(1060);

        coordinator.grantableSeconds(pool, null, 3600, now);
        Lease bound = Lease.builder(ADDRESS).bindingState(BindingState.ACTIVE).starts(now).ends(now + 60).cltt(now)
                .hardware(HardwareAddress.parseEthernet("02:00:00:00:00:01")).build();
        Lease prepared = coordinator.prepare(pool, null, bound);
        assertThat(prepared.tstp()).as("now + desired + granted / 2").isEqualTo(now + 3600 + 30);
        assertThat(prepared.nextBindingState()).isEqualTo(BindingState.EXPIRED);
        assertThat(prepared.rewindBindingState()).isEqualTo(BindingState.FREE);

        Lease expired = coordinator.prepare(pool, prepared, prepared.toBuilder().bindingState(BindingState.EXPIRED)
                .build());
        assertThat(expired.rewindBindingState()).as("the partner may know it active until it acknowledges")
                .isEqualTo(BindingState.ACTIVE);
        assertThat(coordinator.expiredState(pool)).isEqualTo(BindingState.EXPIRED);
        assertThat(coordinator.releasedState(pool)).isEqualTo(BindingState.RELEASED);
    }

    @Test
    void onlyAnAddressBoundToAnotherClientIsNaked() {
        primary.status(status(Role.PRIMARY, FailoverState.NORMAL, FailoverState.NORMAL, NOW));
        assertThat(coordinator.naksUnavailable(pool, null)).isFalse();
        assertThat(coordinator.naksUnavailable(pool, Lease.builder(ADDRESS).bindingState(BindingState.BACKUP).build()))
                .as("the partner's to answer").isFalse();
        assertThat(coordinator.naksUnavailable(pool, Lease.builder(ADDRESS).bindingState(BindingState.ACTIVE).build()))
                .isTrue();
    }
}
