package io.ironlease.server.failover.link;

import io.ironlease.server.failover.FailoverEvent;
import io.ironlease.server.failover.LinkId;
import io.ironlease.server.failover.wire.FailoverCodec;
import io.ironlease.server.failover.wire.FailoverMessage;
import io.netty.bootstrap.Bootstrap;
import io.netty.bootstrap.ServerBootstrap;
import io.netty.channel.AdaptiveRecvByteBufAllocator;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.WriteBufferWaterMark;
import io.netty.channel.epoll.Epoll;
import io.netty.channel.epoll.EpollIoHandler;
import io.netty.channel.epoll.EpollServerSocketChannel;
import io.netty.channel.epoll.EpollSocketChannel;
import io.netty.channel.nio.NioIoHandler;
import io.netty.channel.socket.SocketChannel;
import io.netty.channel.socket.nio.NioServerSocketChannel;
import io.netty.channel.socket.nio.NioSocketChannel;
import io.netty.handler.codec.LengthFieldBasedFrameDecoder;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The TCP side of one failover relationship (FAILOVER-NOTES §1): listens on the local address and
 * port, connects to the partner when the state machine says {@code OpenConnection} (from the local
 * address, as ISC does, because the partner accepts only connections from its configured peer
 * address), frames with the {@link FailoverCodec} {@code FRAME_*} constants and reports
 * ConnectionUp, ConnectionLost, MessageReceived, ProtocolError and ConnectAttemptFailed, each with the
 * connection's {@link LinkId}, on the lease-engine executor and in order per connection.
 *
 * <p>One connection, as ISC keeps: at most one connect attempt at a time, connections from any other
 * address than the partner's are refused, and when both servers connect at once the handshake keeps
 * one (the secondary refuses a second CONNECT with reject-reason 7, the state machine closes the
 * other). Bounded: messages over 2048 bytes end the connection; once {@link #MAX_QUEUED_EVENTS}
 * events of a connection wait for the engine it stops reading (so at most that many plus one read
 * of {@link #MAX_READ_BYTES} are held); and a partner that leaves more than
 * {@link #MAX_OUTBOUND_BYTES} unread loses the connection. Netty's epoll transport when available,
 * NIO otherwise; one event loop thread, which never blocks.
 */
public final class PeerLink implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(PeerLink.class);

    /** ISC retries the connect every 5 s; an attempt itself gives up after as long. */
    public static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(5);
    public static final int MAX_QUEUED_EVENTS = 64;
    public static final int MAX_OUTBOUND_BYTES = 1 << 20;
    /** Bytes per socket read: what one read decodes may overshoot {@link #MAX_QUEUED_EVENTS} by at most this. */
    public static final int MAX_READ_BYTES = 16 * 1024;
    /** Connections open at once (both directions); more are refused at accept. */
    public static final int MAX_CONNECTIONS = 4;

    private final EventLoopGroup group;
    private final boolean epoll;
    private volatile Channel listener;
    private final AtomicLong ids = new AtomicLong();
    private final Map<LinkId, Channel> open = new ConcurrentHashMap<>();
    private final Set<Channel> unflushed = new HashSet<>();
    private final AtomicBoolean connecting = new AtomicBoolean();
    private volatile boolean closed;
    private volatile Started started;
    private boolean lastConnectFailed;

    private record Started(InetSocketAddress peer, Executor executor, Consumer<FailoverEvent> sink) {
    }

    private PeerLink(EventLoopGroup group, boolean epoll) {
        this.group = group;
        this.epoll = epoll;
    }

    /**
     * Binds the listener (port 0 picks a free one, see {@link #listenAddress}). Accepted connections are
     * closed until {@link #start}.
     */
    public static PeerLink bind(InetSocketAddress listen) throws IOException {
        boolean epoll = Epoll.isAvailable();
        EventLoopGroup group = new MultiThreadIoEventLoopGroup(1,
                epoll ? EpollIoHandler.newFactory() : NioIoHandler.newFactory());
        PeerLink self = new PeerLink(group, epoll);
        ServerBootstrap server = new ServerBootstrap().group(group)
                .channelFactory(() -> epoll ? new EpollServerSocketChannel() : new NioServerSocketChannel())
                .option(ChannelOption.SO_REUSEADDR, true)
                .option(ChannelOption.SO_BACKLOG, 8)
                .childHandler(new ChannelInitializer<SocketChannel>() {
                    @Override
                    protected void initChannel(SocketChannel ch) {
                        self.configure(ch, false);
                    }
                });
        ChannelFuture bound = server.bind(listen).awaitUninterruptibly();
        if (!bound.isSuccess()) {
            group.shutdownGracefully(0, 1, TimeUnit.SECONDS).awaitUninterruptibly();
            throw new IOException("failover listener on " + listen + ": " + bound.cause().getMessage(), bound.cause());
        }
        self.listener = bound.channel();
        LOG.info("FAILOVER_LINK_LISTEN address={} transport={}", bound.channel().localAddress(), epoll ? "epoll" : "nio");
        return self;
    }

    public InetSocketAddress listenAddress() {
        return (InetSocketAddress) listener.localAddress();
    }

    /**
     * Starts serving: events go to {@code sink}, run on {@code executor} (the lease-engine thread).
     * {@code peer} is where {@link #connect} goes; inbound connections must come from its address.
     */
    public void start(InetSocketAddress peer, Executor executor, Consumer<FailoverEvent> sink) {
        if (started != null) {
            throw new IllegalStateException("failover link already started");
        }
        started = new Started(peer, executor, sink);
    }

    /** {@code OpenConnection}: one attempt from the listener's address; ignored while one is under way. */
    public void connect() {
        Started s = started;
        if (s == null || closed || !connecting.compareAndSet(false, true)) {
            return;
        }
        InetAddress local = listenAddress().getAddress();
        Bootstrap bootstrap = new Bootstrap().group(group)
                .channelFactory(() -> epoll ? new EpollSocketChannel() : new NioSocketChannel())
                .option(ChannelOption.CONNECT_TIMEOUT_MILLIS, (int) CONNECT_TIMEOUT.toMillis())
                .handler(new ChannelInitializer<SocketChannel>() {
                    @Override
                    protected void initChannel(SocketChannel ch) {
                        configure(ch, true);
                    }
                });
        ChannelFuture attempt = local.isAnyLocalAddress() ? bootstrap.connect(s.peer())
                : bootstrap.connect(s.peer(), new InetSocketAddress(local, 0));
        attempt.addListener((ChannelFutureListener) f -> {
            connecting.set(false);
            if (f.isSuccess()) {
                lastConnectFailed = false;
                return;
            }
            if (!lastConnectFailed) {
                LOG.info("FAILOVER_LINK_CONNECT_FAILED peer={} cause={}", s.peer(), f.cause().toString());
            } else {
                LOG.debug("FAILOVER_LINK_CONNECT_FAILED peer={} cause={}", s.peer(), f.cause().toString());
            }
            lastConnectFailed = true;
            dispatch(new FailoverEvent.ConnectAttemptFailed(), () -> { });
        });
    }

    /** {@code Send}: queues the message on the connection; {@link #flush} sends what was queued. */
    public void send(LinkId link, FailoverMessage message) {
        Channel channel = open.get(link);
        if (channel == null) {
            LOG.debug("FAILOVER_LINK_SEND_DROPPED link={} type={} (connection gone)", link, message.type());
            return;
        }
        Outbox outbox = Outbox.of(channel);
        if (!channel.isWritable() || outbox.queuedBytes() > MAX_OUTBOUND_BYTES) {
            LOG.warn("FAILOVER_LINK_OVERFLOW link={} remote={} partner leaves over {} bytes unread; closing",
                    link, channel.remoteAddress(), MAX_OUTBOUND_BYTES);
            channel.close();
            return;
        }
        byte[] bytes;
        try {
            bytes = FailoverCodec.encode(message);
        } catch (IllegalArgumentException e) {
            LOG.error("FAILOVER_LINK_ENCODE_FAILED link={} type={} {}; closing", link, message.type(), e.getMessage());
            channel.close();
            return;
        }
        outbox.add(bytes);
        unflushed.add(channel);
    }

    /** Sends what was queued on every connection since the last flush. Call from the thread that sends. */
    public void flush() {
        for (Channel channel : unflushed) {
            Outbox.of(channel).flush();
        }
        unflushed.clear();
    }

    /** {@code CloseConnection}: closes after what was written so far has gone out. */
    public void close(LinkId link, String reason) {
        Channel channel = open.get(link);
        if (channel != null) {
            LOG.debug("FAILOVER_LINK_CLOSE link={} reason={}", link, reason);
            unflushed.remove(channel);
            Outbox.of(channel).closeAfterDrain();
        }
    }

    /** Drops every connection at once, as a cut cable would (tests; failed persistence). */
    public void closeAll(String reason) {
        for (Map.Entry<LinkId, Channel> e : open.entrySet()) {
            LOG.info("FAILOVER_LINK_CLOSE link={} reason={}", e.getKey(), reason);
            e.getValue().close();
        }
    }

    /** The connections open now. */
    public Set<LinkId> openLinks() {
        return Set.copyOf(open.keySet());
    }

    /** Closes the listener and every connection and stops the event loop; no event is reported after. */
    @Override
    public void close() {
        closed = true;
        List<ChannelFuture> closing = new ArrayList<>();
        closing.add(listener.close());
        open.values().forEach(c -> closing.add(c.close()));
        closing.forEach(ChannelFuture::awaitUninterruptibly);
        group.shutdownGracefully(0, 2, TimeUnit.SECONDS).awaitUninterruptibly(5, TimeUnit.SECONDS);
    }

    private void configure(SocketChannel ch, boolean outbound) {
        ch.config().setOption(ChannelOption.TCP_NODELAY, true);
        ch.config().setOption(ChannelOption.SO_KEEPALIVE, true);
        ch.config().setWriteBufferWaterMark(new WriteBufferWaterMark(MAX_OUTBOUND_BYTES / 4, MAX_OUTBOUND_BYTES));
        ch.config().setRecvByteBufAllocator(new AdaptiveRecvByteBufAllocator(64, 2048, MAX_READ_BYTES));
        ch.pipeline().addLast("frame", new LengthFieldBasedFrameDecoder(FailoverCodec.MAX_MESSAGE_LENGTH,
                FailoverCodec.FRAME_LENGTH_FIELD_OFFSET, FailoverCodec.FRAME_LENGTH_FIELD_LENGTH,
                FailoverCodec.FRAME_LENGTH_ADJUSTMENT, FailoverCodec.FRAME_INITIAL_BYTES_TO_STRIP));
        ch.pipeline().addLast("peer", new PeerConnectionHandler(this, new LinkId(ids.incrementAndGet()), outbound));
    }

    /** Called on channelActive: whether this connection may carry the relationship. */
    boolean register(LinkId id, Channel channel, boolean outbound) {
        Started s = started;
        InetSocketAddress remote = (InetSocketAddress) channel.remoteAddress();
        if (closed || s == null) {
            channel.close();
            return false;
        }
        if (!outbound && !remote.getAddress().equals(s.peer().getAddress())) {
            LOG.warn("FAILOVER_LINK_UNKNOWN_PEER remote={} expected={}; closing", remote, s.peer().getAddress());
            channel.close();
            return false;
        }
        if (open.size() >= MAX_CONNECTIONS) {
            LOG.warn("FAILOVER_LINK_REFUSED remote={} already {} connections open", remote, open.size());
            channel.close();
            return false;
        }
        open.put(id, channel);
        LOG.info("FAILOVER_LINK_UP link={} direction={} local={} remote={}", id, outbound ? "out" : "in",
                channel.localAddress(), remote);
        return true;
    }

    void unregister(LinkId id) {
        open.remove(id);
    }

    /** Runs {@code event} on the engine executor, then {@code after}; false if it could not be queued. */
    boolean dispatch(FailoverEvent event, Runnable after) {
        Started s = started;
        if (s == null || closed) {
            return false;
        }
        try {
            s.executor().execute(() -> {
                try {
                    if (!closed) {
                        s.sink().accept(event);
                    }
                } finally {
                    after.run();
                }
            });
            return true;
        } catch (RejectedExecutionException e) {
            LOG.debug("FAILOVER_LINK_EVENT_DROPPED {} (engine executor stopped)", event);
            return false;
        }
    }
}
