package io.ironlease.server.dhcp;

import io.ironlease.server.alloc.LeaseChange;
import io.ironlease.server.net.DhcpRequest;
import io.ironlease.shared.net.Ipv4Address;
import java.time.Duration;
import java.util.List;

/** What handling one message comes to: replies now, replies once changes are durable, or a ping first. */
public sealed interface Outcome {

    Outcome SILENT = new Send(List.of());

    /** Replies to send now (none: stay silent). */
    record Send(List<DhcpPacket> replies) implements Outcome {
    }

    /** Changes to make durable; the replies go only once they are (DESIGN.md decision 4). */
    record Commit(List<DhcpPacket> replies, List<LeaseChange> changes) implements Outcome {
    }

    /**
     * ping-check: probe {@code address} first; send {@code offer} when nothing answers, else abandon the
     * address and handle {@code request} again ({@code attempt} counts the addresses found in use).
     */
    record Probe(Ipv4Address address, Duration timeout, DhcpRequest request, int attempt, DhcpPacket offer)
            implements Outcome {
    }
}
