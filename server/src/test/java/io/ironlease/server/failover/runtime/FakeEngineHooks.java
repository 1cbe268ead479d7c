package io.ironlease.server.failover.runtime;

import io.ironlease.server.failover.BindingStatus;
import io.ironlease.server.failover.BindingUpdateVerdict;
import io.ironlease.server.failover.FailoverAction;
import io.ironlease.server.failover.FailoverStatus;
import io.ironlease.server.failover.LeaseBinding;
import io.ironlease.server.failover.LeaseFacts;
import io.ironlease.server.failover.LeaseGrant;
import io.ironlease.server.failover.LeaseOwnership;
import io.ironlease.server.failover.PersistedFailoverState;
import io.ironlease.server.failover.PoolBalance;
import io.ironlease.server.failover.Role;
import io.ironlease.server.failover.UpdateScope;
import io.ironlease.server.failover.wire.BindingAck;
import io.ironlease.server.failover.wire.Bytes;
import io.ironlease.shared.leases.FailoverState;
import io.ironlease.shared.leases.FailoverStateRecord;
import io.ironlease.shared.leases.LeaseFileReader;
import io.ironlease.shared.leases.LeaseFileWriter;
import io.ironlease.shared.net.HardwareAddress;
import io.ironlease.shared.net.Ipv4Address;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A small in-memory lease engine for the runtime tests: one pool, the failover rules of the core
 * (LeaseOwnership, PoolBalance), and persistence of the failover state record in a real dhcpd.leases
 * file, appended and forced on a separate "disk" executor, so a restart reads it back. Test-only.
 * Methods are synchronized: the runtime calls them on the engine thread, the test reads from its own.
 */
final class FakeEngineHooks implements FailoverEngineHooks {

    static final class Lease {
        BindingStatus status = BindingStatus.FREE;
        BindingStatus rewind = BindingStatus.FREE;
        Instant ends = Instant.EPOCH;
        Instant tstp = Instant.EPOCH;
        Instant tsfp = Instant.EPOCH;
        Instant starts = Instant.EPOCH;
        Instant cltt = Instant.EPOCH;
        Optional<HardwareAddress> hardware = Optional.empty();

        LeaseFacts facts() {
            return new LeaseFacts(status, rewind, ends, tstp, tsfp, cltt, Optional.empty(), hardware);
        }
    }

    private final String peerName;
    private final Role role;
    private final Clock clock;
    private final Path leaseFile;
    private final Executor disk;
    private final Map<Ipv4Address, Lease> leases = new TreeMap<>();
    private final List<String> states = new ArrayList<>();
    private FailoverStatus status;
    private PersistedFailoverState persisted;
    final AtomicInteger updatesStored = new AtomicInteger();
    final AtomicInteger updatesRejected = new AtomicInteger();
    final AtomicInteger acksAccepted = new AtomicInteger();
    final AtomicInteger acksRejected = new AtomicInteger();

    FakeEngineHooks(String peerName, Role role, Ipv4Address first, int count, Clock clock, Path leaseFile,
            Executor disk) {
        this.peerName = peerName;
        this.role = role;
        this.clock = clock;
        this.leaseFile = leaseFile;
        this.disk = disk;
        for (int i = 0; i < count; i++) {
            leases.put(first.plus(i), new Lease());
        }
    }

    /** The last failover state record of the lease file, as a restart reads it. */
    static Optional<PersistedFailoverState> readPersisted(Path leaseFile, String peerName) throws IOException {
        if (!leaseFile.toFile().exists()) {
            return Optional.empty();
        }
        FailoverStateRecord[] last = new FailoverStateRecord[1];
        try (LeaseFileReader reader = LeaseFileReader.open(leaseFile)) {
            reader.read(r -> {
                if (r instanceof FailoverStateRecord f && f.peerName().equals(peerName)) {
                    last[0] = f;
                }
            });
        } catch (io.ironlease.shared.leases.LeaseFileException e) {
            throw new IOException(e);
        }
        return Optional.ofNullable(last[0]).map(FailoverMapping::persisted);
    }

