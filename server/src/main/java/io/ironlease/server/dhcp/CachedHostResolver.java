package io.ironlease.server.dhcp;

import io.ironlease.shared.net.Ipv4Address;
import io.ironlease.shared.options.HostResolver;
import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Host names in option values and fixed addresses ({@code option domain-name-servers redos.test;}),
 * resolved off the hot path: {@link #resolve} only reads a cache, which a background thread fills at
 * start and refreshes periodically. A name that does not resolve is logged once
 * ({@code DNS_NAME_UNRESOLVED}) and the option that carries it is left out of replies, as dhcpd does;
 * the lease is still granted. {@link #generation()} changes when any answer changes, so encoded
 * option caches know when to rebuild.
 */
public final class CachedHostResolver implements HostResolver, AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(CachedHostResolver.class);

    private final Function<String, List<Ipv4Address>> lookup;
    private final Map<String, List<Ipv4Address>> cache = new ConcurrentHashMap<>();
    private final Set<String> names = ConcurrentHashMap.newKeySet();
    private final Set<String> reportedUnresolved = ConcurrentHashMap.newKeySet();
    private final AtomicInteger generation = new AtomicInteger();
    private ScheduledExecutorService refresher;

    /** @param lookup blocking resolution of one name (empty when it does not resolve); never called on the hot path */
    public CachedHostResolver(Function<String, List<Ipv4Address>> lookup) {
        this.lookup = lookup;
    }

    /** Resolution through the system resolver (IPv4 answers only). */
    public static CachedHostResolver system() {
        return new CachedHostResolver(CachedHostResolver::systemLookup);
    }

    static List<Ipv4Address> systemLookup(String name) {
        try {
            List<Ipv4Address> out = new ArrayList<>();
            for (InetAddress a : InetAddress.getAllByName(name)) {
                if (a instanceof Inet4Address) {
                    out.add(Ipv4Address.of(a));
                }
            }
            return out;
        } catch (UnknownHostException e) {
            return List.of();
        }
    }

    /** Adds names to resolve and refresh. */
    public void register(Collection<String> hostNames) {
        names.addAll(hostNames);
    }

    public Set<String> names() {
        return Set.copyOf(names);
    }

    /** Resolves every registered name now (blocking: call off the hot path). */
    public void refreshNow() {
        for (String name : names) {
            List<Ipv4Address> answer;
            try {
                answer = List.copyOf(lookup.apply(name));
            } catch (RuntimeException e) {
                answer = List.of();
            }
            List<Ipv4Address> old = cache.put(name, answer);
            if (!answer.equals(old)) {
                generation.incrementAndGet();
                if (answer.isEmpty()) {
                    reportUnresolved(name);
                } else {
                    reportedUnresolved.remove(name);
                    LOG.info("DNS_NAME_RESOLVED {} -> {}", name, answer);
                }
            }
        }
    }

    /** Refreshes in the background every {@code interval}, starting now; waits up to {@code initialWait} for the first round. */
    public void start(Duration interval, Duration initialWait) {
        if (names.isEmpty()) {
            return;
        }
        refresher = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "ironlease-dns");
            t.setDaemon(true);
            return t;
        });
        var first = refresher.submit(this::refreshNow);
        refresher.scheduleWithFixedDelay(this::refreshNow, interval.toMillis(), interval.toMillis(),
                TimeUnit.MILLISECONDS);
        try {
            first.get(initialWait.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (java.util.concurrent.ExecutionException | java.util.concurrent.TimeoutException e) {
            LOG.warn("DNS_SLOW the first resolution of {} is still running; options naming them wait for it", names);
        }
    }

    @Override
    public List<Ipv4Address> resolve(String hostName) {
        List<Ipv4Address> answer = cache.get(hostName);
        if (answer == null) {
            if (names.add(hostName)) {
                generation.incrementAndGet();
            }
            return List.of();
        }
        if (answer.isEmpty()) {
            reportUnresolved(hostName);
        }
        return answer;
    }

    private void reportUnresolved(String name) {
        if (reportedUnresolved.add(name)) {
            LOG.warn("DNS_NAME_UNRESOLVED {} does not resolve to an IPv4 address; options naming it are left out of "
                    + "replies until it does (leases are still granted)", name);
        }
    }

    /** Changes whenever a cached answer changes. */
    public int generation() {
        return generation.get();
    }

    @Override
    public void close() {
        if (refresher != null) {
            refresher.shutdownNow();
        }
    }
}
