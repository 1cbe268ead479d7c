package io.ironlease.server.failover;

import static io.ironlease.server.failover.BindingStatus.ACTIVE;
import static io.ironlease.server.failover.BindingStatus.BACKUP;
import static io.ironlease.server.failover.BindingStatus.EXPIRED;
import static io.ironlease.server.failover.BindingStatus.FREE;
import static io.ironlease.server.failover.BindingStatus.RELEASED;
import static org.assertj.core.api.Assertions.assertThat;

import io.ironlease.server.failover.wire.BindingUpdate;
import io.ironlease.server.failover.wire.RejectReason;
import io.ironlease.shared.leases.FailoverState;
import io.ironlease.shared.net.HardwareAddress;
import io.ironlease.shared.net.Ipv4Address;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class LeaseOwnershipTest {

    private static final Instant NOW = Instant.parse("2026-11-24T23:43:42Z");
    private static final Duration MCLT = Duration.ofSeconds(60);
    private static final Duration DAY = Duration.ofSeconds(86400);
    private static final Ipv4Address ADDRESS = Ipv4Address.parse("192.168.100.143");
    private static final HardwareAddress MAC = HardwareAddress.parseEthernet("02:00:00:00:00:01");

    private static FailoverStatus status(Role role, FailoverState me, Instant stos) {
        return new FailoverStatus("failover-dhcp", role, me, stos, FailoverState.NORMAL, stos,
                ServiceState.of(me, FailoverState.NORMAL), Optional.of(MCLT), Optional.of(HashBucketAssignment.split(128)),
                3, true, 0, NOW, NOW);
    }

    @ParameterizedTest(name = "{0} in {1} (entered {2} s ago) may allocate {3}: {4}")
    @CsvSource({
        "PRIMARY,NORMAL,1000,FREE,true", "PRIMARY,NORMAL,1000,BACKUP,false",
        "SECONDARY,NORMAL,1000,BACKUP,true", "SECONDARY,NORMAL,1000,FREE,false",
        "SECONDARY,COMMUNICATIONS_INTERRUPTED,1000,FREE,false", "SECONDARY,COMMUNICATIONS_INTERRUPTED,1000,BACKUP,true",
        "SECONDARY,PARTNER_DOWN,59,FREE,false", "SECONDARY,PARTNER_DOWN,61,FREE,true",
        "PRIMARY,PARTNER_DOWN,59,BACKUP,false", "PRIMARY,PARTNER_DOWN,61,BACKUP,true",
        "PRIMARY,NORMAL,1000,ACTIVE,false", "PRIMARY,PARTNER_DOWN,1000,ACTIVE,false",
        "PRIMARY,NORMAL,1000,ABANDONED,true", "SECONDARY,NORMAL,1000,ABANDONED,false"})
    void whoMayAllocateAnAvailableAddress(Role role, FailoverState me, long stosSecondsAgo, BindingStatus status,
            boolean expected) {
        LeaseFacts lease = LeaseFacts.unused(status);
        assertThat(LeaseOwnership.mayAllocate(status(role, me, NOW.minusSeconds(stosSecondsAgo)), lease, NOW))
                .isEqualTo(expected);
    }

    @Test
    void thePartnersAddressWaitsForMcltAfterItsAcknowledgedPotentialExpirationToo() {
        FailoverStatus partnerDown = status(Role.SECONDARY, FailoverState.PARTNER_DOWN, NOW.minusSeconds(1000));
        LeaseFacts recentlyFreed = new LeaseFacts(FREE, FREE, Instant.EPOCH, NOW.minusSeconds(30), Instant.EPOCH);
        assertThat(LeaseOwnership.mayAllocate(partnerDown, recentlyFreed, NOW)).isFalse();
        assertThat(LeaseOwnership.mayAllocate(partnerDown, recentlyFreed, NOW.plusSeconds(31))).isTrue();
    }

    @Test
    void expiredLeasesAreRewoundWhenThePartnerNeverHeardOfThemElseWaitInPartnerDown() {
        FailoverStatus normal = status(Role.PRIMARY, FailoverState.NORMAL, NOW.minusSeconds(1000));
        LeaseFacts neverTold = new LeaseFacts(EXPIRED, FREE, NOW.minusSeconds(10), Instant.EPOCH, NOW.minusSeconds(70));
        LeaseFacts acked = new LeaseFacts(EXPIRED, ACTIVE, NOW.minusSeconds(10), NOW.minusSeconds(5), NOW.minusSeconds(70));
        assertThat(LeaseOwnership.mayAllocate(normal, neverTold, NOW)).isTrue();
        assertThat(LeaseOwnership.mayAllocate(normal, acked, NOW)).isFalse();
        FailoverStatus down = status(Role.PRIMARY, FailoverState.PARTNER_DOWN, NOW.minusSeconds(1000));
        assertThat(LeaseOwnership.mayAllocate(down, acked, NOW.plusSeconds(54))).isFalse(); // tsfp 5 s ago + MCLT 60
        assertThat(LeaseOwnership.mayAllocate(down, acked, NOW.plusSeconds(56))).isTrue();
        LeaseFacts released = new LeaseFacts(RELEASED, ACTIVE, NOW.minusSeconds(100), NOW.minusSeconds(100), NOW);
        assertThat(LeaseOwnership.mayAllocate(down, released, NOW)).isTrue();
    }

    @Test
    void firstGrantIsTheMcltAndTellsThePartnerDesiredPlusHalf() {
        // capture: first grant ACTIVE lease-expiry=+60 potential-expiry=+86430 (mclt 60, lease 86400)
        LeaseGrant first = LeaseOwnership.grantLeaseTime(DAY, MCLT, Instant.EPOCH, Instant.EPOCH, NOW, true);
        assertThat(first.leaseTime()).isEqualTo(MCLT);
        assertThat(first.potentialExpiration()).isEqualTo(NOW.plusSeconds(86430));
        // renewal after the partner acknowledged +86430: the full day, potential +129600
        Instant later = NOW.plusSeconds(30);
        LeaseGrant renewal = LeaseOwnership.grantLeaseTime(DAY, MCLT, first.potentialExpiration(),
                first.potentialExpiration(), later, true);
        assertThat(renewal.leaseTime()).isEqualTo(DAY);
        assertThat(renewal.potentialExpiration()).isEqualTo(later.plusSeconds(129600));
        assertThat(renewal.tsfp()).isEqualTo(first.potentialExpiration());
    }

    @Test
    void grantIsCappedAtTheAcknowledgedPotentialExpirationPlusMclt() {
        Instant tsfp = NOW.plusSeconds(1000);
        LeaseGrant grant = LeaseOwnership.grantLeaseTime(DAY, MCLT, tsfp, tsfp, NOW, true);
        assertThat(grant.leaseTime()).isEqualTo(Duration.ofSeconds(1060));
        assertThat(NOW.plus(grant.leaseTime())).isBeforeOrEqualTo(tsfp.plus(MCLT));
        assertThat(grant.potentialExpiration()).isEqualTo(NOW.plusSeconds(86400 + 530));
        // a desired time under the MCLT is never shortened; an OFFER keeps the potential expiration
        LeaseGrant shortOne = LeaseOwnership.grantLeaseTime(Duration.ofSeconds(30), MCLT, Instant.EPOCH, tsfp, NOW, false);
        assertThat(shortOne.leaseTime()).isEqualTo(Duration.ofSeconds(30));
        assertThat(shortOne.potentialExpiration()).isEqualTo(tsfp);
    }

    @Test
    void bindingUpdateContentsMatchWhatIscSends() {
        LeaseGrant grant = LeaseOwnership.grantLeaseTime(DAY, MCLT, Instant.EPOCH, Instant.EPOCH, NOW, true);
        LeaseBinding granted = LeaseOwnership.granted(ADDRESS, Optional.empty(), MAC, grant, NOW);
        BindingUpdate u = granted.toMessage(NOW.getEpochSecond(), 228);
        // capture: BNDUPD len=68 ACTIVE chaddr=1/02:00:00:00:00:01 lease-expiry=+60 potential-expiry=+86430 stos=+0 cltt=+0
        assertThat(io.ironlease.server.failover.wire.FailoverCodec.encode(u)).hasSize(68);
        LeaseBinding released = LeaseOwnership.released(granted, NOW.plusSeconds(19));
        assertThat(released.leaseExpiration()).isEqualTo(NOW.plusSeconds(19));
        assertThat(released.potentialExpiration()).isEqualTo(NOW.plusSeconds(19));
        assertThat(released.startTimeOfState()).isEqualTo(NOW);
        LeaseBinding expired = LeaseOwnership.expired(granted);
        assertThat(expired.status()).isEqualTo(EXPIRED);
        assertThat(expired.potentialExpiration()).isEqualTo(granted.potentialExpiration());
        LeaseBinding backup = LeaseOwnership.handedOver(LeaseBinding.available(ADDRESS, FREE, Instant.EPOCH), Role.PRIMARY, NOW);
        assertThat(backup.status()).isEqualTo(BACKUP);
        // capture: BNDUPD len=49 BACKUP lease-expiry=0 potential-expiry=now stos=now
        assertThat(io.ironlease.server.failover.wire.FailoverCodec.encode(backup.toMessage(NOW.getEpochSecond(), 5)))
                .hasSize(49);
    }

    private static BindingUpdateVerdict judge(Role role, FailoverState me, LeaseFacts local,
            Optional<LeaseBinding> ours, LeaseBinding incoming) {
        return LeaseOwnership.judgeBindingUpdate(role, me, Optional.of(local), ours, incoming.toMessage(NOW.getEpochSecond(), 9),
                Optional.of(HashBucketAssignment.split(128)), NOW);
    }

    private static LeaseBinding incoming(BindingStatus status, Instant tsfp) {
        return new LeaseBinding(ADDRESS, status, Optional.empty(), Optional.of(MAC), NOW.plusSeconds(60), tsfp, NOW,
                Optional.of(NOW), 0);
    }

    @Test
    void duelingFreeUpdatesAtColdStartAreRefusedByThePrimaryAndAcceptedByTheSecondary() {
        LeaseBinding free = LeaseBinding.available(ADDRESS, FREE, Instant.EPOCH);
        LeaseFacts local = LeaseFacts.unused(FREE);
        BindingUpdateVerdict primary = judge(Role.PRIMARY, FailoverState.RECOVER, local, Optional.of(free), free);
        assertThat(primary.rejectReason()).contains(RejectReason.LESS_CRITICAL_BINDING_INFO);
        assertThat(primary.message()).isEqualTo("incoming update is less critical than outgoing update");
        BindingUpdateVerdict secondary = judge(Role.SECONDARY, FailoverState.RECOVER, local, Optional.of(free), free);
        assertThat(secondary.storeAs()).contains(FREE);
        // an incoming ACTIVE always beats an outgoing non-active update
        assertThat(judge(Role.PRIMARY, FailoverState.NORMAL, local, Optional.of(free), incoming(ACTIVE, NOW)).accepted())
                .isTrue();
    }

    @Test
    void normalStateTransitionTableGuardsActiveLeases() {
        LeaseFacts active = new LeaseFacts(ACTIVE, ACTIVE, NOW.plusSeconds(600), NOW.plusSeconds(600), NOW);
        // the secondary cannot expire the primary's active lease, only report its release
        assertThat(judge(Role.PRIMARY, FailoverState.NORMAL, active, Optional.empty(), incoming(EXPIRED, NOW))
                .rejectReason()).contains(RejectReason.FATAL_CONFLICT);
        assertThat(judge(Role.PRIMARY, FailoverState.NORMAL, active, Optional.empty(), incoming(RELEASED, NOW))
                .storeAs()).contains(FREE);
        // the primary may free an active lease only once the potential expiration passed
        assertThat(judge(Role.SECONDARY, FailoverState.NORMAL, active, Optional.empty(),
                new LeaseBinding(ADDRESS, FREE, Optional.empty(), Optional.empty(), NOW, NOW.plusSeconds(5), NOW,
                        Optional.empty(), 0)).message()).isEqualTo("192.168.100.143: invalid state transition: active to free");
        // outside normal the partner's view wins unless it frees what we think is active
        assertThat(judge(Role.PRIMARY, FailoverState.POTENTIAL_CONFLICT, active, Optional.empty(), incoming(RELEASED, NOW))
                .accepted()).isTrue();
        assertThat(judge(Role.PRIMARY, FailoverState.POTENTIAL_CONFLICT, active, Optional.empty(),
                new LeaseBinding(ADDRESS, BACKUP, Optional.empty(), Optional.empty(), NOW, NOW, NOW, Optional.empty(), 0))
                .accepted()).isFalse();
    }

    @Test
    void malformedBindingUpdatesAreRefusedWithIscsReasons() {
        LeaseFacts free = LeaseFacts.unused(FREE);
        LeaseBinding noChaddr = new LeaseBinding(ADDRESS, ACTIVE, Optional.empty(), Optional.empty(), NOW, NOW, NOW,
                Optional.empty(), 0);
        assertThat(judge(Role.SECONDARY, FailoverState.NORMAL, free, Optional.empty(), noChaddr).rejectReason())
                .contains(RejectReason.MISSING_BINDING_INFO);
        BindingUpdate bare = new BindingUpdate(1, 2, Optional.of(ADDRESS), java.util.OptionalInt.empty(), Optional.empty(),
                Optional.empty(), java.util.OptionalLong.empty(), java.util.OptionalLong.empty(),
                java.util.OptionalLong.empty(), java.util.OptionalLong.empty(), java.util.OptionalInt.empty(),
                Optional.empty(), Optional.empty(), Optional.empty(), io.ironlease.server.failover.wire.FailoverOptions.NONE);
        assertThat(LeaseOwnership.judgeBindingUpdate(Role.PRIMARY, FailoverState.NORMAL, Optional.of(free), Optional.empty(),
                bare, Optional.empty(), NOW).message()).isEqualTo("binding update lacks required options");
        assertThat(LeaseOwnership.judgeBindingUpdate(Role.PRIMARY, FailoverState.NORMAL, Optional.empty(), Optional.empty(),
                incoming(ACTIVE, NOW).toMessage(1, 2), Optional.empty(), NOW).rejectReason())
                .contains(RejectReason.ILLEGAL_IP_ADDRESS);
    }

    @Test
    void theReleasedAddressOfAClientThePartnerServesIsHandedToItForAffinity() {
        LeaseFacts active = new LeaseFacts(ACTIVE, ACTIVE, NOW.minusSeconds(100), NOW.minusSeconds(100), NOW);
        byte[] theirs = PairSimulation.macServedBy(Role.SECONDARY, 0);
        byte[] ours = PairSimulation.macServedBy(Role.PRIMARY, 0);
        for (byte[] mac : new byte[][] {theirs, ours}) {
            LeaseBinding expired = new LeaseBinding(ADDRESS, RELEASED, Optional.empty(),
                    Optional.of(HardwareAddress.ethernet(mac)), NOW.minusSeconds(100), NOW.minusSeconds(100), NOW,
                    Optional.empty(), 0);
            BindingUpdateVerdict v = judge(Role.PRIMARY, FailoverState.NORMAL, active, Optional.empty(), expired);
            assertThat(v.storeAs()).contains(FREE);
            assertThat(v.handToPartner()).isEqualTo(mac == theirs);
        }
    }
}
