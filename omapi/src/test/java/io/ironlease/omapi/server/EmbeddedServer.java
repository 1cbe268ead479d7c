package io.ironlease.omapi.server;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.Channel;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.embedded.EmbeddedChannel;
import java.io.ByteArrayOutputStream;

/** One server connection on an {@link EmbeddedChannel}: bytes in, bytes out, no sockets, no threads. */
final class EmbeddedServer {

    final EmbeddedChannel channel;

    EmbeddedServer(OmapiServer server) {
        this.channel = new EmbeddedChannel(new ChannelInitializer<Channel>() {
            @Override
            protected void initChannel(Channel ch) {
                server.initConnection(ch);
            }
        });
    }

    /** Delivers client bytes, runs what they started, and returns everything the server wrote since last time. */
    byte[] send(byte[] bytes) {
        if (channel.isOpen()) {
            channel.writeInbound(Unpooled.wrappedBuffer(bytes));
        }
        return output();
    }

    byte[] output() {
        channel.runPendingTasks();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteBuf buf;
        while ((buf = channel.readOutbound()) != null) {
            byte[] chunk = new byte[buf.readableBytes()];
            buf.readBytes(chunk);
            buf.release();
            out.writeBytes(chunk);
        }
        return out.toByteArray();
    }
}
