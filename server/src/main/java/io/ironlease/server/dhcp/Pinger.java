package io.ironlease.server.dhcp;

import io.ironlease.shared.net.Ipv4Address;
import java.io.IOException;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * dhcpd's {@code ping-check}: before offering an address that was not the client's, see whether
 * something already answers at it (an ICMP echo). Runs off the engine thread; true means "in use".
 */
@FunctionalInterface
public interface Pinger {

    /** Completes with true when {@code address} answers within {@code timeout}. */
    CompletionStage<Boolean> probe(Ipv4Address address, Duration timeout);

    /**
     * ICMP echo through {@link java.net.InetAddress#isReachable} (raw ICMP when the process may, else a
     * TCP probe of port 7), on a small pool of daemon threads.
     */
    static Pinger icmp(int threads) {
        ExecutorService pool = Executors.newFixedThreadPool(threads, r -> {
            Thread t = new Thread(r, "ironlease-ping");
            t.setDaemon(true);
            return t;
        });
        return (address, timeout) -> CompletableFuture.supplyAsync(() -> {
            try {
                return address.toInetAddress().isReachable((int) Math.max(1, timeout.toMillis()));
            } catch (IOException e) {
                return false;
            }
        }, pool);
    }
}
