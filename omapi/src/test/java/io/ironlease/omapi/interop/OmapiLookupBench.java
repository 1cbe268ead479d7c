package io.ironlease.omapi.interop;

import io.ironlease.omapi.client.OmapiClient;
import io.ironlease.omapi.client.OmapiObject;
import io.ironlease.omapi.client.OpenFlag;
import io.ironlease.omapi.server.OmapiServer;
import io.ironlease.omapi.testing.GoldenVectors;
import io.ironlease.omapi.testing.MemoryLeaseProvider;
import io.ironlease.omapi.wire.OmapiValues;
import io.ironlease.shared.keys.OmapiKey;
import io.ironlease.shared.net.HardwareAddress;
import io.ironlease.shared.net.Ipv4Address;
import java.net.InetAddress;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.EnumSet;
import java.util.Set;
import java.util.concurrent.CompletableFuture;

/**
 * Lease lookups per second over one authenticated connection, our client against our server and
 * (with {@code --isc}, needs root) against ISC dhcpd in a namespace, in the same run: one at a time
 * and with N in flight. A benchmark, not a test: {@code java -cp ... OmapiLookupBench [--isc] [N]}.
 */
public final class OmapiLookupBench {

    private static final OmapiKey KEY = GoldenVectors.labKey();
    private static final Set<OpenFlag> NONE = EnumSet.noneOf(OpenFlag.class);

    private OmapiLookupBench() {
    }

    public static void main(String[] args) throws Exception {
        boolean isc = Set.of(args).contains("--isc");
        int lookups = 20_000;
        for (String arg : args) {
            if (arg.matches("\\d+")) {
                lookups = Integer.parseInt(arg);
            }
        }
        MemoryLeaseProvider leases = new MemoryLeaseProvider(null);
        for (int i = 0; i < 3; i++) {
            leases.add(new MemoryLeaseProvider.Lease(2, Ipv4Address.parse("192.168.100." + (100 + i)),
                    new byte[] {1, 0x52, 0x54, 0, (byte) 0xaa, 0, (byte) (i + 1)}, "bench-" + i,
                    HardwareAddress.parseEthernet("52:54:00:aa:00:0" + (i + 1)), 2_000_000_000L, 1_900_000_000L, 0,
                    1_900_000_000L));
        }
        try (OmapiServer ours = OmapiServer.builder().port(0).bindAddress(InetAddress.getLoopbackAddress()).key(KEY)
                .provider(leases).build().start()) {
            run("ironlease", ours.port(), lookups, new int[] {1, 8, 32, 256});
        }
        if (isc) {
            try (NetnsDhcpd dhcpd = new NetnsDhcpd(KEY, Instant.now())) {
                run("isc-dhcpd (via relay)", dhcpd.port(), lookups, new int[] {1, 8});
            }
        }
    }

    private static void run(String name, int port, int lookups, int[] windows) throws Exception {
        try (OmapiClient client = OmapiClient.builder().key(KEY).requestTimeout(Duration.ofSeconds(30))
                .connect("127.0.0.1", port)) {
            measure(client, lookups / 4, 8);
            for (int window : windows) {
                double rate = measure(client, lookups, window);
                System.out.printf("%-24s in flight %3d: %,10.0f lookups/s (%d lookups)%n", name, window, rate, lookups);
            }
        }
    }

    private static double measure(OmapiClient client, int lookups, int window) throws Exception {
        OmapiValues[] keys = new OmapiValues[3];
        for (int i = 0; i < 3; i++) {
            keys[i] = OmapiValues.builder().putIpv4("ip-address", Ipv4Address.parse("192.168.100." + (100 + i))).build();
        }
        ArrayDeque<CompletableFuture<OmapiObject>> inFlight = new ArrayDeque<>();
        long start = System.nanoTime();
        for (int i = 0; i < lookups; i++) {
            if (inFlight.size() == window) {
                inFlight.poll().get();
            }
            inFlight.add(client.openAsync("lease", keys[i % 3], NONE));
        }
        while (!inFlight.isEmpty()) {
            inFlight.poll().get();
        }
        return lookups / ((System.nanoTime() - start) / 1e9);
    }
}
