package io.ironlease.server.alloc;

import io.ironlease.shared.net.Ipv4Address;
import java.util.List;
import java.util.Optional;

/** What the allocation engine decided for a DISCOVER, REQUEST or BOOTP request. */
public sealed interface Decision {

    /**
     * An address for the client: offered (DISCOVER, no changes) or bound (REQUEST/BOOTP, with the
     * changes to make durable before answering; none for a fixed address, which dhcpd does not record).
     *
     * @param pool   empty for a host's fixed address
     * @param scopes the scopes whose options and parameters the reply carries
     * @param fresh  the address was not the client's before (ping-check probes such addresses)
     */
    record Grant(Ipv4Address address, SubnetPlan subnet, Optional<PoolPlan> pool, Optional<HostEntry> host,
            ScopeStack scopes, long leaseSeconds, List<LeaseChange> changes, boolean fresh) implements Decision {
        public Grant {
            changes = List.copyOf(changes);
        }
    }

    /** No address: a DHCPNAK when {@code nak}, else silence; {@code reason} is for the log. */
    record Refusal(boolean nak, String reason) implements Decision {
    }
}
