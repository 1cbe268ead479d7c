package io.ironlease.server.alloc;

import io.ironlease.shared.net.Ipv4Address;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What the allocation engine needs to know about one client message, already decoded: who, which
 * network it came from, what it asks for.
 *
 * @param requested             the address asked for (option 50, or ciaddr when renewing/rebinding)
 * @param requestedLeaseSeconds option 51, or -1 when the client did not ask
 * @param classes               names of the classes the client is in, most specific first
 * @param clientHostname        option 12, or null
 * @param secs                  the header's secs (failover load balancing looks at it)
 */
public record ClientRequest(ClientId client, RequestKind kind, NetworkPlan network, Optional<Ipv4Address> requested,
        long requestedLeaseSeconds, List<String> classes, String clientHostname, int secs) {

    public ClientRequest {
        Objects.requireNonNull(client, "client");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(network, "network");
        Objects.requireNonNull(requested, "requested");
        classes = List.copyOf(classes);
    }
}