    @Override
    public CompletionStage<Void> persistState(PersistedFailoverState state) {
        synchronized (this) {
            persisted = state;
        }
        FailoverStateRecord record = FailoverMapping.record(peerName, state);
        return CompletableFuture.runAsync(() -> {
            try (FileChannel out = FileChannel.open(leaseFile, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                    StandardOpenOption.APPEND)) {
                new LeaseFileWriter().append(out, record);
                out.force(true);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }, disk);
    }

    @Override
    public synchronized CompletionStage<BindingUpdateOutcome> processBindingUpdate(
            FailoverAction.ProcessBindingUpdate p) {
        Optional<LeaseFacts> local = p.update().assignedAddress().map(leases::get).map(Lease::facts);
        BindingUpdateVerdict verdict = LeaseOwnership.judgeBindingUpdate(role, p.myState(), local,
                p.ownUpdateInFlight(), p.update(), status.hba(), clock.instant());
        if (!verdict.accepted()) {
            updatesRejected.incrementAndGet();
            return CompletableFuture.completedFuture(BindingUpdateOutcome.of(verdict));
        }
        LeaseBinding in = LeaseBinding.from(p.update()).orElseThrow();
        Lease l = leases.get(in.address());
        l.status = verdict.storeAs().orElseThrow();
        l.rewind = l.status;
        l.ends = in.leaseExpiration();
        l.starts = in.startTimeOfState();
        l.tsfp = in.potentialExpiration();
        l.tstp = l.tsfp;
        l.cltt = in.clientLastTransactionTime().orElse(Instant.EPOCH);
        l.hardware = in.hardwareAddress();
        updatesStored.incrementAndGet();
        return CompletableFuture.supplyAsync(BindingUpdateOutcome::stored, disk); // "on disk" later
    }

    @Override
    public synchronized CompletionStage<List<LeaseBinding>> collectUpdates(UpdateScope scope) {
        List<LeaseBinding> list = new ArrayList<>();
        for (Map.Entry<Ipv4Address, Lease> e : leases.entrySet()) {
            Lease l = e.getValue();
            if (scope == UpdateScope.ALL || l.tstp.isAfter(l.tsfp) || l.status.isTransitional()) {
                list.add(binding(e.getKey()));
            }
        }
        return CompletableFuture.completedFuture(list);
    }

    @Override
    public synchronized CompletionStage<List<LeaseBinding>> balancePool(boolean partnerAsked) {
        if (status == null || status.myState() != FailoverState.NORMAL) {
            return CompletableFuture.completedFuture(List.of());
        }
        List<PoolBalance.Candidate> mine = new ArrayList<>();
        for (Map.Entry<Ipv4Address, Lease> e : leases.entrySet()) {
            if (e.getValue().status == role.ownFreeStatus()) {
                mine.add(new PoolBalance.Candidate(e.getKey(), !e.getValue().ends.equals(Instant.EPOCH), false));
            }
        }
        PoolBalance.Plan plan = PoolBalance.plan(role, count(BindingStatus.FREE), count(BindingStatus.BACKUP), 15, 10,
                mine);
        Instant now = clock.instant();
        List<LeaseBinding> given = new ArrayList<>();
        for (Ipv4Address a : plan.handOver()) {
            LeaseBinding handed = LeaseOwnership.handedOver(binding(a), role, now);
            Lease l = leases.get(a);
            l.status = handed.status();
            l.tstp = handed.potentialExpiration();
            l.starts = now;
            given.add(handed);
        }
        return CompletableFuture.supplyAsync(() -> given, disk);
    }

    @Override
    public synchronized void bindingUpdateSent(LeaseBinding binding) {
        Lease l = leases.get(binding.address());
        if (l != null && l.status == binding.status()) {
            l.rewind = l.status;
        }
    }

    @Override
    public synchronized void updateAcknowledged(LeaseBinding sent, BindingAck ack) {
        if (ack.rejected()) {
            acksRejected.incrementAndGet();
            return;
        }
        acksAccepted.incrementAndGet();
        Lease l = leases.get(sent.address());
        if (l != null) {
            l.tsfp = sent.potentialExpiration();
            if (sent.status().isTransitional()) {
                l.status = BindingStatus.FREE;
            }
            l.rewind = l.status;
        }
    }

    @Override
    public synchronized void statusChanged(FailoverStatus changed) {
        status = changed;
    }

    @Override
    public synchronized void stateChanged(FailoverState from, FailoverState to, String reason) {
        states.add(to.fileName());
    }

    /**
     * A client gets an address this server owns now (a DHCPACK collapsed into one step); the binding
     * the engine would report to the runtime, or empty when nothing may be allocated.
     */
    synchronized Optional<LeaseBinding> grant(HardwareAddress client, Duration desired) {
        Instant now = clock.instant();
        for (Map.Entry<Ipv4Address, Lease> e : leases.entrySet()) {
            Lease l = e.getValue();
            if (status == null || !status.service().answersClients()
                    || !LeaseOwnership.mayAllocate(status, l.facts(), now)) {
                continue;
            }
            LeaseGrant grant = LeaseOwnership.grantLeaseTime(desired, status.mcltOrZero(), l.tsfp, l.tstp, now, true);
            LeaseBinding b = LeaseOwnership.granted(e.getKey(), Optional.<Bytes>empty(), client, grant, now);
            l.status = BindingStatus.ACTIVE;
            l.ends = b.leaseExpiration();
            l.tstp = b.potentialExpiration();
            l.tsfp = grant.tsfp();
            l.starts = now;
            l.cltt = now;
            l.hardware = Optional.of(client);
            return Optional.of(b);
        }
        return Optional.empty();
    }

    synchronized boolean mayAllocate(Ipv4Address address) {
        return status != null && LeaseOwnership.mayAllocate(status, leases.get(address).facts(), clock.instant());
    }

    synchronized LeaseBinding binding(Ipv4Address address) {
        Lease l = leases.get(address);
        return new LeaseBinding(address, l.status, Optional.empty(), l.hardware, l.ends, l.tstp, l.starts,
                l.cltt.equals(Instant.EPOCH) ? Optional.empty() : Optional.of(l.cltt), 0);
    }

    synchronized int count(BindingStatus s) {
        return (int) leases.values().stream().filter(l -> l.status == s).count();
    }

    synchronized List<Ipv4Address> withStatus(BindingStatus s) {
        return leases.entrySet().stream().filter(e -> e.getValue().status == s).map(Map.Entry::getKey).toList();
    }

    synchronized Optional<PersistedFailoverState> lastPersisted() {
        return Optional.ofNullable(persisted);
    }

    /** My states in order, as the runtime reported them ("recover", "startup", "normal", ...). */
    synchronized List<String> states() {
        return List.copyOf(states);
    }
}
