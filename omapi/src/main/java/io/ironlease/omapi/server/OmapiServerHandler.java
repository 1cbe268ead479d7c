package io.ironlease.omapi.server;

import io.ironlease.omapi.auth.HmacSigner;
import io.ironlease.omapi.wire.OmapiCodec;
import io.ironlease.omapi.wire.OmapiFrame;
import io.ironlease.omapi.wire.OmapiFrameDecoder;
import io.ironlease.omapi.wire.OmapiMessage;
import io.ironlease.omapi.wire.OmapiProtocolException;
import io.ironlease.omapi.wire.OmapiStatus;
import io.ironlease.omapi.wire.Opcode;
import io.ironlease.omapi.wire.StartupMessage;
import io.ironlease.shared.keys.OmapiKey;
import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.handler.codec.DecoderException;
import io.netty.handler.timeout.IdleStateEvent;
import java.io.IOException;
import java.util.ArrayDeque;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One OMAPI connection on the server side: start-up check, per-connection authenticators, signature
 * checks (OMAPI-NOTES section 5), hand-off to the {@link RequestDispatcher}, and replies written in
 * request order however many are in flight. Runs on the connection's event loop only.
 */
final class OmapiServerHandler extends ChannelInboundHandlerAdapter implements RequestDispatcher.Session {

    private static final Logger LOG = LoggerFactory.getLogger(OmapiServer.class);

    private record Pending(CompletableFuture<OmapiMessage> reply, OmapiMessage request, HmacSigner signer,
            boolean closeAfter) {
    }

    private final RequestDispatcher dispatcher;
    private final ServerLimits limits;
    private final OmapiFrameDecoder decoder;
    private final Function<OmapiKey, HmacSigner> signers;
    private final Map<Integer, HmacSigner> authenticators = new HashMap<>();
    private final ArrayDeque<Pending> pending = new ArrayDeque<>();
    private final ConnectionBatch batch = new ConnectionBatch();
    private final AtomicBoolean drainScheduled = new AtomicBoolean();
    private ChannelHandlerContext ctx;
    private int nextId = ThreadLocalRandom.current().nextInt();
    private boolean startupSeen;
    private boolean closing;
    private ScheduledFuture<?> startupTimer;
    private ScheduledFuture<?> messageTimer;

    OmapiServerHandler(RequestDispatcher dispatcher, ServerLimits limits, OmapiFrameDecoder decoder,
            Function<OmapiKey, HmacSigner> signers) {
        this.dispatcher = dispatcher;
        this.limits = limits;
        this.decoder = decoder;
        this.signers = signers;
    }

    @Override
    public void handlerAdded(ChannelHandlerContext context) {
        this.ctx = context;
    }

    @Override
    public void channelActive(ChannelHandlerContext context) {
        // dhcpd sends its start-up message without waiting for the client's (OMAPI-NOTES section 1)
        context.writeAndFlush(Unpooled.wrappedBuffer(OmapiCodec.encodeStartup(StartupMessage.ISC)));
        startupTimer = context.executor().schedule(
                () -> drop("no start-up message within " + limits.startupTimeout().toMillis() + " ms"),
                limits.startupTimeout().toNanos(), TimeUnit.NANOSECONDS);
        context.fireChannelActive();
    }

    @Override
    public void channelRead(ChannelHandlerContext context, Object msg) {
        if (closing) {
            return;
        }
        if (msg instanceof StartupMessage startup) {
            cancel(startupTimer);
            if (!startup.isSupported()) {
                drop("bad start-up message: version " + startup.protocolVersion() + ", header size "
                        + startup.headerSize());
                return;
            }
            startupSeen = true;
        } else if (msg instanceof OmapiFrame frame && startupSeen) {
            cancel(messageTimer);
            messageTimer = null;
            handle(frame);
        }
    }

    @Override
    public void channelReadComplete(ChannelHandlerContext context) {
        batch.flush();
        if (!closing && startupSeen && messageTimer == null && decoder.hasPartialMessage()) {
            messageTimer = context.executor().schedule(
                    () -> drop("message incomplete after " + limits.messageTimeout().toMillis() + " ms"),
                    limits.messageTimeout().toNanos(), TimeUnit.NANOSECONDS);
        }
        context.fireChannelReadComplete();
    }

