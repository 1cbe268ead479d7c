package io.ironlease.omapi.client;

import io.ironlease.omapi.auth.Authenticator;
import io.ironlease.omapi.auth.HmacSigner;
import io.ironlease.omapi.wire.OmapiCodec;
import io.ironlease.omapi.wire.OmapiException;
import io.ironlease.omapi.wire.OmapiFrameDecoder;
import io.ironlease.omapi.wire.OmapiMessage;
import io.ironlease.omapi.wire.OmapiStatus;
import io.ironlease.omapi.wire.OmapiValues;
import io.ironlease.omapi.wire.Opcode;
import io.ironlease.omapi.wire.StartupMessage;
import io.ironlease.shared.keys.OmapiKey;
import io.netty.bootstrap.Bootstrap;
import io.netty.buffer.Unpooled;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.nio.NioIoHandler;
import io.netty.channel.socket.SocketChannel;
import io.netty.channel.socket.nio.NioSocketChannel;
import java.time.Duration;
import java.util.EnumSet;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * An OMAPI client for ISC dhcpd and the ironlease server: one TCP connection, authenticated with an
 * {@link OmapiKey} or not, speaking exactly what omshell speaks (same message layout, value order and
 * signatures; with {@link #OMSHELL_FIRST_MESSAGE_ID} even the same ids, so its byte stream can be
 * compared with omshell's). The blocking methods ({@link #open}, {@link #refresh}, {@link #update},
 * {@link #delete}) wait for the reply; the {@code *Async} ones return at once and may be used to keep
 * many requests in flight on the connection, matched to replies by {@code rid}. Thread-safe.
 */
public final class OmapiClient implements AutoCloseable {

    /** omshell's first message id (glibc's first unseeded {@code random()}); it counts up by one per message. */
    public static final int OMSHELL_FIRST_MESSAGE_ID = 0x6b8b4567;

    private final Channel channel;
    private final OmapiClientHandler handler;
    private final EventLoopGroup ownGroup;
    private final Duration requestTimeout;
    private final Object sendLock = new Object();
    private final Queue<byte[]> outbound = new ConcurrentLinkedQueue<>();
    private final AtomicBoolean writeScheduled = new AtomicBoolean();
    private final ScheduledFuture<?> sweeper;
    private int nextId;
    private HmacSigner signer;
    private int authId;

    private OmapiClient(Channel channel, OmapiClientHandler handler, EventLoopGroup ownGroup, Builder config) {
        this.channel = channel;
        this.handler = handler;
        this.ownGroup = ownGroup;
        this.requestTimeout = config.requestTimeout;
        this.nextId = config.firstMessageId != null ? config.firstMessageId : ThreadLocalRandom.current().nextInt();
        long period = Math.max(10, Math.min(1000, requestTimeout.toMillis() / 4));
        this.sweeper = channel.eventLoop().scheduleAtFixedRate(() -> handler.expire(System.nanoTime(),
                () -> new OmapiException(OmapiStatus.TIMED_OUT, "no reply within " + requestTimeout.toMillis() + " ms")),
                period, period, TimeUnit.MILLISECONDS);
    }

    public static Builder builder() {
        return new Builder();
    }

    /** Looks an object up (OPEN with no flags); status 23 "not found" when nothing matches. */
    public OmapiObject open(String type, OmapiValues lookup) throws OmapiException {
        return await(openAsync(type, lookup, EnumSet.noneOf(OpenFlag.class)));
    }

    /** OPEN with flags, e.g. {@code EnumSet.of(CREATE, EXCLUSIVE)} to create as omshell's {@code create} does. */
    public OmapiObject open(String type, OmapiValues values, Set<OpenFlag> flags) throws OmapiException {
        return await(openAsync(type, values, flags));
    }

    /** omshell's {@code create}: OPEN with create and exclusive. */
    public OmapiObject create(String type, OmapiValues values) throws OmapiException {
        return open(type, values, EnumSet.of(OpenFlag.CREATE, OpenFlag.EXCLUSIVE));
    }

    /** The object's current attributes (REFRESH). */
    public OmapiObject refresh(int handle) throws OmapiException {
        return await(refreshAsync(handle));
    }

    /** Changes attributes (UPDATE); the server answers with a status only, not the new values. */
    public void update(int handle, OmapiValues values) throws OmapiException {
        await(updateAsync(handle, values));
    }

    /** Deletes the object (DELETE). */
    public void delete(int handle) throws OmapiException {
        await(deleteAsync(handle));
    }

    public CompletableFuture<OmapiObject> openAsync(String type, OmapiValues values, Set<OpenFlag> flags) {
        OmapiValues.Builder message = OmapiValues.builder();
        for (OpenFlag flag : OpenFlag.values()) {
            if (flags.contains(flag)) {
                message.putInt32(flag.wireName(), 1);
            }
        }
        message.putString("type", type);
        return send(OmapiMessage.of(Opcode.OPEN, 0, message.build(), values)).thenApply(OmapiClient::object);
    }

    public CompletableFuture<OmapiObject> refreshAsync(int handle) {
        return send(OmapiMessage.of(Opcode.REFRESH, handle, OmapiValues.EMPTY, OmapiValues.EMPTY))
                .thenApply(OmapiClient::object);
    }

    public CompletableFuture<Void> updateAsync(int handle, OmapiValues values) {
        return send(OmapiMessage.of(Opcode.UPDATE, handle, OmapiValues.EMPTY, values)).thenApply(OmapiClient::success);
    }

    public CompletableFuture<Void> deleteAsync(int handle) {
        return send(OmapiMessage.of(Opcode.DELETE, handle, OmapiValues.EMPTY, OmapiValues.EMPTY))
                .thenApply(OmapiClient::success);
    }

    /**
     * Sends any request as it is, numbered and (when authenticated) signed, and completes with the
     * server's reply message whatever its status; fails with {@link OmapiConnectionClosedException} if
     * the connection ends first, or with status {@link OmapiStatus#TIMED_OUT} after the request timeout.
     */
    public CompletableFuture<OmapiMessage> send(OmapiMessage request) {
        CompletableFuture<OmapiMessage> reply = new CompletableFuture<>();
        synchronized (sendLock) {
            int id = nextId++;
            if (nextId == 0) {
                nextId = 1;
            }
            OmapiMessage numbered = request.withId(id);
            handler.pending.put(id, new OmapiClientHandler.Waiting(reply, System.nanoTime() + requestTimeout.toNanos()));
            OmapiException closed = handler.closedBecause();
            if (closed != null || !channel.isActive()) {
                handler.pending.remove(id);
                reply.completeExceptionally(closed != null ? closed
                        : new OmapiConnectionClosedException("the connection is closed"));
                return reply;
            }
            outbound.add(signer == null ? OmapiCodec.encode(numbered)
                    : OmapiCodec.encodeSigned(numbered, authId, signer.signatureLength(), signer::sign));
        }
        if (writeScheduled.compareAndSet(false, true)) {
            channel.eventLoop().execute(this::writeOutbound);
        }
        return reply;
    }

    /** Writes every queued request and flushes once: one event-loop task per burst, not per request. */
    private void writeOutbound() {
        writeScheduled.set(false);
        boolean wrote = false;
        byte[] bytes;
        while ((bytes = outbound.poll()) != null) {
            channel.write(Unpooled.wrappedBuffer(bytes), channel.voidPromise());
            wrote = true;
        }
        if (wrote) {
            channel.flush();
        }
    }

    /** Whether the connection is still open. */
    public boolean isConnected() {
        return channel.isActive();
    }

    @Override
    public void close() {
        sweeper.cancel(false);
        channel.close().awaitUninterruptibly();
        if (ownGroup != null) {
            ownGroup.shutdownGracefully(0, 1, TimeUnit.SECONDS).syncUninterruptibly();
        }
    }

    private static OmapiObject object(OmapiMessage reply) {
        if (reply.op() == Opcode.UPDATE) {
            return new OmapiObject(reply.handle(), reply.object());
        }
        throw new CompletionException(failure(reply));
    }

    private static Void success(OmapiMessage reply) {
        if (reply.op() == Opcode.STATUS && reply.message().int32("result").orElse(-1) == 0) {
            return null;
        }
        throw new CompletionException(failure(reply));
    }

    private static OmapiException failure(OmapiMessage reply) {
        return reply.op() == Opcode.STATUS ? Authenticator.statusOf(reply)
                : new OmapiException(OmapiStatus.PROTOCOL_ERROR, "unexpected " + reply.op() + " reply");
    }

    private void authenticate(OmapiKey key, String algorithmName, Duration timeout) throws OmapiException {
        OmapiMessage reply = awaitWithin(send(algorithmName == null ? Authenticator.openRequest(key)
                : Authenticator.openRequest(key, algorithmName)), timeout);
        int handle = Authenticator.acceptReply(reply);
        HmacSigner keySigner = HmacSigner.forKey(key);
        synchronized (sendLock) {
            handler.verifyWith(keySigner);
            signer = keySigner;
            authId = handle;
        }
    }

    private <T> T await(CompletableFuture<T> future) throws OmapiException {
        return awaitWithin(future, null);
    }

    private static <T> T awaitWithin(CompletableFuture<T> future, Duration timeout) throws OmapiException {
        try {
            return timeout == null ? future.get() : future.get(timeout.toNanos(), TimeUnit.NANOSECONDS);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof OmapiException omapi) {
                throw omapi;
            }
            throw new OmapiException(OmapiStatus.UNEXPECTED, String.valueOf(e.getCause()), e.getCause());
        } catch (TimeoutException e) {
            throw new OmapiException(OmapiStatus.TIMED_OUT, "no answer within " + timeout.toMillis() + " ms");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new OmapiException(OmapiStatus.valueOf(20), "interrupted");
        }
    }

    /** Connection settings; {@link #connect} opens the connection, exchanges start-ups and authenticates. */
    public static final class Builder {
        private OmapiKey key;
        private String algorithmName;
        private Duration connectTimeout = Duration.ofSeconds(5);
        private Duration requestTimeout = Duration.ofSeconds(10);
        private Integer firstMessageId;
        private int maxMessageLength = OmapiFrameDecoder.DEFAULT_MAX_MESSAGE_LENGTH;
        private EventLoopGroup group;

        private Builder() {
        }

        /** Authenticate with this key (none: unsigned, as omshell without a {@code key} line). */
        public Builder key(OmapiKey omapiKey) {
            this.key = omapiKey;
            return this;
        }

        /**
         * The {@code algorithm} value presented in the authenticator OPEN instead of the key's own
         * wire name; e.g. {@code Authenticator.iscAlgorithmName("hmac-sha256")}, which ISC dhcpd needs.
         */
        public Builder algorithmName(String name) {
            this.algorithmName = name;
            return this;
        }

        /** Limit for the TCP connect, the start-up exchange and the authenticator OPEN together. */
        public Builder connectTimeout(Duration timeout) {
            this.connectTimeout = timeout;
            return this;
        }

        public Builder requestTimeout(Duration timeout) {
            this.requestTimeout = timeout;
            return this;
        }

        /** First message id, counting up by one; {@link #OMSHELL_FIRST_MESSAGE_ID} to match omshell. Default: random. */
        public Builder firstMessageId(int id) {
            this.firstMessageId = id;
            return this;
        }

        public Builder maxMessageLength(int length) {
            this.maxMessageLength = length;
            return this;
        }

        /** Shares a Netty event loop group (e.g. among many clients); otherwise the client owns one thread. */
        public Builder eventLoopGroup(EventLoopGroup eventLoopGroup) {
            this.group = eventLoopGroup;
            return this;
        }

        /** Connects, exchanges start-up messages and, with a key, authenticates. */
        public OmapiClient connect(String host, int port) throws OmapiException {
            EventLoopGroup own = group == null ? new MultiThreadIoEventLoopGroup(1, NioIoHandler.newFactory()) : null;
            OmapiClientHandler handler = new OmapiClientHandler();
            Bootstrap bootstrap = new Bootstrap().group(group != null ? group : own).channel(NioSocketChannel.class)
                    .option(ChannelOption.TCP_NODELAY, true)
                    .option(ChannelOption.CONNECT_TIMEOUT_MILLIS, (int) Math.max(1, connectTimeout.toMillis()))
                    .handler(new ChannelInitializer<SocketChannel>() {
                        @Override
                        protected void initChannel(SocketChannel ch) {
                            ch.pipeline().addLast(new OmapiFrameDecoder(maxMessageLength), handler);
                        }
                    });
            OmapiClient client = null;
            try {
                ChannelFuture connected = bootstrap.connect(host, port).awaitUninterruptibly();
                if (!connected.isSuccess()) {
                    throw new OmapiException(OmapiStatus.valueOf(12), "cannot connect to " + host + ":" + port + ": "
                            + connected.cause().getMessage(), connected.cause());
                }
                client = new OmapiClient(connected.channel(), handler, own, this);
                connected.channel().writeAndFlush(Unpooled.wrappedBuffer(OmapiCodec.encodeStartup(StartupMessage.ISC)));
                StartupMessage theirs = awaitWithin(handler.startup, connectTimeout);
                if (!theirs.isSupported()) {
                    throw new OmapiException(OmapiStatus.VERSION_MISMATCH, "server speaks version "
                            + theirs.protocolVersion() + " with header size " + theirs.headerSize());
                }
                if (key != null) {
                    client.authenticate(key, algorithmName, connectTimeout);
                }
                return client;
            } catch (OmapiException | RuntimeException e) {
                if (client != null) {
                    client.close();
                } else if (own != null) {
                    own.shutdownGracefully(0, 1, TimeUnit.SECONDS);
                }
                throw e;
            }
        }
    }
}
