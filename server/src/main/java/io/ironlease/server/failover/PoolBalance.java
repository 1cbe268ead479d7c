package io.ironlease.server.failover;

import io.ironlease.shared.net.Ipv4Address;
import java.util.ArrayList;
import java.util.List;

/**
 * Pool balancing (draft §5.4, ISC dhcp_failover_pool_dobalance): in NORMAL each server hands the
 * other part of its available addresses so both hold about half; the primary turns FREE into BACKUP,
 * the secondary BACKUP into FREE. First pass: addresses whose last client the partner would serve
 * (hash affinity), up to {@code hold} in the partner's favour; second pass: the oldest, never-used
 * ones down to an even split and used ones down to {@code hold} in our favour. Pure arithmetic on
 * counts and the candidates, oldest first.
 */
public final class PoolBalance {

    /** An available address of this server, in pool order (oldest first). */
    public record Candidate(Ipv4Address address, boolean everUsed, boolean partnerWants) {
    }

    /**
     * The outcome: which addresses to hand over, the leases-to-send figure before and after ("lts"
     * in ISC's "balancing pool" log lines), the misbalance threshold, the ownership hold, whether to
     * ask the partner for addresses with POOLREQ, and whether the pool stays imbalanced.
     */
    public record Plan(List<Ipv4Address> handOver, int ltsBefore, int ltsAfter, int threshold, int hold,
            boolean requestFromPartner, boolean imbalanced) {
    }

    private PoolBalance() {
    }

    /**
     * @param free the pool's FREE addresses
     * @param backup the pool's BACKUP addresses
     * @param mine this server's available addresses (FREE on the primary, BACKUP on the secondary)
     */
    public static Plan plan(Role role, int free, int backup, int misbalancePercent, int ownershipPercent,
            List<Candidate> mine) {
        int lts = role == Role.PRIMARY ? (free - backup) / 2 : (backup - free) / 2;
        int total = free + backup;
        int threshold = (total * misbalancePercent + 50) / 100;
        int hold = (total * ownershipPercent + 50) / 100;
        int panic = threshold * -2;
        if (panic == 0) {
            panic = -1;
        }
        int before = lts;
        List<Ipv4Address> given = new ArrayList<>();
        boolean[] taken = new boolean[mine.size()];
        passes:
        for (int pass = 0; pass < 2; pass++) {
            for (int i = 0; i < mine.size(); i++) {
                if (taken[i]) {
                    continue;
                }
                Candidate candidate = mine.get(i);
                if (pass == 0 ? lts <= -hold : lts <= (candidate.everUsed() ? hold : 0)) {
                    break passes;
                }
                if (pass == 1 || candidate.partnerWants()) {
                    taken[i] = true;
                    given.add(candidate.address());
                    lts--;
                }
            }
        }
        return new Plan(List.copyOf(given), before, lts, threshold, hold, before < panic, lts > threshold);
    }

    /**
     * Whether the primary may give a freed address to the secondary for MAC affinity without the
     * secondary holding too many (ISC secondary_not_hoarding).
     */
    public static boolean secondaryNotHoarding(int free, int backup, int ownershipPercent) {
        int hold = ((free + backup) * ownershipPercent + 50) / 100;
        return (free - backup) / 2 > -hold;
    }
}
