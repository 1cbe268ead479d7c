package io.ironlease.server.failover.link;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.ironlease.server.failover.FailoverEvent;
import io.ironlease.server.failover.LinkId;
import io.ironlease.server.failover.wire.Contact;
import io.ironlease.server.failover.wire.FailoverMessage;
import io.ironlease.server.failover.wire.StateChange;
import io.ironlease.server.failover.wire.FailoverCodec;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The peer link over real loopback sockets with hand-driven partners: framing, the events and their
 * LinkIds, malformed input (closes that connection only), unknown peers, outbound connects.
 */
class PeerLinkTest {

    private static final Duration WAIT = Duration.ofSeconds(10);

    private final ExecutorService engine = Executors.newSingleThreadExecutor();
    private final List<FailoverEvent> events = new CopyOnWriteArrayList<>();
    private PeerLink link;

    @AfterEach
    void stop() throws InterruptedException {
        if (link != null) {
            link.close();
        }
        engine.shutdownNow();
        engine.awaitTermination(5, TimeUnit.SECONDS);
    }

    private InetSocketAddress startLink(String peerAddress, int peerPort) throws Exception {
        link = PeerLink.bind(new InetSocketAddress("127.0.0.1", 0));
        link.start(new InetSocketAddress(peerAddress, peerPort), engine, events::add);
        return link.listenAddress();
    }

    @Test
    void aMalformedMessageClosesThatConnectionOnly() throws Exception {
        InetSocketAddress listen = startLink("127.0.0.1", 9);
        try (RawPeer bad = RawPeer.connect("127.0.0.1", listen)) {
            await().atMost(WAIT).until(() -> ups().size() == 1);
            RawPeer good = RawPeer.connect("127.0.0.1", listen);
            await().atMost(WAIT).until(() -> ups().size() == 2);
            LinkId badLink = ups().get(0);
            LinkId goodLink = ups().get(1);
            // a 12-byte header with message type 99, which the draft does not define
            bad.sendRaw(new byte[] {0, 12, 99, 12, 0, 0, 0, 1, 0, 0, 0, 7});
            await().atMost(WAIT).until(() -> events.contains(new FailoverEvent.ConnectionLost(badLink)));
            assertThat(events).filteredOn(e -> e instanceof FailoverEvent.ProtocolError p && p.link().equals(badLink))
                    .singleElement().satisfies(e -> assertThat(((FailoverEvent.ProtocolError) e).problem())
                            .contains("unknown message type 99"));
            assertThat(events.indexOf(new FailoverEvent.ConnectionLost(badLink)))
                    .isGreaterThan(indexOfProtocolError(badLink));
            assertThat(bad.closedByPeer()).isTrue();

            Contact contact = new Contact(1_700_000_000L, 3);
            good.send(contact);
            await().atMost(WAIT).until(() -> events.contains(new FailoverEvent.MessageReceived(goodLink, contact)));
            try (RawPeer third = RawPeer.connect("127.0.0.1", listen)) {
                await().atMost(WAIT).until(() -> ups().size() == 3);
            }
            good.close();
        }
    }

    @Test
    void anOversizedOrTruncatedLengthEndsTheConnection() throws Exception {
        InetSocketAddress listen = startLink("127.0.0.1", 9);
        try (RawPeer huge = RawPeer.connect("127.0.0.1", listen); RawPeer tiny = RawPeer.connect("127.0.0.1", listen)) {
            await().atMost(WAIT).until(() -> ups().size() == 2);
            huge.sendRaw(new byte[] {(byte) 0xff, (byte) 0xff, 3, 12}); // 65535 > 2048: never buffered
            tiny.sendRaw(new byte[] {0, 1, 3, 12}); // shorter than its own length field
            await().atMost(WAIT).until(() -> events.stream().filter(e -> e instanceof FailoverEvent.ProtocolError).count() == 2
                    && events.stream().filter(e -> e instanceof FailoverEvent.ConnectionLost).count() == 2);
            assertThat(huge.closedByPeer()).isTrue();
            assertThat(tiny.closedByPeer()).isTrue();
        }
    }

    @Test
    void connectionsFromAnyOtherAddressThanThePartnersAreRefused() throws Exception {
        InetSocketAddress listen = startLink("127.0.0.2", 9);
        try (RawPeer stranger = RawPeer.connect("127.0.0.1", listen)) {
            assertThat(stranger.closedByPeer()).isTrue();
        }
        try (RawPeer partner = RawPeer.connect("127.0.0.2", listen)) {
            await().atMost(WAIT).until(() -> ups().size() == 1);
        }
        assertThat(events.get(0)).isInstanceOf(FailoverEvent.ConnectionUp.class);
    }

