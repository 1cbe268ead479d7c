package io.ironlease.server.testclient;

import io.ironlease.server.dhcp.DhcpCodec;
import io.ironlease.server.dhcp.DhcpPacket;
import io.ironlease.server.dhcp.DhcpParseException;
import io.ironlease.server.dhcp.MessageType;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.StandardSocketOptions;
import java.nio.ByteBuffer;
import java.nio.channels.ClosedChannelException;
import java.nio.channels.DatagramChannel;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The relay socket of {@link RelayTestClient}: sends requests to the server, matches replies to
 * pending exchanges by xid and chaddr, retransmits on a timer, records ACKs. One receive thread;
 * everything it waits for is bounded by the channel's close.
 */
final class ReplyReceiver implements AutoCloseable {

    private record Pending(DhcpPacket request, byte[] bytes, MessageType expected, CompletableFuture<DhcpPacket> done) {
    }

    private final DatagramChannel channel;
    private final List<InetSocketAddress> servers;
    private final Clock clock;
    private final ConcurrentHashMap<Integer, Pending> pending = new ConcurrentHashMap<>();
    private final List<AckRecord> acks = new ArrayList<>();
    private final List<AckRecord> offers = new ArrayList<>();
    private final AtomicLong naks = new AtomicLong();
    private final ScheduledExecutorService timer;
    private final Thread thread;
    private volatile boolean closed;

    private ReplyReceiver(DatagramChannel channel, List<InetSocketAddress> servers, Clock clock) {
        this.channel = channel;
        this.servers = List.copyOf(servers);
        this.clock = clock;
        this.timer = Executors.newSingleThreadScheduledExecutor(r -> daemon(r, "relay-test-timer"));
        this.thread = daemon(this::receiveLoop, "relay-test-receiver");
    }

    static ReplyReceiver bind(InetSocketAddress local, List<InetSocketAddress> servers, Clock clock)
            throws IOException {
        DatagramChannel channel = DatagramChannel.open();
        try {
            channel.setOption(StandardSocketOptions.SO_REUSEADDR, true);
            channel.setOption(StandardSocketOptions.SO_RCVBUF, 4 << 20);
            channel.bind(local);
        } catch (IOException e) {
            channel.close();
            throw new IOException("cannot bind the relay test client to " + local + ": " + e.getMessage(), e);
        }
        ReplyReceiver receiver = new ReplyReceiver(channel, servers, clock);
        receiver.thread.start();
        return receiver;
    }

    private static Thread daemon(Runnable r, String name) {
        Thread t = new Thread(r, name);
        t.setDaemon(true);
        return t;
    }

    void send(DhcpPacket packet) throws IOException {
        byte[] bytes = DhcpCodec.encode(packet);
        for (InetSocketAddress server : servers) {
            channel.send(ByteBuffer.wrap(bytes), server);
        }
    }

    CompletableFuture<DhcpPacket> exchange(DhcpPacket request, MessageType expected, Duration timeout, int attempts) {
        Pending p = new Pending(request, DhcpCodec.encode(request), expected, new CompletableFuture<>());
        pending.put(request.xid(), p);
        transmit(p, attempts, timeout);
        p.done.whenComplete((r, e) -> pending.remove(request.xid(), p));
        return p.done;
    }

    private void transmit(Pending p, int attemptsLeft, Duration timeout) {
        if (p.done.isDone() || closed) {
            return;
        }
        if (attemptsLeft == 0) {
            p.done.completeExceptionally(new DhcpExchangeException(DhcpExchangeException.Reason.TIMEOUT,
                    p.request.messageType().orElseThrow() + " xid " + Integer.toHexString(p.request.xid())
                    + " got no " + p.expected));
            return;
        }
        try {
            for (InetSocketAddress server : servers) {
                channel.send(ByteBuffer.wrap(p.bytes), server);
            }
        } catch (IOException e) {
            p.done.completeExceptionally(e);
            return;
        }
        timer.schedule(() -> transmit(p, attemptsLeft - 1, timeout), timeout.toMillis(), TimeUnit.MILLISECONDS);
    }

    private void receiveLoop() {
        ByteBuffer buffer = ByteBuffer.allocate(65536);
        while (!closed) {
            buffer.clear();
            try {
                channel.receive(buffer);
            } catch (ClosedChannelException e) {
                return;
            } catch (IOException e) {
                continue;
            }
            buffer.flip();
            DhcpPacket reply;
            try {
                reply = DhcpCodec.decode(buffer);
            } catch (DhcpParseException e) {
                continue;
            }
            onReply(reply);
        }
    }

    private void onReply(DhcpPacket reply) {
        MessageType type = reply.messageType().orElse(null);
        if (type == MessageType.DHCPACK) {
            synchronized (acks) {
                acks.add(new AckRecord(reply.xid(), reply.chaddr(), reply.yiaddr(), reply.options().leaseTime(),
                        reply.options().serverIdentifier(),
                        reply.yiaddr().isAny() ? MessageType.DHCPINFORM : MessageType.DHCPREQUEST, clock.instant()));
            }
        } else if (type == MessageType.DHCPOFFER) {
            synchronized (offers) {
                offers.add(new AckRecord(reply.xid(), reply.chaddr(), reply.yiaddr(), reply.options().leaseTime(),
                        reply.options().serverIdentifier(), MessageType.DHCPDISCOVER, clock.instant()));
            }
        } else if (type == MessageType.DHCPNAK) {
            naks.incrementAndGet();
        }
        Pending p = pending.get(reply.xid());
        if (p == null || !p.request.chaddr().equals(reply.chaddr())) {
            return;
        }
        if (type == p.expected) {
            p.done.complete(reply);
        } else if (type == MessageType.DHCPNAK) {
            p.done.completeExceptionally(new DhcpExchangeException(DhcpExchangeException.Reason.NAK,
                    reply.options().text(56).orElse("no message") + " for " + reply.chaddr()));
        }
    }

    List<AckRecord> acks() {
        synchronized (acks) {
            return List.copyOf(acks);
        }
    }

    List<AckRecord> offers() {
        synchronized (offers) {
            return List.copyOf(offers);
        }
    }

    long naks() {
        return naks.get();
    }

    @Override
    public void close() {
        closed = true;
        try {
            channel.close();
        } catch (IOException ignored) {
            // closing anyway
        }
        timer.shutdownNow();
        pending.values().forEach(p -> p.done.completeExceptionally(new ClosedChannelException()));
        try {
            thread.join(2000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
