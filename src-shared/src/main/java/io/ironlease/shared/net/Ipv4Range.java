package io.ironlease.shared.net;

import java.util.Iterator;
import java.util.NoSuchElementException;

/** An inclusive range of IPv4 addresses, as a dhcpd.conf {@code range A B;} statement names it. */
public record Ipv4Range(Ipv4Address first, Ipv4Address last) implements Iterable<Ipv4Address> {

    public Ipv4Range {
        if (first.compareTo(last) > 0) {
            throw new IllegalArgumentException("range starts after it ends: " + first + " - " + last);
        }
    }

    /** A range written backwards ({@code range B A}) is accepted by dhcpd; so we normalise. */
    public static Ipv4Range ofEither(Ipv4Address a, Ipv4Address b) {
        return a.compareTo(b) <= 0 ? new Ipv4Range(a, b) : new Ipv4Range(b, a);
    }

    public static Ipv4Range single(Ipv4Address address) {
        return new Ipv4Range(address, address);
    }

    public long size() {
        return last.toLong() - first.toLong() + 1;
    }

    public boolean contains(Ipv4Address address) {
        return first.compareTo(address) <= 0 && address.compareTo(last) <= 0;
    }

    public boolean contains(Ipv4Range other) {
        return contains(other.first) && contains(other.last);
    }

    public boolean overlaps(Ipv4Range other) {
        return first.compareTo(other.last) <= 0 && other.first.compareTo(last) <= 0;
    }

    /** The position of an address inside the range, 0 for {@link #first}. */
    public long indexOf(Ipv4Address address) {
        if (!contains(address)) {
            throw new IllegalArgumentException(address + " is outside " + this);
        }
        return address.toLong() - first.toLong();
    }

    @Override
    public Iterator<Ipv4Address> iterator() {
        return new Iterator<>() {
            private long next = first.toLong();

            @Override
            public boolean hasNext() {
                return next <= last.toLong();
            }

            @Override
            public Ipv4Address next() {
                if (!hasNext()) {
                    throw new NoSuchElementException();
                }
                return Ipv4Address.fromLong(next++);
            }
        };
    }

    @Override
    public String toString() {
        return first + " - " + last;
    }
}
