package io.ironlease.server.failover;

import static org.assertj.core.api.Assertions.assertThat;

import io.ironlease.server.failover.wire.BindingUpdate;
import io.ironlease.server.failover.wire.RejectReason;
import io.ironlease.shared.leases.FailoverState;
import io.ironlease.shared.net.HardwareAddress;
import io.ironlease.shared.net.Ipv4Address;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * Where this core is deliberately stricter than ISC dhcpd 4.4.3, each found by the pair property
 * (PairInvariantsProperties) as a way to hand one address to two clients.
 */
class SafetyRulesTest {

    private static final Instant NOW = Instant.parse("2026-11-24T23:45:24Z");
    private static final Ipv4Address ADDRESS = Ipv4Address.parse("192.168.100.33");
    private static final HardwareAddress MAC0 = HardwareAddress.parseEthernet("02:00:00:00:01:00");
    private static final HardwareAddress MAC2 = HardwareAddress.parseEthernet("02:00:00:00:01:02");

    private static LeaseBinding active(HardwareAddress mac, Instant cltt, Instant ends) {
        return new LeaseBinding(ADDRESS, BindingStatus.ACTIVE, Optional.empty(), Optional.of(mac), ends,
                ends.plusSeconds(86400), cltt, Optional.of(cltt), 0);
    }

    private static LeaseFacts ours(HardwareAddress mac, Instant cltt, Instant ends) {
        return new LeaseFacts(BindingStatus.ACTIVE, BindingStatus.ACTIVE, ends, ends, ends, cltt, Optional.empty(),
                Optional.of(mac));
    }

    private static BindingUpdateVerdict judge(FailoverState state, LeaseFacts local, LeaseBinding incoming) {
        BindingUpdate message = incoming.toMessage(NOW.getEpochSecond(), 3);
        return LeaseOwnership.judgeBindingUpdate(Role.PRIMARY, state, Optional.of(local), Optional.empty(), message,
                Optional.of(HashBucketAssignment.split(128)), NOW);
    }

    @Test
    void anOlderActiveBindingNeverOverwritesANewerOne() {
        LeaseFacts local = ours(MAC0, NOW, NOW.plusSeconds(60));
        LeaseBinding stale = active(MAC2, NOW.minusSeconds(60), NOW.minusSeconds(1));
        BindingUpdateVerdict verdict = judge(FailoverState.POTENTIAL_CONFLICT, local, stale);
        assertThat(verdict.rejectReason()).contains(RejectReason.OUTDATED_BINDING_INFO);
        assertThat(judge(FailoverState.NORMAL, local, active(MAC0, NOW.minusSeconds(5), NOW.plusSeconds(55)))
                .rejectReason()).contains(RejectReason.OUTDATED_BINDING_INFO);
        assertThat(judge(FailoverState.NORMAL, local, active(MAC0, NOW.plusSeconds(5), NOW.plusSeconds(65))).accepted())
                .isTrue();
    }

    @Test
    void anExpiryAboutAnotherClientDoesNotFreeOurActiveLease() {
        LeaseFacts local = ours(MAC0, NOW, NOW.plusSeconds(30)); // within ISC's 65 s slack
        LeaseBinding expiredOther = new LeaseBinding(ADDRESS, BindingStatus.EXPIRED, Optional.empty(), Optional.of(MAC2),
                NOW.minusSeconds(50), NOW.minusSeconds(50), NOW.minusSeconds(110), Optional.empty(), 0);
        assertThat(judge(FailoverState.POTENTIAL_CONFLICT, local, expiredOther).rejectReason())
                .contains(RejectReason.FATAL_CONFLICT);
        LeaseBinding expiredSame = new LeaseBinding(ADDRESS, BindingStatus.EXPIRED, Optional.empty(), Optional.of(MAC0),
                NOW.plusSeconds(30), NOW.plusSeconds(30), NOW, Optional.empty(), 0);
        assertThat(judge(FailoverState.POTENTIAL_CONFLICT, local, expiredSame).storeAs()).contains(BindingStatus.FREE);
    }

