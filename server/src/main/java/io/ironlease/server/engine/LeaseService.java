package io.ironlease.server.engine;

import io.ironlease.server.alloc.HostEntry;
import io.ironlease.server.alloc.PoolPlan;
import io.ironlease.server.alloc.SubnetPlan;
import io.ironlease.shared.leases.BindingState;
import io.ironlease.shared.leases.FailoverStateRecord;
import io.ironlease.shared.leases.HostRecord;
import io.ironlease.shared.leases.Lease;
import io.ironlease.shared.net.HardwareAddress;
import io.ironlease.shared.net.Ipv4Address;
import io.ironlease.shared.net.Ipv4Range;
import io.ironlease.shared.net.Subnet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Executor;
import java.util.function.Function;

/**
 * What the lease engine offers the rest of the server (OMAPI object providers, the lease listing, the
 * failover engine): lookups, changes as dhcpd makes them through OMAPI, and durability.
 *
 * <p>Threading: every method except {@link #executor()} and {@link #submit} must run on
 * {@link #executor()}, the lease-engine thread (OMAPI providers run there already). Changes take
 * effect at once and are written to the lease file with the next group; {@link #whenDurable()} says
 * when everything changed so far is on disk (an OMAPI reply waits for it). From any other thread,
 * {@link #submit} runs an operation on the engine and completes once its changes are durable.
 */
public interface LeaseService {

    /** A lease with the subnet and pool its address belongs to (empty outside every configured range). */
    record LeaseInfo(Lease lease, Optional<SubnetPlan> subnet, Optional<PoolPlan> pool) {
    }

    /** An OMAPI lease update: {@code ends} (epoch seconds; at or before now ends the lease, 0 as dhcpd) and/or state. */
    record LeaseUpdate(Optional<Long> ends, Optional<BindingState> state) {
    }

    /**
     * Which leases to list, in address order from {@code after} (exclusive): filters combine with AND.
     *
     * @param hardwarePrefix leading bytes of the hardware address
     * @param limit          at most this many (1-10000)
     */
    record LeaseQuery(Optional<byte[]> hardwarePrefix, Set<BindingState> states, Optional<Subnet> subnet,
            Optional<Ipv4Range> range, Optional<Ipv4Address> after, int limit) {
        public LeaseQuery {
            states = Set.copyOf(states);
            if (limit < 1 || limit > 10_000) {
                throw new IllegalArgumentException("limit must be 1-10000: " + limit);
            }
        }

        public static LeaseQuery all(int limit) {
            return new LeaseQuery(Optional.empty(), Set.of(), Optional.empty(), Optional.empty(), Optional.empty(), limit);
        }
    }

    /** One page of leases; {@code next} is the cursor for the following page, empty at the end. */
    record LeasePage(List<LeaseInfo> leases, Optional<Ipv4Address> next) {
        public LeasePage {
            leases = List.copyOf(leases);
        }
    }

    /** The lease-engine thread. */
    Executor executor();

    /** Runs {@code operation} on the engine thread; completes with its result once its changes are durable. */
    <T> CompletionStage<T> submit(Function<LeaseService, T> operation);

    /** Completes when every change made so far is durable; fails when some could not be written. */
    CompletionStage<Void> whenDurable();

    Optional<LeaseInfo> leaseByAddress(Ipv4Address address);

    /** Leases recorded with this hardware address (type and bytes), in any state. */
    List<LeaseInfo> leasesByHardware(HardwareAddress hardware);

    /** Leases recorded with this client identifier (option 61), in any state. */
    List<LeaseInfo> leasesByClientId(byte[] clientId);

    LeasePage listLeases(LeaseQuery query);

    /**
     * Changes a lease as dhcpd's OMAPI does: state free (the lease ends now) or abandoned; ends at or
     * before now (0 included) ends an active lease; a later ends extends or shortens it. Throws
     * NoSuchElementException when the address has no lease, IllegalArgumentException for other states.
     */
    LeaseInfo updateLease(Ipv4Address address, LeaseUpdate update);

    /** Replaces the lease of its address as the failover peer says (BNDUPD); durable like any change. */
    void applyPeerBinding(Lease lease);

    Optional<HostEntry> hostByName(String name);

    List<HostEntry> hostsByHardware(HardwareAddress hardware);

    List<HostEntry> hostsByClientId(byte[] clientId);

    /**
     * Declares a host (written {@code host NAME { dynamic; ... }}); IllegalStateException when the name
     * is taken. The record's {@code deleted} flag must be false; {@code dynamic} is forced true.
     */
    HostEntry addHost(HostRecord host);

    /** Replaces a host's hardware, uid and fixed addresses (NoSuchElementException when unknown). */
    HostEntry updateHost(String name, HostRecord replacement);

    /** Removes a host: a rubout ({@code deleted;}) is written; NoSuchElementException when unknown. */
    void removeHost(String name);

    /** Writes a failover state record ({@code failover peer "X" state { ... }}). */
    void recordFailoverState(FailoverStateRecord state);

    /** The configured subnets and pools (OMAPI gives them handles by id). */
    List<SubnetPlan> subnets();

    List<PoolPlan> pools();

    /** Rewrites the lease file now (write new, fsync, rename); completes when in place. */
    CompletionStage<Void> compact();
}
