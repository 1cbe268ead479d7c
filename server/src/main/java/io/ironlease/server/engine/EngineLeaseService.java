package io.ironlease.server.engine;

import io.ironlease.server.alloc.AllocationEngine;
import io.ironlease.server.alloc.HostEntry;
import io.ironlease.server.alloc.LeaseChange;
import io.ironlease.server.alloc.PoolPlan;
import io.ironlease.server.alloc.SubnetPlan;
import io.ironlease.shared.leases.BindingState;
import io.ironlease.shared.leases.FailoverStateRecord;
import io.ironlease.shared.leases.HostRecord;
import io.ironlease.shared.leases.Lease;
import io.ironlease.shared.leases.LeaseTime;
import io.ironlease.shared.net.HardwareAddress;
import io.ironlease.shared.net.Ipv4Address;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Executor;
import java.util.function.Function;

/** {@link LeaseService} over the {@link LeaseEngine}: runs on the engine thread, changes go through its commits. */
public final class EngineLeaseService implements LeaseService {

    private final LeaseEngine engine;
    private final AllocationEngine alloc;

    public EngineLeaseService(LeaseEngine engine) {
        this.engine = engine;
        this.alloc = engine.allocation();
    }

    @Override
    public Executor executor() {
        return engine.executor();
    }

    @Override
    public <T> CompletionStage<T> submit(Function<LeaseService, T> operation) {
        CompletableFuture<T> result = new CompletableFuture<>();
        executor().execute(() -> {
            try {
                T value = operation.apply(this);
                whenDurable().whenComplete((ok, error) -> {
                    if (error != null) {
                        result.completeExceptionally(error);
                    } else {
                        result.complete(value);
                    }
                });
            } catch (RuntimeException e) {
                result.completeExceptionally(e);
            }
        });
        return result;
    }

    @Override
    public CompletionStage<Void> whenDurable() {
        return engine.whenDurable();
    }

    private LeaseInfo info(Lease lease) {
        Optional<PoolPlan> pool = alloc.poolOf(lease.ip());
        Optional<SubnetPlan> subnet = pool.map(PoolPlan::subnet).or(() -> alloc.plan().subnetFor(lease.ip()));
        return new LeaseInfo(lease, subnet, pool);
    }

    @Override
    public Optional<LeaseInfo> leaseByAddress(Ipv4Address address) {
        return alloc.lease(address).map(this::info);
    }

    @Override
    public List<LeaseInfo> leasesByHardware(HardwareAddress hardware) {
        return alloc.leasesByHardware(hardware).stream().map(this::info).toList();
    }

    @Override
    public List<LeaseInfo> leasesByClientId(byte[] clientId) {
        return alloc.leasesByClientId(clientId).stream().map(this::info).toList();
    }

    @Override
    public LeasePage listLeases(LeaseQuery q) {
        List<LeaseInfo> page = new ArrayList<>();
        Ipv4Address[] last = new Ipv4Address[1];
        boolean[] more = new boolean[1];
        alloc.forEachLeaseAfter(q.after(), lease -> {
            if (!matches(lease, q)) {
                return true;
            }
            if (page.size() == q.limit()) {
                more[0] = true;
                return false;
            }
            page.add(info(lease));
            last[0] = lease.ip();
            return true;
        });
        return new LeasePage(page, more[0] ? Optional.of(last[0]) : Optional.empty());
    }

    private static boolean matches(Lease lease, LeaseQuery q) {
        if (!q.states().isEmpty() && !q.states().contains(lease.bindingState())) {
            return false;
        }
        if (q.subnet().isPresent() && !q.subnet().get().contains(lease.ip())) {
            return false;
        }
        if (q.range().isPresent() && !q.range().get().contains(lease.ip())) {
            return false;
        }
        if (q.hardwarePrefix().isPresent()) {
            byte[] prefix = q.hardwarePrefix().get();
            byte[] hw = lease.hardware().map(HardwareAddress::bytes).orElse(new byte[0]);
            return hw.length >= prefix.length && Arrays.equals(hw, 0, prefix.length, prefix, 0, prefix.length);
        }
        return true;
    }

