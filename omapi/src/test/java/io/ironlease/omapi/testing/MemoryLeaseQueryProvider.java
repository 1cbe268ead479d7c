package io.ironlease.omapi.testing;

import io.ironlease.omapi.ext.LeasePage;
import io.ironlease.omapi.ext.LeaseQuery;
import io.ironlease.omapi.server.HandleRegistry;
import io.ironlease.omapi.server.ObjectProvider;
import io.ironlease.omapi.wire.OmapiException;
import io.ironlease.omapi.wire.OmapiStatus;
import io.ironlease.omapi.wire.OmapiValues;
import io.ironlease.shared.net.Ipv4Address;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * A reference implementation of the lease listing extension over an in-memory list of leases (each
 * given by its {@code lease} attributes): leases in ascending ip-address order, the cursor is the
 * 4-byte ip-address of the last lease of the previous page. The server module's provider can follow it
 * over its lease index.
 */
public final class MemoryLeaseQueryProvider implements ObjectProvider<LeaseQuery> {

    private final Supplier<List<OmapiValues>> leases;

    public MemoryLeaseQueryProvider(Supplier<List<OmapiValues>> leases) {
        this.leases = leases;
    }

    @Override
    public String type() {
        return LeaseQuery.TYPE;
    }

    @Override
    public Optional<LeaseQuery> lookup(OmapiValues keys) throws OmapiException {
        LeaseQuery query = LeaseQuery.fromValues(keys);
        if (query.cursor().isPresent() && query.cursor().get().length != 4) {
            throw new OmapiException(OmapiStatus.INVALID_ARGUMENT, "not a cursor of this server");
        }
        return Optional.of(query);
    }

    @Override
    public OmapiValues render(LeaseQuery query, HandleRegistry handles) {
        Ipv4Address after = query.cursor().map(Ipv4Address::fromBytes).orElse(null);
        List<OmapiValues> candidates = leases.get().stream()
                .filter(lease -> lease.ipv4("ip-address").isPresent())
                .sorted(Comparator.comparing((OmapiValues lease) -> lease.ipv4("ip-address").orElseThrow()))
                .filter(lease -> after == null || lease.ipv4("ip-address").orElseThrow().compareTo(after) > 0)
                .filter(query::matches)
                .toList();
        LeasePage.Builder page = LeasePage.builder(query);
        OmapiValues last = null;
        for (OmapiValues lease : candidates) {
            if (!page.add(lease)) {
                return page.build(last.ipv4("ip-address").orElseThrow().toBytes()).toValues();
            }
            last = lease;
        }
        return page.build(null).toValues();
    }
}
