package io.ironlease.server.omapi;

import io.ironlease.omapi.client.OmapiClient;
import io.ironlease.omapi.client.OpenFlag;
import io.ironlease.omapi.wire.OmapiValues;
import io.ironlease.shared.keys.KeyAlgorithm;
import io.ironlease.shared.keys.OmapiKey;
import io.ironlease.shared.net.Ipv4Address;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.nio.NioIoHandler;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The measuring side of {@link OmapiBench}, one JVM per server: reads {@code MODE LOOKUPS} lines
 * ({@code cNwM}: N connections, M requests in flight on each), answers {@code RESULT MODE RATE} or
 * {@code RESULT MODE FAILED reason}. Connections of a mode are opened on first use and kept.
 * Arguments: host port key-name key-secret leases (lookups cycle over 192.168.100.100 upwards).
 */
public final class BenchClientMain {

    private BenchClientMain() {
    }

    public static void main(String[] args) throws Exception {
        String host = args[0];
        int port = Integer.parseInt(args[1]);
        OmapiKey key = OmapiKey.fromBase64(args[2], KeyAlgorithm.HMAC_MD5, args[3]);
        int leases = Integer.parseInt(args[4]);
        OmapiValues[] keys = new OmapiValues[leases];
        for (int i = 0; i < leases; i++) {
            keys[i] = OmapiValues.builder().putIpv4("ip-address", Ipv4Address.parse("192.168.100." + (100 + i))).build();
        }
        EventLoopGroup group = new MultiThreadIoEventLoopGroup(2, NioIoHandler.newFactory());
        Map<String, List<OmapiClient>> open = new HashMap<>();
        BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
        try {
            String line;
            while ((line = in.readLine()) != null) {
                String[] f = line.split(" ");
                String mode = f[0];
                int lookups = Integer.parseInt(f[1]);
                String[] parts = mode.substring(1).split("w");
                int connections = Integer.parseInt(parts[0]);
                int window = Integer.parseInt(parts[1]);
                try {
                    List<OmapiClient> clients = open.get(mode);
                    if (clients == null) {
                        clients = new ArrayList<>();
                        for (int c = 0; c < connections; c++) {
                            clients.add(OmapiClient.builder().key(key).eventLoopGroup(group)
                                    .requestTimeout(Duration.ofSeconds(30)).connect(host, port));
                        }
                        open.put(mode, clients);
                    }
                    double rate = once(clients, keys, lookups, window);
                    System.out.printf(Locale.ROOT, "RESULT %s %.0f%n", mode, rate);
                } catch (Exception e) {
                    System.out.println("RESULT " + mode + " FAILED " + e.toString().replace('\n', ' '));
                    List<OmapiClient> broken = open.remove(mode);
                    if (broken != null) {
                        broken.forEach(OmapiClient::close);
                    }
                }
                System.out.flush();
            }
        } finally {
            open.values().forEach(list -> list.forEach(OmapiClient::close));
            group.shutdownGracefully(0, 1, TimeUnit.SECONDS).syncUninterruptibly();
        }
    }

    /** Lookups over the connections, each keeping {@code window} in flight; lookups per second, or throws. */
    private static double once(List<OmapiClient> clients, OmapiValues[] keys, int lookups, int window) throws Exception {
        Run run = new Run(keys, lookups);
        long start = System.nanoTime();
        for (OmapiClient client : clients) {
            for (int w = 0; w < window; w++) {
                run.issue(client);
            }
        }
        if (!run.done.await(10, TimeUnit.MINUTES)) {
            throw new IllegalStateException("lookups did not finish within 10 minutes");
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        if (run.failures.get() > 0) {
            throw new IllegalStateException(run.failures.get() + " lookups failed, first: " + run.first);
        }
        return lookups / seconds;
    }

    /** One measurement: each completed lookup issues the next on its connection until all are done. */
    private static final class Run {
        final OmapiValues[] keys;
        final int lookups;
        final AtomicLong issued = new AtomicLong();
        final AtomicLong completed = new AtomicLong();
        final AtomicInteger failures = new AtomicInteger();
        final CountDownLatch done = new CountDownLatch(1);
        volatile Throwable first;

        Run(OmapiValues[] keys, int lookups) {
            this.keys = keys;
            this.lookups = lookups;
        }

        void issue(OmapiClient client) {
            long n = issued.getAndIncrement();
            if (n >= lookups) {
                return;
            }
            client.openAsync("lease", keys[(int) (n % keys.length)], EnumSet.noneOf(OpenFlag.class))
                    .whenComplete((reply, error) -> {
                        if (error != null || reply.values().int32("state").orElse(0) != 2) {
                            // stop at the first failure: a closed connection fails every later request at once
                            if (failures.getAndIncrement() == 0) {
                                first = error != null ? error : new IllegalStateException("not active: " + reply);
                                done.countDown();
                            }
                            return;
                        }
                        if (completed.incrementAndGet() == lookups) {
                            done.countDown();
                        } else {
                            issue(client);
                        }
                    });
        }
    }
}
