package io.ironlease.server.failover.runtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.ironlease.server.failover.FailoverAction;
import io.ironlease.server.failover.FailoverSettings;
import io.ironlease.server.failover.FailoverStatus;
import io.ironlease.server.failover.HashBucketAssignment;
import io.ironlease.server.failover.LeaseBinding;
import io.ironlease.server.failover.PersistedFailoverState;
import io.ironlease.server.failover.UpdateScope;
import io.ironlease.server.failover.link.PeerLink;
import io.ironlease.server.failover.link.RawPeer;
import io.ironlease.server.failover.wire.BindingAck;
import io.ironlease.server.failover.wire.Connect;
import io.ironlease.server.failover.wire.ConnectAck;
import io.ironlease.server.failover.wire.FailoverMessage;
import io.ironlease.server.failover.wire.FailoverOptions;
import io.ironlease.server.failover.wire.StateChange;
import io.ironlease.shared.leases.FailoverState;
import io.ironlease.shared.net.Ipv4Address;
import java.net.InetSocketAddress;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.OptionalLong;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The runtime against a hand-driven primary on a loopback socket, with the engine's persistence
 * completed by the test: what is sent waits for the state record before it (durable before
 * announced), and the admin and status entry points.
 */
class FailoverRuntimeTest {

    private static final Ipv4Address LOOPBACK = Ipv4Address.parse("127.0.0.1");

    /** Hooks whose state records complete only when the test says so. */
    private static final class HeldDisk implements FailoverEngineHooks {
        final List<CompletableFuture<Void>> writes = new CopyOnWriteArrayList<>();
        final List<PersistedFailoverState> states = new CopyOnWriteArrayList<>();

        @Override
        public CompletionStage<Void> persistState(PersistedFailoverState state) {
            CompletableFuture<Void> write = new CompletableFuture<>();
            states.add(state);
            writes.add(write);
            return write;
        }

        @Override
        public CompletionStage<BindingUpdateOutcome> processBindingUpdate(FailoverAction.ProcessBindingUpdate r) {
            return CompletableFuture.completedFuture(BindingUpdateOutcome.stored());
        }

        @Override
        public CompletionStage<List<LeaseBinding>> collectUpdates(UpdateScope scope) {
            return CompletableFuture.completedFuture(List.of());
        }

        @Override
        public CompletionStage<List<LeaseBinding>> balancePool(boolean partnerAsked) {
            return CompletableFuture.completedFuture(List.of());
        }

        @Override
        public void bindingUpdateSent(LeaseBinding binding) {
        }

        @Override
        public void updateAcknowledged(LeaseBinding sent, BindingAck ack) {
        }

        @Override
        public void statusChanged(FailoverStatus status) {
        }

        void completeAll() {
            writes.forEach(w -> w.complete(null));
        }
    }

    private final ScheduledExecutorService engine = Executors.newSingleThreadScheduledExecutor();
    private final HeldDisk disk = new HeldDisk();
    private FailoverRuntime runtime;

    @AfterEach
    void stop() throws InterruptedException {
        if (runtime != null) {
            runtime.close();
        }
        engine.shutdownNow();
        engine.awaitTermination(5, TimeUnit.SECONDS);
    }

    private InetSocketAddress startSecondary() throws Exception {
        PeerLink link = PeerLink.bind(new InetSocketAddress("127.0.0.1", 0));
        int port = link.listenAddress().getPort();
        // the primary's port is never listened on: this test's primary connects in, as ISC's may
        FailoverSettings settings = FailoverSettings.secondary("failover-dhcp", LOOPBACK, LOOPBACK).withPorts(port, 9);
        runtime = new FailoverRuntime(settings, link, disk, engine, Clock.systemUTC());
        runtime.start(Optional.empty()).get(10, TimeUnit.SECONDS);
        return link.listenAddress();
    }

    private static Connect connect(long now) {
        return new Connect(now, 0, Optional.of("failover-dhcp"), OptionalLong.of(10), OptionalLong.of(60),
                Optional.of("test-primary"), OptionalInt.of(1), OptionalInt.of(0), OptionalLong.of(60),
                Optional.of(HashBucketAssignment.split(128).bytes()), FailoverOptions.NONE);
    }

    @Test
    void nothingReachesThePartnerBeforeTheStateBeforeItIsOnDisk() throws Exception {
        InetSocketAddress listen = startSecondary();
        assertThat(disk.states).hasSize(1); // STARTUP records the state it will return to
        try (RawPeer primary = RawPeer.connect("127.0.0.1", listen)) {
            long now = System.currentTimeMillis() / 1000;
            primary.send(connect(now));
            // CONNECTACK and STATE are produced, but wait behind the first state record
            await().atMost(Duration.ofSeconds(10)).until(() -> runtime.waitingForDisk() >= 3);
            engine.submit(() -> { }).get(10, TimeUnit.SECONDS);
            assertThat(runtime.waitingForDisk()).isGreaterThanOrEqualTo(3);
            assertThat(runtime.link().openLinks()).hasSize(1);

            disk.completeAll();
            FailoverMessage ack = primary.read().orElseThrow();
            assertThat(ack).isInstanceOf(ConnectAck.class);
            assertThat(((ConnectAck) ack).rejectReason()).isEmpty();
            StateChange state = (StateChange) primary.read().orElseThrow();
            assertThat(state.serverState()).hasValue(FailoverState.RECOVER.code());
            assertThat(state.startupFlag()).isTrue();
            await().atMost(Duration.ofSeconds(10)).until(() -> runtime.waitingForDisk() == 0);

            // the partner's state moves us (recover -> ...): that record too precedes the STATE announcing it
            int before = disk.states.size();
            primary.send(new StateChange(now, 1, FailoverState.RECOVER.code(), 0, now));
            await().atMost(Duration.ofSeconds(10)).until(() -> disk.states.size() > before);
            assertThat(runtime.waitingForDisk()).isPositive();
            disk.completeAll();
            StateChange next = (StateChange) primary.read().orElseThrow();
            assertThat(next.startupFlag()).isFalse();
            assertThat(disk.states.get(disk.states.size() - 1).myState()).isEqualTo(FailoverState.RECOVER);
        }
    }

    @Test
    void administratorStateChangesAndRefusals() throws Exception {
        startSecondary();
        disk.completeAll();
        assertThat(runtime.adminSetState(FailoverState.STARTUP).get(10, TimeUnit.SECONDS).myState())
                .as("STARTUP cannot be set").isEqualTo(FailoverState.RECOVER);
        FailoverStatus down = runtime.adminSetState(FailoverState.PARTNER_DOWN).get(10, TimeUnit.SECONDS);
        assertThat(down.myState()).isEqualTo(FailoverState.PARTNER_DOWN);
        assertThat(runtime.status()).isEqualTo(down);
        assertThat(runtime.myState()).isEqualTo(FailoverState.PARTNER_DOWN);
        await().atMost(Duration.ofSeconds(10)).until(() -> disk.states.stream()
                .anyMatch(s -> s.myState() == FailoverState.PARTNER_DOWN));
    }
}
