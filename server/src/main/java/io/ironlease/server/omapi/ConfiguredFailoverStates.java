package io.ironlease.server.omapi;

import io.ironlease.omapi.wire.OmapiException;
import io.ironlease.omapi.wire.OmapiStatus;
import io.ironlease.server.engine.LeaseEngine;
import io.ironlease.server.engine.LeaseService;
import io.ironlease.shared.config.model.FailoverPeerConfig;
import io.ironlease.shared.config.model.FailoverRole;
import io.ironlease.shared.leases.FailoverState;
import io.ironlease.shared.leases.FailoverStateRecord;
import io.ironlease.shared.net.Ipv4Address;
import io.ironlease.shared.options.HostRef;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletionStage;

/**
 * The failover relationships as dhcpd.conf declares them and as the lease file last recorded their
 * state ({@code failover peer "X" state { my state ...; partner state ...; }}), for a server whose
 * failover engine is not running. Without a stored state a relationship reports startup (1) since the
 * server started and a partner never heard from (0), as dhcpd does in its first seconds (f21).
 * Setting the local state writes a new state record, as dhcpd does; it changes what is reported and
 * what a restarted server (or ISC dhcpd) reads, not how this server serves, which is standalone.
 * Counters a running engine would keep (last packet, skew, unacked updates) are 0.
 */
public final class ConfiguredFailoverStates implements FailoverStateSource {

    private final Map<String, FailoverPeerConfig> peers = new LinkedHashMap<>();
    private final LeaseEngine engine;
    private final LeaseService leases;
    private final Clock clock;
    private final Instant started;

    public ConfiguredFailoverStates(List<FailoverPeerConfig> declared, LeaseEngine engine, LeaseService leases,
            Clock clock) {
        declared.forEach(p -> peers.putIfAbsent(p.name(), p));
        this.engine = engine;
        this.leases = leases;
        this.clock = clock;
        this.started = Instant.ofEpochSecond(clock.instant().getEpochSecond());
    }

    @Override
    public Optional<View> state(String peerName) {
        FailoverPeerConfig peer = peers.get(peerName);
        if (peer == null) {
            return Optional.empty();
        }
        Optional<FailoverStateRecord> stored = engine.records().failoverState(peerName);
        FailoverState local = stored.map(FailoverStateRecord::myState).orElse(FailoverState.STARTUP);
        FailoverState partner = stored.map(FailoverStateRecord::partnerState).orElse(FailoverState.UNKNOWN);
        Instant localStos = stored.map(r -> Instant.ofEpochSecond(r.myStateTime())).orElse(started);
        Instant partnerStos = stored.map(r -> Instant.ofEpochSecond(r.partnerStateTime())).orElse(started);
        long mclt = peer.mclt().or(() -> stored.flatMap(FailoverStateRecord::mclt)).map(Duration::getSeconds).orElse(0L);
        return Optional.of(new View(peer.name(), address(peer.peerAddress()), peer.peerPort(), address(peer.address()),
                peer.port(), peer.maxUnackedUpdates(), mclt, (int) peer.loadBalanceMaxSeconds().getSeconds(),
                peer.loadBalanceBitmap(), partner, local, partnerStos, localStos,
                peer.role() == FailoverRole.PRIMARY ? 0 : 1, Instant.EPOCH, Instant.EPOCH, 0,
                (int) peer.maxResponseDelay().getSeconds(), 0));
    }

    /** A literal address; a host name (resolved by a running failover engine) reads as 0.0.0.0. */
    private static Ipv4Address address(HostRef ref) {
        return ref.address().orElse(Ipv4Address.ANY);
    }

    @Override
    public CompletionStage<Void> setLocalState(String peerName, FailoverState state) throws OmapiException {
        View now = state(peerName).orElseThrow(() -> new OmapiException(OmapiStatus.NOT_FOUND));
        if (state == FailoverState.STARTUP || state == FailoverState.UNKNOWN) {
            throw new OmapiException(OmapiStatus.INVALID_ARGUMENT, "can't update object: local-state cannot be set to "
                    + state.fileName());
        }
        Optional<Duration> mclt = engine.records().failoverState(peerName).flatMap(FailoverStateRecord::mclt);
        leases.recordFailoverState(new FailoverStateRecord(peerName, state, clock.instant().getEpochSecond(),
                now.partnerState(), now.partnerStos().getEpochSecond(), mclt));
        return leases.whenDurable();
    }
}