    private void handle(OmapiFrame frame) {
        OmapiMessage request = frame.message();
        HmacSigner signer = null;
        if (request.authId() != 0) {
            signer = authenticators.get(request.authId());
            if (signer == null) {
                refuse(request, OmapiStatus.KEY_UNKNOWN, "no authenticator " + Integer.toUnsignedString(request.authId()));
                return;
            }
            // unlike dhcpd 4.4.3, an authid without a signature (authlen 0) is refused, not trusted
            if (!signer.verify(frame)) {
                refuse(request, OmapiStatus.INVALID_KEY, "signature does not verify with key " + signer.key().name());
                return;
            }
        }
        if (request.rid() != 0 || request.op() == Opcode.STATUS) {
            drop("unexpected " + request.op() + " with rid " + Integer.toUnsignedString(request.rid()));
            return;
        }
        boolean signed = signer != null;
        CompletableFuture<OmapiMessage> reply;
        if (!pending.isEmpty() && dispatcher.waitsForUnknownHandle(request)) {
            CompletableFuture<?> earlier = CompletableFuture.allOf(pending.stream().map(Pending::reply)
                    .toArray(CompletableFuture[]::new));
            reply = earlier.handle((ignored, error) -> null).thenComposeAsync(ignored -> {
                CompletableFuture<OmapiMessage> later = dispatcher.dispatch(request, signed, this);
                batch.flush();
                return later;
            }, ctx.executor());
        } else {
            reply = dispatcher.dispatch(request, signed, this);
        }
        enqueue(new Pending(reply, request, signer, false));
    }

    /**
     * A bad signature or an unknown authid gets an unsigned STATUS, as from dhcpd. dhcpd then keeps
     * reading (omshell is the side that hangs up, OmapiClientInteropIT shows it); we close the
     * connection after the STATUS, so a wrong key cannot keep probing on one connection.
     */
    private void refuse(OmapiMessage request, OmapiStatus status, String why) {
        LOG.warn("OMAPI_AUTH_FAIL peer={} result={} {}", ctx.channel().remoteAddress(), status, why);
        closing = true;
        ctx.channel().config().setAutoRead(false);
        enqueue(new Pending(CompletableFuture.completedFuture(RequestDispatcher.status(request, status, null)), request,
                null, true));
    }

    @Override
    public void authenticated(int handle, OmapiKey key) {
        authenticators.put(handle, signers.apply(key));
    }

    @Override
    public Executor submitTo(Executor providerExecutor) {
        return batch.to(providerExecutor);
    }

    private void enqueue(Pending entry) {
        pending.add(entry);
        if (pending.size() >= limits.maxInFlight()) {
            ctx.channel().config().setAutoRead(false);
        }
        entry.reply().whenComplete((reply, error) -> scheduleDrain());
    }

    private void scheduleDrain() {
        if (drainScheduled.compareAndSet(false, true)) {
            ctx.executor().execute(this::drain);
        }
    }

    private void drain() {
        drainScheduled.set(false);
        boolean wrote = false;
        while (!pending.isEmpty() && pending.peek().reply().isDone()) {
            Pending entry = pending.poll();
            if (!ctx.channel().isActive()) {
                continue;
            }
            ctx.write(Unpooled.wrappedBuffer(encode(entry)));
            wrote = true;
            if (entry.closeAfter()) {
                pending.clear();
                ctx.writeAndFlush(Unpooled.EMPTY_BUFFER).addListener(ChannelFutureListener.CLOSE);
                return;
            }
        }
        if (wrote) {
            ctx.flush();
        }
        if (!closing && pending.size() < limits.maxInFlight() && !ctx.channel().config().isAutoRead()) {
            ctx.channel().config().setAutoRead(true);
        }
    }

    private byte[] encode(Pending entry) {
        OmapiMessage reply = entry.reply().isCompletedExceptionally()
                ? RequestDispatcher.status(entry.request(), OmapiStatus.UNEXPECTED, null)
                : entry.reply().join();
        reply = reply.withId(nextId++);
        HmacSigner signer = entry.signer();
        // replies are signed with the key of their request; unsigned requests get unsigned replies (p02)
        return signer == null ? OmapiCodec.encode(reply)
                : OmapiCodec.encodeSigned(reply, entry.request().authId(), signer.signatureLength(), signer::sign);
    }

    @Override
    public void userEventTriggered(ChannelHandlerContext context, Object event) {
        if (event instanceof IdleStateEvent && pending.isEmpty()) {
            drop("idle for " + limits.idleTimeout().toSeconds() + " s");
        } else {
            context.fireUserEventTriggered(event);
        }
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext context, Throwable cause) {
        Throwable root = cause instanceof DecoderException && cause.getCause() != null ? cause.getCause() : cause;
        if (root instanceof IOException) {
            LOG.debug("OMAPI_CONNECTION_ERROR peer={} {}", context.channel().remoteAddress(), root.toString());
            closing = true;
            context.close();
        } else {
            drop(root instanceof OmapiProtocolException
                    ? "protocol error: " + root.getMessage() : root.toString());
        }
    }

    @Override
    public void channelInactive(ChannelHandlerContext context) {
        closing = true;
        cancel(startupTimer);
        cancel(messageTimer);
        context.fireChannelInactive();
    }

    private void drop(String reason) {
        if (closing && !ctx.channel().isActive()) {
            return;
        }
        LOG.warn("OMAPI_DROP peer={} reason={}", ctx.channel().remoteAddress(), reason);
        closing = true;
        pending.clear();
        ctx.close();
    }

    private static void cancel(ScheduledFuture<?> timer) {
        if (timer != null) {
            timer.cancel(false);
        }
    }
}
