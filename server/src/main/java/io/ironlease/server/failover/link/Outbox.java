package io.ironlease.server.failover.link;

import io.netty.buffer.Unpooled;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFutureListener;
import io.netty.util.AttributeKey;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The messages for one connection: the lease-engine thread queues encoded messages, and each flush
 * hands the connection's event loop one task that writes everything queued so far and flushes once.
 * A burst of BNDUPDs or BNDACKs then costs one hand-off to Netty instead of two per message; the
 * order is kept, since only the event loop takes from the queue.
 */
final class Outbox {

    private static final AttributeKey<Outbox> KEY = AttributeKey.valueOf("ironlease.failover.outbox");

    private final Channel channel;
    private final ConcurrentLinkedQueue<byte[]> queue = new ConcurrentLinkedQueue<>();
    private final AtomicBoolean scheduled = new AtomicBoolean();
    private final AtomicLong bytes = new AtomicLong();

    private Outbox(Channel channel) {
        this.channel = channel;
    }

    static Outbox of(Channel channel) {
        Outbox fresh = new Outbox(channel);
        Outbox existing = channel.attr(KEY).setIfAbsent(fresh);
        return existing != null ? existing : fresh;
    }

    /** Bytes queued and not yet handed to Netty (added to what Netty itself holds unwritten). */
    long queuedBytes() {
        return bytes.get();
    }

    void add(byte[] message) {
        queue.add(message);
        bytes.addAndGet(message.length);
    }

    /** Writes what is queued on the event loop (one task however many flushes come before it runs). */
    void flush() {
        if (scheduled.compareAndSet(false, true)) {
            onLoop(this::drain);
        }
    }

    /** Closes the connection once what is queued has been written. */
    void closeAfterDrain() {
        onLoop(() -> {
            drain();
            channel.writeAndFlush(Unpooled.EMPTY_BUFFER).addListener(ChannelFutureListener.CLOSE);
        });
    }

    private void onLoop(Runnable task) {
        try {
            channel.eventLoop().execute(task);
        } catch (RejectedExecutionException stopped) {
            queue.clear(); // the link is closing: nothing more goes out
        }
    }

    private void drain() {
        scheduled.set(false);
        boolean wrote = false;
        byte[] message;
        while ((message = queue.poll()) != null) {
            bytes.addAndGet(-message.length);
            channel.write(Unpooled.wrappedBuffer(message), channel.voidPromise());
            wrote = true;
        }
        if (wrote) {
            channel.flush();
        }
    }
}