    @Test
    void aBalancingUpdateThatCrossedOurGrantDoesNotTakeTheLeaseAway() {
        // the secondary gave one of its BACKUP addresses to a client; the primary's (re)sent balancing
        // BNDUPD for it, potential expiration already past, arrives afterwards
        LeaseFacts granted = new LeaseFacts(BindingStatus.ACTIVE, BindingStatus.BACKUP, NOW.plusSeconds(5),
                NOW.plusSeconds(3602), NOW.minusSeconds(1), NOW, Optional.empty(), Optional.of(MAC0));
        LeaseBinding balancing = new LeaseBinding(ADDRESS, BindingStatus.BACKUP, Optional.empty(), Optional.empty(),
                Instant.EPOCH, NOW.minusSeconds(1), NOW.minusSeconds(1), Optional.empty(), 0);
        BindingUpdateVerdict verdict = LeaseOwnership.judgeBindingUpdate(Role.SECONDARY, FailoverState.NORMAL,
                Optional.of(granted), Optional.of(active(MAC0, NOW, NOW.plusSeconds(5))),
                balancing.toMessage(NOW.getEpochSecond(), 9), Optional.of(HashBucketAssignment.split(128)), NOW);
        assertThat(verdict.accepted()).isFalse();
        // once the lease has ended, the primary may take the address back
        assertThat(LeaseOwnership.judgeBindingUpdate(Role.SECONDARY, FailoverState.NORMAL, Optional.of(granted),
                Optional.empty(), balancing.toMessage(NOW.getEpochSecond(), 10),
                Optional.of(HashBucketAssignment.split(128)), NOW.plusSeconds(6)).storeAs()).contains(BindingStatus.BACKUP);
    }

    @Test
    void partnerDownSetDuringStartupStartsTheMcltClockNow() {
        MachineDriver d = MachineDriver.primary().start(Optional.of(MachineDriver.persisted(FailoverState.NORMAL,
                MachineDriver.T0.minusSeconds(3600))));
        d.advance(Duration.ofSeconds(2)).on(new FailoverEvent.AdminSetState(FailoverState.PARTNER_DOWN));
        assertThat(d.machine.status().myStos()).isEqualTo(MachineDriver.T0.plusSeconds(2));
        assertThat(LeaseOwnership.mayAllocate(d.machine.status(), LeaseFacts.unused(BindingStatus.BACKUP),
                d.now.plusSeconds(59))).isFalse();
    }

    @Test
    void inPartnerDownAnExpiredLeaseWaitsForThePotentialExpirationWeSentPlusMclt() {
        MachineDriver d = MachineDriver.secondary().start(Optional.of(MachineDriver.persisted(FailoverState.NORMAL,
                MachineDriver.T0.minusSeconds(3600))));
        d.on(new FailoverEvent.AdminSetState(FailoverState.PARTNER_DOWN));
        Instant ends = d.now.minusSeconds(100);
        Instant sentPotential = d.now.plusSeconds(1000);
        LeaseFacts expired = new LeaseFacts(BindingStatus.EXPIRED, BindingStatus.ACTIVE, ends, sentPotential,
                Instant.EPOCH, ends.minusSeconds(60), Optional.empty(), Optional.of(MAC0));
        assertThat(LeaseOwnership.mayAllocate(d.machine.status(), expired, d.now.plusSeconds(1059))).isFalse();
        assertThat(LeaseOwnership.mayAllocate(d.machine.status(), expired, d.now.plusSeconds(1061))).isTrue();
    }

    @Test
    void everyUpdateSentIsAnnouncedToTheEngineSoItCanNoLongerBeRewound() {
        MachineDriver d = MachineDriver.primary().normal();
        LeaseBinding b = active(MAC0, d.now, d.now.plusSeconds(60));
        List<FailoverAction> out = d.on(new FailoverEvent.LeaseChanged(b, true));
        int announced = out.indexOf(new FailoverAction.BindingUpdateSent(b));
        assertThat(announced).isGreaterThanOrEqualTo(0);
        assertThat(out.get(announced + 1)).isInstanceOf(FailoverAction.Send.class);
    }

    @Test
    void expirationsTravelRoundedUpToTheSecond() {
        Instant fractional = NOW.plusMillis(950);
        LeaseBinding b = new LeaseBinding(ADDRESS, BindingStatus.ACTIVE, Optional.empty(), Optional.of(MAC0),
                fractional.plusSeconds(60), fractional.plusSeconds(86430), fractional, Optional.of(fractional), 0);
        BindingUpdate u = b.toMessage(NOW.getEpochSecond(), 1);
        assertThat(u.leaseExpirationTime()).hasValue(NOW.getEpochSecond() + 61);
        assertThat(u.potentialExpirationTime()).hasValue(NOW.getEpochSecond() + 86431);
        assertThat(u.startTimeOfState()).hasValue(NOW.getEpochSecond());
    }
}
