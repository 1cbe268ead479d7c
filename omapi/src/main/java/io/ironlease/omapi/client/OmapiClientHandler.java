package io.ironlease.omapi.client;

import io.ironlease.omapi.auth.MessageSigner;
import io.ironlease.omapi.wire.OmapiException;
import io.ironlease.omapi.wire.OmapiFrame;
import io.ironlease.omapi.wire.OmapiMessage;
import io.ironlease.omapi.wire.OmapiProtocolException;
import io.ironlease.omapi.wire.OmapiStatus;
import io.ironlease.omapi.wire.StartupMessage;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.handler.codec.DecoderException;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;

/** Matches replies to outstanding requests by {@code rid} and checks their signatures. */
final class OmapiClientHandler extends ChannelInboundHandlerAdapter {

    /** A request waiting for its reply, and when it stops waiting (System.nanoTime). */
    record Waiting(CompletableFuture<OmapiMessage> reply, long deadline) {
    }

    final CompletableFuture<StartupMessage> startup = new CompletableFuture<>();
    final Map<Integer, Waiting> pending = new ConcurrentHashMap<>();
    private volatile MessageSigner verifier;
    private volatile OmapiException closedBecause;

    void verifyWith(MessageSigner signer) {
        this.verifier = signer;
    }

    /** Why the connection is gone, or null while it is open. */
    OmapiException closedBecause() {
        return closedBecause;
    }

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) {
        if (msg instanceof StartupMessage message) {
            startup.complete(message);
        } else if (msg instanceof OmapiFrame frame) {
            OmapiMessage reply = frame.message();
            Waiting entry = pending.remove(reply.rid());
            if (entry == null) {
                return;
            }
            CompletableFuture<OmapiMessage> waiting = entry.reply();
            MessageSigner signer = verifier;
            if (reply.authId() != 0 && (signer == null || !signer.verify(frame))) {
                waiting.completeExceptionally(new OmapiException(OmapiStatus.INVALID_KEY,
                        "the reply's signature does not verify"));
            } else {
                waiting.complete(reply);
            }
        }
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
        Throwable root = cause instanceof DecoderException && cause.getCause() != null ? cause.getCause() : cause;
        if (root instanceof OmapiProtocolException) {
            fail(new OmapiException(OmapiStatus.PROTOCOL_ERROR, root.getMessage(), root));
        } else {
            fail(new OmapiConnectionClosedException(root.toString()));
        }
        ctx.close();
    }

    @Override
    public void channelInactive(ChannelHandlerContext ctx) {
        fail(new OmapiConnectionClosedException("the server closed the connection"));
        ctx.fireChannelInactive();
    }

    private void fail(OmapiException why) {
        if (closedBecause == null) {
            closedBecause = why;
        }
        startup.completeExceptionally(closedBecause);
        for (Integer rid : pending.keySet()) {
            Waiting waiting = pending.remove(rid);
            if (waiting != null) {
                waiting.reply().completeExceptionally(closedBecause);
            }
        }
    }

    /** Fails the requests whose deadline has passed; run periodically on the event loop. */
    void expire(long now, java.util.function.Supplier<OmapiException> timeout) {
        for (Map.Entry<Integer, Waiting> entry : pending.entrySet()) {
            if (now - entry.getValue().deadline() > 0 && pending.remove(entry.getKey(), entry.getValue())) {
                entry.getValue().reply().completeExceptionally(timeout.get());
            }
        }
    }
}