    @Override
    public LeaseInfo updateLease(Ipv4Address address, LeaseUpdate update) {
        Lease lease = alloc.lease(address).orElseThrow(() -> new NoSuchElementException("no lease for " + address));
        long now = engine.now();
        Lease.Builder b = lease.toBuilder();
        Optional<PoolPlan> pool = alloc.poolOf(address);
        BindingState free = pool.map(p -> alloc.policy().expiredState(p)).orElse(BindingState.FREE);
        if (update.state().isPresent()) {
            BindingState s = update.state().get();
            if (s == BindingState.FREE) {
                b.bindingState(free).nextBindingState(free).rewindBindingState(free).ends(now).clientHostname(null);
            } else if (s == BindingState.ABANDONED) {
                b.bindingState(BindingState.ABANDONED).nextBindingState(BindingState.FREE)
                        .rewindBindingState(BindingState.FREE).hardware(null).uid(null).clientHostname(null);
            } else {
                throw new IllegalArgumentException("a lease's state can be set to free or abandoned, not "
                        + s.fileName());
            }
        }
        if (update.ends().isPresent()) {
            long ends = update.ends().get();
            b.ends(ends == 0 ? LeaseTime.UNSET : ends);
            if (ends <= now && lease.bindingState() == BindingState.ACTIVE && update.state().isEmpty()) {
                b.bindingState(free).nextBindingState(free).rewindBindingState(free);
            }
        }
        Lease after = b.build();
        LeaseChange change = alloc.put(after);
        engine.commit(List.of(change), List.of(), null, null);
        return info(after);
    }

    @Override
    public void applyPeerBinding(Lease lease) {
        engine.commit(List.of(alloc.put(lease)), List.of(), null, null);
    }

    @Override
    public Optional<HostEntry> hostByName(String name) {
        return alloc.hosts().byName(name);
    }

    @Override
    public List<HostEntry> hostsByHardware(HardwareAddress hardware) {
        return List.copyOf(alloc.hosts().byHardware(hardware));
    }

    @Override
    public List<HostEntry> hostsByClientId(byte[] clientId) {
        return List.copyOf(alloc.hosts().byUid(clientId));
    }

    @Override
    public HostEntry addHost(HostRecord host) {
        if (host.deleted()) {
            throw new IllegalArgumentException("a new host cannot be a rubout");
        }
        if (alloc.hosts().byName(host.name()).isPresent()) {
            throw new IllegalStateException("a host named " + host.name() + " exists");
        }
        HostRecord record = new HostRecord(host.name(), true, false, host.hardware(), host.uid(),
                host.fixedAddresses(), host.group(), host.statements());
        engine.commit(List.of(), List.of(record), null, null);
        return alloc.hosts().byName(host.name()).orElseThrow();
    }

    @Override
    public HostEntry updateHost(String name, HostRecord replacement) {
        HostEntry old = alloc.hosts().byName(name).orElseThrow(() -> new NoSuchElementException("no host " + name));
        HostRecord record = new HostRecord(name, old.dynamic(), false, replacement.hardware(), replacement.uid(),
                replacement.fixedAddresses(), replacement.group(), replacement.statements());
        engine.commit(List.of(), List.of(record), null, null);
        return alloc.hosts().byName(name).orElseThrow();
    }

    @Override
    public void removeHost(String name) {
        HostEntry old = alloc.hosts().byName(name).orElseThrow(() -> new NoSuchElementException("no host " + name));
        boolean dynamic = old.dynamic() && !alloc.hosts().isConfigured(name);
        engine.commit(List.of(), List.of(HostRecord.rubout(name, dynamic)), null, null);
    }

    @Override
    public void recordFailoverState(FailoverStateRecord state) {
        engine.commit(List.of(), List.of(state), null, null);
    }

    @Override
    public List<SubnetPlan> subnets() {
        return alloc.plan().subnets();
    }

    @Override
    public List<PoolPlan> pools() {
        return alloc.plan().pools();
    }

    @Override
    public CompletionStage<Void> compact() {
        return engine.compact();
    }
}