    @Test
    void connectReportsTheConnectionAndSendsInOrderBeforeClosing() throws Exception {
        try (ServerSocket partner = new ServerSocket()) {
            partner.bind(new InetSocketAddress("127.0.0.1", 0));
            startLink("127.0.0.1", partner.getLocalPort());
            link.connect();
            try (Socket accepted = partner.accept(); RawPeer peer = RawPeer.wrap(accepted)) {
                assertThat(accepted.getInetAddress().getHostAddress()).isEqualTo("127.0.0.1");
                await().atMost(WAIT).until(() -> ups().size() == 1);
                LinkId id = ups().get(0);
                List<FailoverMessage> sent = List.of(new StateChange(1_700_000_000L, 0, 6, 1, 1_700_000_000L),
                        new Contact(1_700_000_001L, 1));
                engine.submit(() -> {
                    sent.forEach(m -> link.send(id, m));
                    link.flush();
                    link.close(id, "test");
                }).get(10, TimeUnit.SECONDS);
                assertThat(peer.read()).contains(sent.get(0));
                assertThat(peer.read()).contains(sent.get(1));
                assertThat(peer.read()).isEmpty();
                await().atMost(WAIT).until(() -> events.contains(new FailoverEvent.ConnectionLost(id)));
            }
        }
    }

    @Test
    void aRefusedConnectIsReportedAsAFailedAttempt() throws Exception {
        int closedPort;
        try (ServerSocket probe = new ServerSocket(0, 1, java.net.InetAddress.getByName("127.0.0.1"))) {
            closedPort = probe.getLocalPort();
        }
        startLink("127.0.0.1", closedPort);
        link.connect();
        await().atMost(WAIT).until(() -> events.contains(new FailoverEvent.ConnectAttemptFailed()));
        assertThat(link.openLinks()).isEmpty();
    }

    @Test
    void aStalledEngineStopsTheReadingAndLosesNothing() throws Exception {
        ThreadPoolExecutor slow = new ThreadPoolExecutor(1, 1, 0, TimeUnit.SECONDS, new LinkedBlockingQueue<>());
        link = PeerLink.bind(new InetSocketAddress("127.0.0.1", 0));
        link.start(new InetSocketAddress("127.0.0.1", 9), slow, events::add);
        CountDownLatch release = new CountDownLatch(1);
        int count = 40_000; // 480 KB of CONTACTs, far more than the engine may have waiting
        try (RawPeer peer = RawPeer.connect("127.0.0.1", link.listenAddress())) {
            await().atMost(WAIT).until(() -> ups().size() == 1);
            slow.execute(() -> {
                try {
                    release.await(60, TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            });
            Thread sender = new Thread(() -> {
                try {
                    ByteArrayOutputStream all = new ByteArrayOutputStream();
                    for (int xid = 0; xid < count; xid++) {
                        all.writeBytes(FailoverCodec.encode(new Contact(1_700_000_000L, xid)));
                    }
                    peer.sendRaw(all.toByteArray()); // blocks while the link does not read: that is the point
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }, "sender");
            sender.start();
            int bound = PeerLink.MAX_QUEUED_EVENTS + PeerLink.MAX_READ_BYTES / 12 + 1;
            await().atMost(WAIT).until(() -> slow.getQueue().size() >= PeerLink.MAX_QUEUED_EVENTS);
            await().during(Duration.ofMillis(500)).atMost(WAIT).until(() -> slow.getQueue().size() <= bound);
            release.countDown();
            await().atMost(Duration.ofSeconds(30)).until(() -> events.size() == count + 1);
            sender.join(10_000);
            long[] xids = events.stream().filter(e -> e instanceof FailoverEvent.MessageReceived)
                    .mapToLong(e -> ((FailoverEvent.MessageReceived) e).message().xid()).toArray();
            assertThat(xids).hasSize(count);
            for (int i = 0; i < count; i++) {
                assertThat(xids[i]).isEqualTo(i);
            }
        } finally {
            release.countDown();
            link.close();
            link = null;
            slow.shutdownNow();
        }
    }

    private List<LinkId> ups() {
        return events.stream().filter(e -> e instanceof FailoverEvent.ConnectionUp)
                .map(e -> ((FailoverEvent.ConnectionUp) e).link()).toList();
    }

    private int indexOfProtocolError(LinkId link) {
        for (int i = 0; i < events.size(); i++) {
            if (events.get(i) instanceof FailoverEvent.ProtocolError p && p.link().equals(link)) {
                return i;
            }
        }
        return -1;
    }
}
