package io.ironlease.server.testclient;

import io.ironlease.server.failover.HashBucketAssignment;
import io.ironlease.server.failover.LoadBalanceHash;
import io.ironlease.shared.net.Ipv4Address;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

/**
 * A probe for failover benchmarks (scripts/bench/failover): as a relay at {@code RELAY:PORT}, starts a
 * DORA every {@code INTERVAL_MS} for a new simulated client whose RFC 3074 hash (split 128) gives it to
 * the other server of the pair, sent to {@code SERVER} only. While the pair is normal the server ignores
 * them; once it takes over, it answers. Prints {@code READY}, then {@code FIRST_ACK <epoch ms> <address>}
 * at the first DHCPACK, or {@code NO_ACK} after {@code MAX_SECONDS}. Test-only, bounded in time and in
 * exchanges in flight.
 *
 * <pre>TakeoverProbeMain RELAY PORT SERVER primary|secondary MAX_SECONDS [INTERVAL_MS]</pre>
 * ({@code primary}: probe with clients the primary would serve.)
 */
public final class TakeoverProbeMain {

    private TakeoverProbeMain() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length < 5) {
            System.err.println("usage: TakeoverProbeMain RELAY PORT SERVER primary|secondary MAX_SECONDS [INTERVAL_MS]");
            System.exit(2);
        }
        int port = Integer.parseInt(args[1]);
        boolean primaryClients = args[3].equals("primary");
        long maxMillis = Long.parseLong(args[4]) * 1000;
        long interval = args.length > 5 ? Long.parseLong(args[5]) : 10;
        HashBucketAssignment split = HashBucketAssignment.split(128);
        RelayTestClient.Config config = new RelayTestClient.Config(
                new InetSocketAddress(Ipv4Address.parse(args[2]).toInetAddress(), port),
                Ipv4Address.parse(args[0]).toInetAddress(), port, Duration.ofMillis(500), 1, false);
        AtomicReference<String> first = new AtomicReference<>();
        try (RelayTestClient relay = RelayTestClient.open(config)) {
            System.out.println("READY");
            System.out.flush();
            Semaphore inFlight = new Semaphore(200);
            long start = System.currentTimeMillis();
            int index = 0x7000_0000;
            while (first.get() == null && System.currentTimeMillis() - start < maxMillis) {
                RelayTestClient.SimulatedClient client;
                do {
                    client = relay.client(++index);
                } while (split.isPrimaryBucket(LoadBalanceHash.hash(client.clientId())) != primaryClients);
                if (inFlight.tryAcquire(interval, TimeUnit.MILLISECONDS)) {
                    CompletableFuture<RelayTestClient.Lease> dora = relay.doraAsync(client);
                    dora.whenComplete((lease, error) -> {
                        inFlight.release();
                        if (lease != null) {
                            first.compareAndSet(null, System.currentTimeMillis() + " " + lease.address());
                        }
                    });
                }
                TimeUnit.MILLISECONDS.sleep(interval);
            }
        }
        if (first.get() == null) {
            System.out.println("NO_ACK");
            System.exit(1);
        }
        System.out.println("FIRST_ACK " + first.get());
    }
}
