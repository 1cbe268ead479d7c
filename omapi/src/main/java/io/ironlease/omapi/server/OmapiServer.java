package io.ironlease.omapi.server;

import io.ironlease.omapi.auth.Authenticator;
import io.ironlease.omapi.auth.HmacSigner;
import io.ironlease.omapi.wire.OmapiFrameDecoder;
import io.ironlease.shared.keys.OmapiKey;
import io.netty.bootstrap.ServerBootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.ServerChannel;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.group.ChannelGroup;
import io.netty.channel.group.DefaultChannelGroup;
import io.netty.channel.nio.NioIoHandler;
import io.netty.channel.socket.SocketChannel;
import io.netty.channel.socket.nio.NioServerSocketChannel;
import io.netty.handler.timeout.IdleStateHandler;
import io.netty.util.concurrent.GlobalEventExecutor;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The OMAPI listener: ISC dhcpd's management protocol on TCP (7911 by default), served from
 * {@link ObjectProvider}s registered by object type. Netty event loops do only framing, signatures
 * and encoding; provider calls run on their executors. Each connection is bounded by
 * {@link ServerLimits}; one bad connection is dropped with an {@code OMAPI_DROP} log line while the
 * listener keeps serving. With keys configured every request must be signed by one of them.
 *
 * <pre>{@code
 * OmapiServer server = OmapiServer.builder().port(7911).key(key).provider(leases).provider(hosts).build().start();
 * }</pre>
 */
