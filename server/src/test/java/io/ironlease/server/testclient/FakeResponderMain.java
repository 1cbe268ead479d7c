package io.ironlease.server.testclient;

import io.ironlease.server.net.DhcpTransport;
import io.ironlease.server.net.DhcpTransportConfig;
import io.ironlease.shared.net.Ipv4Address;
import java.net.InetAddress;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * Runs {@link FakeDhcpResponder} on the real transport, for manual checks with perfdhcp or dhclient
 * and for tests that need it in another process (a network namespace). Stops after --seconds, or
 * earlier when started with --until-stdin-closes and its stdin reaches end of file. Prints
 * "READY port" once bound and the counters when it stops.
 *
 * <pre>FakeResponderMain --bind 127.0.0.1 --port 6767 --server-id 127.0.0.1 --first 10.40.0.10 --size 60000
 *     [--interface eth0 ...] [--lease 600] [--seconds 60] [--until-stdin-closes]</pre>
 */
public final class FakeResponderMain {

    private FakeResponderMain() {
    }

    public static void main(String[] args) throws Exception {
        InetAddress bind = Ipv4Address.ANY.toInetAddress();
        int port = 67;
        Ipv4Address serverId = Ipv4Address.parse("127.0.0.1");
        Ipv4Address first = Ipv4Address.parse("10.40.0.10");
        int size = 1000;
        long lease = 600;
        long seconds = 60;
        List<String> interfaces = new ArrayList<>();
        boolean untilStdinCloses = false;
        for (int i = 0; i < args.length; i += 2) {
            if (args[i].equals("--until-stdin-closes")) {
                untilStdinCloses = true;
                i--;
                continue;
            }
            String value = args[i + 1];
            switch (args[i]) {
                case "--bind" -> bind = Ipv4Address.parse(value).toInetAddress();
                case "--port" -> port = Integer.parseInt(value);
                case "--server-id" -> serverId = Ipv4Address.parse(value);
                case "--first" -> first = Ipv4Address.parse(value);
                case "--size" -> size = Integer.parseInt(value);
                case "--lease" -> lease = Long.parseLong(value);
                case "--seconds" -> seconds = Long.parseLong(value);
                case "--interface" -> interfaces.add(value);
                default -> throw new IllegalArgumentException("unknown argument " + args[i]);
            }
        }
        FakeDhcpResponder responder = new FakeDhcpResponder(serverId, first, size, lease,
                Ipv4Address.parse("255.255.0.0"));
        DhcpTransportConfig config = new DhcpTransportConfig(bind, port, interfaces, true, 4 << 20, 1);
        try (DhcpTransport transport = DhcpTransport.start(config, responder, Clock.systemUTC())) {
            System.out.println("READY " + transport.ports().serverPort());
            System.out.flush();
            CountDownLatch stop = new CountDownLatch(1);
            if (untilStdinCloses) {
                Thread watcher = new Thread(() -> {
                    try {
                        while (System.in.read() >= 0) {
                            // wait for end of file
                        }
                    } catch (java.io.IOException ignored) {
                        // treat as closed
                    }
                    stop.countDown();
                }, "stdin-watcher");
                watcher.setDaemon(true);
                watcher.start();
            }
            stop.await(seconds, TimeUnit.SECONDS);
            System.out.println("COUNTERS " + transport.counters().snapshot() + " acks=" + responder.acks()
                    + " naks=" + responder.naks());
        }
    }
}
