package io.ironlease.server.net;

import io.ironlease.server.dhcp.DhcpPacket;
import java.util.List;
import java.util.concurrent.CompletionStage;

/**
 * The engine side of the transport. {@link #handle} is called on a Netty event loop for each
 * well-formed BOOTREQUEST and must return at once (no disk, DNS or lock waits: hand the request to
 * the lease-engine thread). The returned stage completes, on any thread, with the replies to send:
 * none (ignore the request), one, or several. Each reply is routed by
 * {@link io.ironlease.server.dhcp.ReplyRouting} against the request, encoded within the client's
 * maximum message size and sent on the right socket. A stage that completes exceptionally, or a
 * handler that throws, counts the request as dropped; nothing reaches the socket loop.
 *
 * <p>Replies to one request are sent in list order. A DHCPACK must only be completed after its
 * lease is durable (DESIGN.md decision 4); the transport sends whatever it is given.
 */
@FunctionalInterface
public interface DhcpRequestHandler {

    CompletionStage<List<DhcpPacket>> handle(DhcpRequest request);

    /**
     * Called on the event loop after a burst of {@link #handle} calls from one socket read
     * (channelReadComplete). A handler may defer waking its worker until then, so a burst costs one
     * thread wake-up instead of one per packet. The default does nothing.
     */
    default void endOfBatch() {
    }
}