public final class OmapiServer implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(OmapiServer.class);

    /** dhcpd's {@code omapi-port} when none is configured. */
    public static final int DEFAULT_PORT = 7911;

    private final Builder config;
    private final HandleRegistry handles;
    private final RequestDispatcher dispatcher;
    private final ListenPolicy.Decision decision;
    private final ExecutorService ownExecutor;
    private final Map<OmapiKey, HmacSigner> signers = new ConcurrentHashMap<>();
    private final ChannelGroup channels = new DefaultChannelGroup(GlobalEventExecutor.INSTANCE);
    private EventLoopGroup boss;
    private EventLoopGroup workers;
    private Channel listener;

    private OmapiServer(Builder config) {
        this.config = config;
        this.handles = config.handles != null ? config.handles : new HandleRegistry();
        AuthenticatorProvider authenticators = new AuthenticatorProvider(config.keys);
        for (OmapiKey key : authenticators.keys()) {
            handles.handleFor(Authenticator.TYPE, key);
        }
        Map<String, ObjectProvider<?>> providers = new LinkedHashMap<>(config.providers);
        providers.put(Authenticator.TYPE, authenticators);
        Executor executor = config.providerExecutor;
        this.ownExecutor = executor == null ? Executors.newSingleThreadExecutor(runnable -> {
            Thread thread = new Thread(runnable, "omapi-provider");
            thread.setDaemon(true);
            return thread;
        }) : null;
        this.dispatcher = new RequestDispatcher(providers, handles, executor != null ? executor : ownExecutor,
                !config.keys.isEmpty());
        this.decision = ListenPolicy.decide(config.keys.size(), Optional.ofNullable(config.bindAddress));
    }

    public static Builder builder() {
        return new Builder();
    }

    /** Binds and starts serving; the start-up log says where and why (see {@link ListenPolicy}). */
    public OmapiServer start() throws IOException {
        if (decision.logLine().startsWith("OMAPI_LISTEN_UNAUTHENTICATED")) {
            LOG.warn(decision.logLine());
        } else {
            LOG.info(decision.logLine());
        }
        ServerBootstrap bootstrap = new ServerBootstrap();
        if (config.sharedGroup != null) {
            bootstrap.group(config.sharedGroup).channel(config.sharedChannel);
        } else {
            boss = new MultiThreadIoEventLoopGroup(1, NioIoHandler.newFactory());
            workers = new MultiThreadIoEventLoopGroup(config.ioThreads, NioIoHandler.newFactory());
            bootstrap.group(boss, workers).channel(NioServerSocketChannel.class);
        }
        bootstrap
                .option(ChannelOption.SO_BACKLOG, 128)
                .childOption(ChannelOption.TCP_NODELAY, true)
                .childHandler(new ChannelInitializer<SocketChannel>() {
                    @Override
                    protected void initChannel(SocketChannel channel) {
                        channels.add(channel);
                        initConnection(channel);
                    }
                });
        InetSocketAddress wanted = new InetSocketAddress(decision.address(), config.port);
        try {
            listener = bootstrap.bind(wanted).sync().channel();
        } catch (Exception e) {
            close();
            throw new IOException("cannot listen for OMAPI on " + wanted + ": " + e.getMessage(), e);
        }
        LOG.info("OMAPI_LISTENING address={} port={} keys={} types={}", decision.address().getHostAddress(), port(),
                config.keys.stream().map(OmapiKey::name).toList(), config.providers.keySet());
        return this;
    }

    /** Installs the per-connection handlers: idle timer, framing, the protocol handler. */
    void initConnection(Channel channel) {
        ServerLimits limits = config.limits;
        OmapiFrameDecoder decoder = new OmapiFrameDecoder(limits.maxMessageLength());
        if (!limits.idleTimeout().isZero()) {
            channel.pipeline().addLast(new IdleStateHandler(limits.idleTimeout().toNanos(), 0, 0, TimeUnit.NANOSECONDS));
        }
        channel.pipeline().addLast(decoder, new OmapiServerHandler(dispatcher, limits, decoder,
                key -> signers.computeIfAbsent(key, HmacSigner::forKey)));
    }

    /** Where the listener is bound (the real port when 0 was asked for). */
    public InetSocketAddress localAddress() {
        return (InetSocketAddress) listener.localAddress();
    }

    public int port() {
        return localAddress().getPort();
    }

    /** The handles of this server's objects (shared with providers that render handles of other objects). */
    public HandleRegistry handles() {
        return handles;
    }

    /** Where and why the listener binds. */
    public ListenPolicy.Decision listenDecision() {
        return decision;
    }

    /** Stops listening, closes every connection and releases the threads. */
    @Override
    public void close() {
        if (listener != null) {
            listener.close().syncUninterruptibly();
        }
        channels.close().awaitUninterruptibly();
        for (EventLoopGroup group : new EventLoopGroup[] {boss, workers}) {
            if (group != null) {
                group.shutdownGracefully(0, 2, TimeUnit.SECONDS).syncUninterruptibly();
            }
        }
        if (ownExecutor != null) {
            ownExecutor.shutdownNow();
        }
    }

    /** Configuration; every setting has dhcpd's default or a safe one. */
    public static final class Builder {
        private int port = DEFAULT_PORT;
        private InetAddress bindAddress;
        private final List<OmapiKey> keys = new ArrayList<>();
        private final Map<String, ObjectProvider<?>> providers = new LinkedHashMap<>();
        private ServerLimits limits = ServerLimits.DEFAULT;
        private HandleRegistry handles;
        private Executor providerExecutor;
        private int ioThreads;
        private EventLoopGroup sharedGroup;
        private Class<? extends ServerChannel> sharedChannel;

        private Builder() {
        }

        /** TCP port; 0 picks a free one (tests). */
        public Builder port(int port) {
            if (port < 0 || port > 65535) {
                throw new IllegalArgumentException("port out of range: " + port);
            }
            this.port = port;
            return this;
        }

        /** Listen address; without one {@link ListenPolicy} decides (all addresses with a key, loopback without). */
        public Builder bindAddress(InetAddress address) {
            this.bindAddress = address;
            return this;
        }

        /** Accepts this key; with any key configured, every request must be signed. */
        public Builder key(OmapiKey key) {
            keys.add(key);
            return this;
        }

        public Builder keys(Collection<OmapiKey> more) {
            keys.addAll(more);
            return this;
        }

        /** Serves an object type; one provider per type. */
        public Builder provider(ObjectProvider<?> provider) {
            String type = provider.type();
            if (type.equals(Authenticator.TYPE)) {
                throw new IllegalArgumentException("the authenticator type is built in");
            }
            if (providers.putIfAbsent(type, provider) != null) {
                throw new IllegalArgumentException("two providers for type " + type);
            }
            return this;
        }

        public Builder limits(ServerLimits limits) {
            this.limits = limits;
            return this;
        }

        /** Shares a handle registry with the providers (otherwise the server makes its own). */
        public Builder handles(HandleRegistry registry) {
            this.handles = registry;
            return this;
        }

        /** Runs providers that name no executor here, instead of on the server's own single thread. */
        public Builder providerExecutor(Executor executor) {
            this.providerExecutor = executor;
            return this;
        }

        /**
         * Runs the listener and its connections on {@code group} with server channels of
         * {@code channelType} (e.g. the lease engine's event loop, epoll: then a provider whose executor
         * is that loop is called without a thread hand-off). The server does not shut the group down.
         */
        public Builder eventLoops(EventLoopGroup group, Class<? extends ServerChannel> channelType) {
            this.sharedGroup = group;
            this.sharedChannel = channelType;
            return this;
        }

        /** Netty worker threads; 0 = Netty's default. */
        public Builder ioThreads(int threads) {
            this.ioThreads = threads;
            return this;
        }

        public OmapiServer build() {
            return new OmapiServer(this);
        }
    }
}
