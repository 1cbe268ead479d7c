package io.ironlease.server.omapi;

import io.ironlease.omapi.ext.LeasePage;
import io.ironlease.omapi.ext.LeaseQuery;
import io.ironlease.omapi.server.HandleRegistry;
import io.ironlease.omapi.server.ObjectProvider;
import io.ironlease.omapi.wire.OmapiException;
import io.ironlease.omapi.wire.OmapiStatus;
import io.ironlease.omapi.wire.OmapiValues;
import io.ironlease.server.engine.LeaseService;
import io.ironlease.shared.leases.BindingState;
import io.ironlease.shared.net.Ipv4Address;
import io.ironlease.shared.net.Ipv4Range;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Executor;

/**
 * The server side of the lease listing extension ({@link LeaseQuery}, {@link LeasePage}): pages of
 * the lease engine's leases in address order, filtered by the engine ({@link LeaseService#listLeases}).
 * The cursor is the 4-byte address of the last lease of the previous page. Each lease carries the
 * {@code lease} object's attributes without the subnet and pool handles. Addresses no client ever
 * used have no lease record and are not listed (a {@code lease} OPEN still answers for them).
 *
 * <p>A page is an object with a handle like any other, but nobody refreshes a page: its handle is
 * forgotten as soon as the page is sent, so listings do not fill the server's handle table.
 */
public final class LeaseQueryProvider implements ObjectProvider<LeaseQuery> {

    private final LeaseService leases;

    public LeaseQueryProvider(LeaseService leases) {
        this.leases = leases;
    }

    @Override
    public String type() {
        return LeaseQuery.TYPE;
    }

    @Override
    public Optional<Executor> executor() {
        return Optional.of(leases.executor());
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
        handles.release(handles.handleFor(LeaseQuery.TYPE, query));
        Optional<Ipv4Range> range = query.ipFrom().isEmpty() && query.ipTo().isEmpty() ? Optional.empty()
                : Optional.of(new Ipv4Range(query.ipFrom().orElse(Ipv4Address.ANY),
                        query.ipTo().orElse(Ipv4Address.BROADCAST)));
        Set<BindingState> states = query.state().isPresent() ? Set.of(BindingState.fromCode(query.state().getAsInt()))
                : Set.of();
        LeaseService.LeasePage page = leases.listLeases(new LeaseService.LeaseQuery(query.macPrefix(), states,
                query.subnet(), range, query.cursor().map(Ipv4Address::fromBytes), query.limit()));
        LeasePage.Builder out = LeasePage.builder(query);
        Ipv4Address last = null;
        for (LeaseService.LeaseInfo info : page.leases()) {
            if (!out.add(LeaseAttributes.render(info.lease(), 0, 0))) {
                return out.build(last.toBytes()).toValues();
            }
            last = info.lease().ip();
        }
        return out.build(page.next().isPresent() && last != null ? last.toBytes() : null).toValues();
    }
}
