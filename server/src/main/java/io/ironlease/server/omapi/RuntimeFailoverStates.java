package io.ironlease.server.omapi;

import io.ironlease.omapi.wire.OmapiException;
import io.ironlease.omapi.wire.OmapiStatus;
import io.ironlease.server.failover.FailoverSettings;
import io.ironlease.server.failover.FailoverStatus;
import io.ironlease.server.failover.HashBucketAssignment;
import io.ironlease.server.failover.Role;
import io.ironlease.server.failover.runtime.FailoverRuntime;
import io.ironlease.shared.leases.FailoverState;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletionStage;

/**
 * The failover relationships as the running failover engine sees them ({@link FailoverRuntime#status()},
 * a snapshot that never blocks), and {@code local-state} changes through
 * {@link FailoverRuntime#adminSetState}, which persists the state record itself. The clock skew is not
 * measured by the runtime and reads 0.
 */
public final class RuntimeFailoverStates implements FailoverStateSource {

    private final Map<String, FailoverRuntime> runtimes = new LinkedHashMap<>();

    public RuntimeFailoverStates(List<FailoverRuntime> running) {
        running.forEach(r -> runtimes.putIfAbsent(r.settings().peerName(), r));
    }

    @Override
    public Optional<View> state(String peerName) {
        FailoverRuntime runtime = runtimes.get(peerName);
        if (runtime == null) {
            return Optional.empty();
        }
        FailoverSettings s = runtime.settings();
        FailoverStatus status = runtime.status();
        return Optional.of(new View(s.peerName(), s.peerAddress(), s.peerPort(), s.localAddress(), s.localPort(),
                s.maxUnackedUpdates(), status.mclt().or(s::mclt).map(Duration::getSeconds).orElse(0L),
                status.loadBalanceMaxSeconds(), status.hba().or(s::hba).map(h -> h.bytes().toArray()),
                status.partnerState(), runtime.myState(), status.partnerStos(), status.myStos(),
                s.role() == Role.PRIMARY ? 0 : 1, status.lastPacketSent(), status.lastTimestampReceived(), 0,
                (int) s.maxResponseDelay().getSeconds(), status.unackedUpdates()));
    }

    @Override
    public CompletionStage<Void> setLocalState(String peerName, FailoverState state) throws OmapiException {
        FailoverRuntime runtime = runtimes.get(peerName);
        if (runtime == null) {
            throw new OmapiException(OmapiStatus.NOT_FOUND);
        }
        if (state == FailoverState.STARTUP || state == FailoverState.UNKNOWN) {
            throw new OmapiException(OmapiStatus.INVALID_ARGUMENT, "can't update object: local-state cannot be set to "
                    + state.fileName());
        }
        return runtime.adminSetState(state).thenApply(status -> null);
    }
}
