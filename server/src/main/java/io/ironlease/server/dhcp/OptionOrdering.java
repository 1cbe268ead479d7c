package io.ironlease.server.dhcp;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The order of options in a reply, which is also their priority when the reply is too big
 * ({@link DhcpCodec#encodeReporting}). As ISC dhcpd orders them: message type, server identifier,
 * lease times and message first; then subnet mask, which must precede routers (RFC 2132 3.3);
 * then the client's parameter request list order (RFC 2131 4.3.1); then other options in the
 * order given; relay agent information last (RFC 3046 2.2).
 */
public final class OptionOrdering {

    static final List<Integer> LEADING = List.of(OptionCodes.MESSAGE_TYPE, OptionCodes.SERVER_IDENTIFIER,
            OptionCodes.LEASE_TIME, OptionCodes.RENEWAL_TIME, OptionCodes.REBINDING_TIME, OptionCodes.MESSAGE,
            OptionCodes.SUBNET_MASK);

    private OptionOrdering() {
    }

    /**
     * Orders the codes of {@code available} (the options the reply will carry, in configuration
     * order) for a client that sent {@code prl} (its option 55, possibly empty).
     */
    public static List<Integer> forReply(List<Integer> prl, Collection<Integer> available) {
        Set<Integer> left = new LinkedHashSet<>(available);
        List<Integer> order = new ArrayList<>(left.size());
        for (int code : LEADING) {
            if (left.remove(code)) {
                order.add(code);
            }
        }
        boolean agent = left.remove(OptionCodes.RELAY_AGENT_INFORMATION);
        for (int code : prl) {
            if (left.remove(code)) {
                order.add(code);
            }
        }
        order.addAll(left);
        if (agent) {
            order.add(OptionCodes.RELAY_AGENT_INFORMATION);
        }
        return List.copyOf(order);
    }

    /** {@code options} rearranged by {@link #forReply} for {@code prl}. */
    public static DhcpOptions orderForReply(List<Integer> prl, DhcpOptions options) {
        DhcpOptionsBuilder builder = DhcpOptions.builder();
        for (int code : forReply(prl, options.codes())) {
            builder.put(options.option(code).orElseThrow());
        }
        return builder.build();
    }
}
