package io.ironlease.server.alloc;

import io.ironlease.shared.leases.BindingState;
import io.ironlease.shared.leases.Lease;
import java.util.List;

/**
 * The failover hook: what the failover engine decides for allocation (draft-ietf-dhc-failover-12 as
 * ISC implements it). The allocation engine consults it for every pool; pools without a
 * {@code failover peer} get {@link #STANDALONE}'s answers from any sensible implementation. All calls
 * run on the lease-engine thread and must not block.
 */
public interface LeaseOwnershipPolicy {

    /** No failover: every free or backup address is ours; expired and released leases go back to free. */
    LeaseOwnershipPolicy STANDALONE = new LeaseOwnershipPolicy() {
        @Override
        public boolean mayAllocate(PoolPlan pool, Lease idle) {
            return true;
        }

        @Override
        public BindingState expiredState(PoolPlan pool) {
            return BindingState.FREE;
        }

        @Override
        public BindingState releasedState(PoolPlan pool) {
            return BindingState.FREE;
        }
    };

    /** Whether this server answers {@code request} for an address of {@code pool} (load balancing, state). */
    default boolean answers(PoolPlan pool, ClientRequest request) {
        return true;
    }

    /**
     * Whether an idle address of {@code pool} may be given to a client now: {@code idle} is its lease
     * (free, expired, released, reset or backup), or null for an address never used.
     */
    boolean mayAllocate(PoolPlan pool, Lease idle);

    /**
     * Whether any address of {@code pool}'s free set ({@code backup} false: free, expired, released,
     * reset) or backup set may be allocated now; false lets the engine skip that set (a failover
     * secondary does not look at the primary's free addresses). {@link #mayAllocate} still decides per
     * address.
     */
    default boolean allocatesFrom(PoolPlan pool, boolean backup) {
        return true;
    }

    /**
     * Whether a DHCPREQUEST for an address of {@code pool} that this client cannot have is NAKed
     * (authoritative servers do) or left unanswered: in failover an address the partner may own is the
     * partner's to answer ({@code current} is its lease, null for an address never used).
     */
    default boolean naksUnavailable(PoolPlan pool, Lease current) {
        return true;
    }

    /** The lease time this server may grant now (the MCLT rule); {@code desired} when unrestricted. */
    default long grantableSeconds(PoolPlan pool, Lease current, long desiredSeconds, long nowEpochSeconds) {
        return desiredSeconds;
    }

    /** The state an active lease of {@code pool} takes when it ends: free alone, expired in failover. */
    BindingState expiredState(PoolPlan pool);

    /** The state a released lease of {@code pool} takes: free alone, released in failover. */
    BindingState releasedState(PoolPlan pool);

    /** A last change to a lease before it is committed (e.g. tstp, rewind state in failover). */
    default Lease prepare(PoolPlan pool, Lease before, Lease after) {
        return after;
    }

    /** Binding changes once durable, in commit order (the failover engine sends BNDUPDs for them). */
    default void committed(List<LeaseChange> changes) {
    }

    /** Whether {@link #committed} wants to hear about commits (saves a thread hop when not). */
    default boolean observesCommits() {
        return false;
    }
}
