package io.ironlease.server.failover;

import static org.assertj.core.api.Assertions.assertThat;

import io.ironlease.shared.net.Ipv4Address;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class PoolBalanceTest {

    private static List<PoolBalance.Candidate> candidates(int n, boolean used, int partnerWantsEvery) {
        List<PoolBalance.Candidate> list = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            list.add(new PoolBalance.Candidate(Ipv4Address.parse("192.168.100.33").plus(i), used,
                    partnerWantsEvery > 0 && i % partnerWantsEvery == 0));
        }
        return list;
    }

    @Test
    void primaryHandsHalfOfAFreshPoolToTheSecondaryLikeIsc() {
        // "balancing pool ... total 222 free 222 backup 0 lts 111 max-own (+/-)22"
        // "balanced pool ... total 222 free 111 backup 111 lts 0 max-misbal 33"
        PoolBalance.Plan plan = PoolBalance.plan(Role.PRIMARY, 222, 0, 15, 10, candidates(222, false, 0));
        assertThat(plan.ltsBefore()).isEqualTo(111);
        assertThat(plan.hold()).isEqualTo(22);
        assertThat(plan.threshold()).isEqualTo(33);
        assertThat(plan.handOver()).hasSize(111);
        assertThat(plan.handOver().get(0)).isEqualTo(Ipv4Address.parse("192.168.100.33"));
        assertThat(plan.ltsAfter()).isZero();
        assertThat(plan.imbalanced()).isFalse();
        assertThat(plan.requestFromPartner()).isFalse();
    }

    @Test
    void theSecondaryDoesNothingWhenThePrimaryHoldsMore() {
        PoolBalance.Plan plan = PoolBalance.plan(Role.SECONDARY, 222, 0, 15, 10, List.of());
        assertThat(plan.ltsBefore()).isEqualTo(-111);
        assertThat(plan.handOver()).isEmpty();
        assertThat(plan.requestFromPartner()).isTrue(); // below -2 x threshold: ISC would send POOLREQ on its timer
    }

    @Test
    void affinityFirstThenUsedAddressesOnlyDownToTheOwnershipHold() {
        // 100 free used addresses, every 4th one belongs to a client the partner serves
        PoolBalance.Plan plan = PoolBalance.plan(Role.PRIMARY, 100, 0, 15, 10, candidates(100, true, 4));
        assertThat(plan.hold()).isEqualTo(10);
        // pass 1: the 25 affinity addresses (lts 50 -> 25); pass 2: used ones until lts reaches hold (10)
        assertThat(plan.handOver()).hasSize(40);
        assertThat(plan.ltsAfter()).isEqualTo(10);
        assertThat(plan.handOver().subList(0, 25)).allSatisfy(a -> assertThat((int) (a.toLong() - 0xc0a86421L) % 4).isZero());
    }

    @Test
    void secondaryNotHoardingFollowsTheOwnershipLimit() {
        assertThat(PoolBalance.secondaryNotHoarding(111, 111, 10)).isTrue();
        assertThat(PoolBalance.secondaryNotHoarding(10, 200, 10)).isFalse();
    }
}
