package io.ironlease.server.failover;

import static org.assertj.core.api.Assertions.assertThat;

import io.ironlease.shared.net.Ipv4Address;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class UpdateQueueTest {

    private static LeaseBinding b(int n, BindingStatus status) {
        return LeaseBinding.available(Ipv4Address.parse("10.0.0.0").plus(n), status, Instant.EPOCH.plusSeconds(n));
    }

    @Test
    void newerChangeReplacesTheQueuedOneInPlace() {
        UpdateQueue q = new UpdateQueue();
        q.enqueue(b(1, BindingStatus.FREE));
        q.enqueue(b(2, BindingStatus.FREE));
        q.enqueue(b(1, BindingStatus.BACKUP));
        AtomicLong xids = new AtomicLong(1);
        List<UpdateQueue.Outgoing> out = q.drain(10, xids::getAndIncrement);
        assertThat(out).extracting(o -> o.binding().status()).containsExactly(BindingStatus.BACKUP, BindingStatus.FREE);
        assertThat(out).extracting(UpdateQueue.Outgoing::xid).containsExactly(1L, 2L);
    }

    @Test
    void windowLimitsInFlightAndAcksFreeSlots() {
        UpdateQueue q = new UpdateQueue();
        for (int i = 0; i < 5; i++) {
            q.enqueue(b(i, BindingStatus.FREE));
        }
        AtomicLong xids = new AtomicLong(10);
        assertThat(q.drain(2, xids::getAndIncrement)).hasSize(2);
        assertThat(q.drain(2, xids::getAndIncrement)).isEmpty();
        assertThat(q.ack(10)).isPresent();
        assertThat(q.ack(10)).isEmpty();
        assertThat(q.ack(999)).isEmpty();
        assertThat(q.drain(2, xids::getAndIncrement)).singleElement()
                .satisfies(o -> assertThat(o.binding().address()).isEqualTo(Ipv4Address.parse("10.0.0.2")));
    }

    @Test
    void requeueingPutsInFlightUpdatesFirstUnlessANewerOneWaits() {
        UpdateQueue q = new UpdateQueue();
        q.enqueue(b(1, BindingStatus.FREE));
        q.enqueue(b(2, BindingStatus.FREE));
        AtomicLong xids = new AtomicLong(1);
        q.drain(2, xids::getAndIncrement);
        q.enqueue(b(3, BindingStatus.FREE));
        q.enqueue(b(2, BindingStatus.BACKUP));
        q.requeueInFlight();
        assertThat(q.inFlightCount()).isZero();
        assertThat(q.drain(10, xids::getAndIncrement)).extracting(o -> o.binding().address().toString() + "/"
                + o.binding().status()).containsExactly("10.0.0.1/FREE", "10.0.0.3/FREE", "10.0.0.2/BACKUP");
    }

    @Test
    void theAckOfTheLastQueuedUpdateCompletesAnUpdateRequestEvenIfSuperseded() {
        UpdateQueue q = new UpdateQueue();
        assertThat(q.markUpdateRequestEnd()).isFalse();
        q.enqueue(b(1, BindingStatus.FREE));
        q.enqueue(b(2, BindingStatus.FREE));
        assertThat(q.markUpdateRequestEnd()).isTrue();
        AtomicLong xids = new AtomicLong(1);
        q.drain(10, xids::getAndIncrement);
        q.forgetInFlight(Ipv4Address.parse("10.0.0.2"));
        assertThat(q.inFlight(Ipv4Address.parse("10.0.0.2"))).isEmpty();
        assertThat(q.ack(1).orElseThrow().completesUpdateRequest()).isFalse();
        UpdateQueue.Acked last = q.ack(2).orElseThrow();
        assertThat(last.completesUpdateRequest()).isTrue();
        assertThat(last.superseded()).isTrue();
        assertThat(q.isEmpty()).isTrue();
    }
}
