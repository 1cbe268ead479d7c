package io.ironlease.server.alloc;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Addresses offered and not yet requested: each held for one client until it requests it, another
 * offer replaces it, or it expires (all offers live equally long and are never extended, a repeated
 * DISCOVER gets a new one, so a FIFO finds the expired ones).
 * dhcpd does not write offers to the lease file, and neither do we.
 */
final class OfferTable {

    static final class Offer {
        final int ip;
        final ClientId client;
        final RangeSlots range;
        final long expires;
        boolean live = true;

        Offer(int ip, ClientId client, RangeSlots range, long expires) {
            this.ip = ip;
            this.client = client;
            this.range = range;
            this.expires = expires;
        }
    }

    private final Map<Integer, Offer> byIp = new HashMap<>();
    private final Map<ClientId, Offer> byClient = new HashMap<>();
    private final ArrayDeque<Offer> fifo = new ArrayDeque<>();

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
        fifo.add(offer);
    }

    /** Forgets an offer (taken, replaced or withdrawn). */
    void remove(Offer offer) {
        if (!offer.live) {
            return;
        }
        offer.live = false;
        byIp.remove(offer.ip, offer);
        byClient.remove(offer.client, offer);
    }

    /** Removes and returns the offers that expired at {@code now}. */
    List<Offer> expire(long now) {
        List<Offer> expired = new ArrayList<>();
        while (!fifo.isEmpty()) {
            Offer head = fifo.peek();
            if (!head.live) {
                fifo.poll();
                continue;
            }
            if (head.expires > now) {
                break;
            }
            fifo.poll();
            remove(head);
            expired.add(head);
        }
        return expired;
    }

    int size() {
        return byIp.size();
    }
}
