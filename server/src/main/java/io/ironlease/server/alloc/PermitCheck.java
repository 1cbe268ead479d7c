package io.ironlease.server.alloc;

import io.ironlease.shared.config.ast.Permit;
import io.ironlease.shared.config.model.PoolPermitRule;
import java.util.List;

/**
 * A pool's {@code allow}/{@code deny} permit lists (dhcpd.conf(5) "Permit list"): a client matching
 * a deny is refused; when the pool has allows, the client must match one. Unsupported permits
 * (authenticated clients, {@code after} dates) never match.
 */
final class PermitCheck {

    private PermitCheck() {
    }

    static boolean allows(PoolPlan pool, ClientRequest request, boolean known) {
        List<PoolPermitRule> rules = pool.permits();
        if (rules.isEmpty()) {
            return true;
        }
        boolean anyAllow = false;
        boolean allowed = false;
        for (PoolPermitRule rule : rules) {
            boolean matches = matches(rule.permit(), request, known);
            if (!rule.allow() && matches) {
                return false;
            }
            if (rule.allow()) {
                anyAllow = true;
                allowed |= matches;
            }
        }
        return !anyAllow || allowed;
    }

    /** Whether the pool says {@code allow dynamic bootp clients}. */
    static boolean allowsDynamicBootp(PoolPlan pool) {
        return pool.permits().stream().anyMatch(r -> r.allow() && r.permit().kind() == Permit.Kind.DYNAMIC_BOOTP_CLIENTS);
    }

    private static boolean matches(Permit permit, ClientRequest request, boolean known) {
        return switch (permit.kind()) {
            case KNOWN_CLIENTS -> known;
            case UNKNOWN_CLIENTS -> !known;
            case ALL_CLIENTS -> true;
            case DYNAMIC_BOOTP_CLIENTS -> request.kind() == RequestKind.BOOTP;
            case AUTHENTICATED_CLIENTS, AFTER -> false;
            case UNAUTHENTICATED_CLIENTS -> true;
            case MEMBERS_OF -> request.classes().contains(permit.className());
        };
    }
}
