package io.ironlease.server.alloc;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * Addresses offered and not yet requested: each held for one client until it requests it, another
 * offer replaces it, or it expires. Expired offers are swept by the engine's timer; an offer taken by
 * a REQUEST is forgotten at once, so memory holds only the offers still waiting (a handful under a
 * steady DORA load). dhcpd does not write offers to the lease file, and neither do we.
 */
final class OfferTable {

    static final class Offer {
        final int ip;
        final ClientId client;
        final RangeSlots range;
        final long expires;

        Offer(int ip, ClientId client, RangeSlots range, long expires) {
            this.ip = ip;
            this.client = client;
            this.range = range;
            this.expires = expires;
        }
    }

    private final Map<Integer, Offer> byIp = new HashMap<>();
    private final Map<ClientId, Offer> byClient = new HashMap<>();

    Offer at(int ip) {
        return byIp.get(ip);
    }

    Offer of(ClientId client) {
        return byClient.get(client);
    }

    /** Records an offer; the caller has released the client's previous one. */
    void add(Offer offer) {
        byIp.put(offer.ip, offer);
        byClient.put(offer.client, offer);
    }

    /** Forgets an offer (taken, replaced or withdrawn). */
    void remove(Offer offer) {
        byIp.remove(offer.ip, offer);
        byClient.remove(offer.client, offer);
    }

    /** Removes and returns the offers that expired at {@code now}. */
    List<Offer> expire(long now) {
        List<Offer> expired = new ArrayList<>();
        for (Iterator<Offer> it = byIp.values().iterator(); it.hasNext();) {
            Offer o = it.next();
            if (o.expires <= now) {
                it.remove();
                byClient.remove(o.client, o);
                expired.add(o);
            }
        }
        return expired;
    }

    int size() {
        return byIp.size();
    }
}
