package io.ironlease.omapi.ext;

import io.ironlease.omapi.client.OmapiClient;
import io.ironlease.omapi.client.OmapiObject;
import io.ironlease.omapi.wire.OmapiException;
import io.ironlease.omapi.wire.OmapiStatus;
import io.ironlease.omapi.wire.OmapiValueException;
import io.ironlease.omapi.wire.OmapiValues;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The client side of the lease listing extension ({@link LeaseQuery}, {@link LeasePage}): one page, or
 * every matching lease page by page. A server without the extension (ISC dhcpd, or ironlease without
 * the provider) answers the OPEN of an unknown type with 23; {@link #isUnsupported} tells that apart.
 */
public final class LeaseQueryClient {

    private LeaseQueryClient() {
    }

    /** One page for the query (its cursor says which). */
    public static LeasePage fetch(OmapiClient client, LeaseQuery query) throws OmapiException {
        OmapiObject reply = client.open(LeaseQuery.TYPE, query.toValues());
        try {
            return LeasePage.fromValues(reply.values());
        } catch (OmapiValueException e) {
            throw new OmapiException(OmapiStatus.PROTOCOL_ERROR, "not a lease page: " + e.getMessage());
        }
    }

    /** The leases a listing gave, and whether they are all that match ({@code false}: stopped at the maximum). */
    public record Listing(List<OmapiValues> leases, boolean complete) {
        public Listing {
            leases = List.copyOf(leases);
        }
    }

    /**
     * Every lease matching the query's filters, from its cursor on, following next-cursor until the
     * last page or until {@code max} leases; the query's limit is the page size.
     */
    public static Listing list(OmapiClient client, LeaseQuery query, int max) throws OmapiException {
        List<OmapiValues> out = new ArrayList<>();
        LeaseQuery next = query;
        byte[] previousCursor = null;
        while (true) {
            int pageSize = Math.min(query.limit(), Math.max(1, max - out.size()));
            LeasePage page = fetch(client, next.withLimit(pageSize));
            int room = max - out.size();
            out.addAll(page.leases().subList(0, Math.min(room, page.leases().size())));
            byte[] cursor = page.nextCursor().orElse(null);
            if (page.leases().size() > room) {
                return new Listing(out, false);
            }
            if (cursor == null) {
                return new Listing(out, true);
            }
            if (out.size() >= max) {
                return new Listing(out, false);
            }
            if (page.leases().isEmpty() || Arrays.equals(cursor, previousCursor)) {
                throw new OmapiException(OmapiStatus.PROTOCOL_ERROR, "the server's listing does not advance");
            }
            previousCursor = cursor;
            next = next.withCursor(cursor);
        }
    }

    /** Whether the failure means the server does not know the extension's object type. */
    public static boolean isUnsupported(OmapiException failure) {
        return failure.status().equals(OmapiStatus.NOT_FOUND);
    }
}
