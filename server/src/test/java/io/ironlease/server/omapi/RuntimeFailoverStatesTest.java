package io.ironlease.server.omapi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.ironlease.omapi.wire.OmapiValues;
import io.ironlease.server.failover.FailoverAction;
import io.ironlease.server.failover.FailoverSettings;
import io.ironlease.server.failover.FailoverStatus;
import io.ironlease.server.failover.HashBucketAssignment;
import io.ironlease.server.failover.LeaseBinding;
import io.ironlease.server.failover.PersistedFailoverState;
import io.ironlease.server.failover.UpdateScope;
import io.ironlease.server.failover.link.PeerLink;
import io.ironlease.server.failover.runtime.BindingUpdateOutcome;
import io.ironlease.server.failover.runtime.FailoverEngineHooks;
import io.ironlease.server.failover.runtime.FailoverRuntime;
import io.ironlease.server.failover.wire.BindingAck;
import io.ironlease.shared.leases.FailoverState;
import io.ironlease.shared.net.Ipv4Address;
import java.net.InetSocketAddress;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

/**
 * failover-state from a running failover runtime (a primary whose partner never answers, on
 * loopback): the snapshot's values in the 19 attributes, and local-state = partner-down through the
 * runtime, which persists it itself.
 */
class RuntimeFailoverStatesTest {

    /** Engine hooks of a server with no leases: every state is durable at once. */
    private static final class NoLeases implements FailoverEngineHooks {
        final AtomicReference<PersistedFailoverState> persisted = new AtomicReference<>();

        @Override
        public CompletionStage<Void> persistState(PersistedFailoverState state) {
            persisted.set(state);
            return CompletableFuture.completedFuture(null);
        }

        @Override
        public CompletionStage<BindingUpdateOutcome> processBindingUpdate(FailoverAction.ProcessBindingUpdate request) {
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
    }

    @Test
    void theRuntimesStateIsReportedAndPartnerDownGoesThroughIt() throws Exception {
        ScheduledExecutorService engine = Executors.newSingleThreadScheduledExecutor();
        NoLeases hooks = new NoLeases();
        FailoverSettings settings = FailoverSettings.primary("omlab-failover", Ipv4Address.parse("127.0.0.1"),
                Ipv4Address.parse("127.0.0.1"), Duration.ofSeconds(300), HashBucketAssignment.split(128))
                .withPorts(0, 9); // the partner's port: nothing listens on the discard port
        PeerLink link = PeerLink.bind(new InetSocketAddress(settings.localAddress().toInetAddress(), 0));
        try (FailoverRuntime runtime = new FailoverRuntime(settings, link, hooks, engine, Clock.systemUTC())) {
            runtime.start(Optional.empty()).get(10, TimeUnit.SECONDS);
            RuntimeFailoverStates states = new RuntimeFailoverStates(List.of(runtime));
            assertThat(states.state("other")).isEmpty();
            OmapiValues values = FailoverStateProvider.values(states.state("omlab-failover").orElseThrow());
            assertThat(values.names()).hasSize(19);
            assertThat(values.ipv4("partner-address")).contains(Ipv4Address.parse("127.0.0.1"));
            assertThat(values.uint32("mclt")).hasValue(300);
            assertThat(values.int32("hierarchy")).hasValue(0);
            assertThat(values.data("load-balance-hba").orElseThrow()).hasSize(32);

            states.setLocalState("omlab-failover", FailoverState.PARTNER_DOWN).toCompletableFuture()
                    .get(10, TimeUnit.SECONDS);
            await().atMost(Duration.ofSeconds(10)).until(() -> states.state("omlab-failover").orElseThrow()
                    .localState() == FailoverState.PARTNER_DOWN);
            assertThat(hooks.persisted.get().myState()).isEqualTo(FailoverState.PARTNER_DOWN);
        } finally {
            engine.shutdownNow();
        }
    }
}
