package io.ironlease.server.failover.wire;

import io.ironlease.shared.net.Ipv4Address;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.OptionalLong;

/**
 * Renders a decoded record the way the lab's independent decoder (fo_decode.py) prints it, from the
 * record's typed fields, so a golden test compares our decoding with a second implementation.
 */
final class DecodeLine {

    private static final Map<Integer, String> BINDING = Map.of(1, "FREE", 2, "ACTIVE", 3, "EXPIRED", 4, "RELEASED",
            5, "ABANDONED", 6, "RESET", 7, "BACKUP");
    private static final Map<Integer, String> STATES = Map.ofEntries(Map.entry(1, "startup"), Map.entry(2, "normal"),
            Map.entry(3, "communications-interrupted"), Map.entry(4, "partner-down"),
            Map.entry(5, "potential-conflict"), Map.entry(6, "recover"), Map.entry(7, "paused"),
            Map.entry(8, "shutdown"), Map.entry(9, "recover-done"), Map.entry(10, "resolution-interrupted"),
            Map.entry(11, "conflict-done"), Map.entry(254, "recover-wait"));
    private static final DateTimeFormatter CLOCK = DateTimeFormatter.ofPattern("HH:mm:ss").withZone(ZoneOffset.UTC);

    private final List<String> parts = new ArrayList<>();
    private final long t0;

    private DecodeLine(long t0) {
        this.t0 = t0;
    }

    static String render(FailoverMessage m, int length) {
        DecodeLine d = new DecodeLine(m.time());
        if (m instanceof PoolResponse r) {
            d.num("addresses-transferred", r.addressesTransferred());
        } else if (m instanceof BindingUpdate u) {
            d.ip(u.assignedAddress());
            u.bindingStatus().ifPresent(s -> d.parts.add("binding-status=" + BINDING.getOrDefault(s, "" + s)));
            u.clientIdentifier().ifPresent(c -> d.parts.add("client-id=" + c.hex()));
            u.clientHardwareAddress().ifPresent(c -> d.parts.add("chaddr=" + c.get(0) + "/"
                    + io.ironlease.shared.net.HardwareAddress.toColonHex(java.util.Arrays.copyOfRange(c.toArray(), 1, c.length()))));
            d.time("lease-expiry", u.leaseExpirationTime());
            d.time("potential-expiry", u.potentialExpirationTime());
            d.time("stos", u.startTimeOfState());
            d.time("cltt", u.clientLastTransactionTime());
        } else if (m instanceof BindingAck a) {
            d.ip(a.assignedAddress());
            d.small("reject-reason", a.rejectReason());
            d.text("message", a.message());
        } else if (m instanceof Connect c) {
            d.text("relationship-name", c.relationshipName());
            d.num("max-unacked", c.maxUnacked());
            d.num("receive-timer", c.receiveTimer());
            d.text("vendor-class", c.vendorClass());
            d.small("protocol-version", c.protocolVersion());
            d.small("tls-request", c.tlsRequest());
            d.num("mclt", c.mclt());
            c.hashBucketAssignment().ifPresent(h -> d.parts.add("hba=" + h.hex()));
        } else if (m instanceof ConnectAck c) {
            d.text("relationship-name", c.relationshipName());
            d.num("max-unacked", c.maxUnacked());
            d.num("receive-timer", c.receiveTimer());
            d.text("vendor-class", c.vendorClass());
            d.small("protocol-version", c.protocolVersion());
            d.small("tls-reply", c.tlsReply());
            d.small("reject-reason", c.rejectReason());
            d.text("message", c.message());
        } else if (m instanceof StateChange s) {
            s.serverState().ifPresent(v -> d.parts.add("server-state=" + STATES.getOrDefault(v, "?") + "(" + v + ")"));
            d.small("server-flags", s.serverFlags());
            d.time("stos", s.startTimeOfState());
        } else if (m instanceof Disconnect x) {
            d.small("reject-reason", x.rejectReason());
            d.text("message", x.message());
        }
        for (RawOption o : m.extra().list()) {
            d.parts.add("opt" + o.code() + "=" + o.data().hex());
        }
        return String.format("%-10s len=%-3d off=%d xid=%-5d time=%s  %s", m.type().name(), length, 12, m.xid(),
                CLOCK.format(Instant.ofEpochSecond(m.time())), String.join(" ", d.parts)).strip();
    }

    private void ip(Optional<Ipv4Address> address) {
        address.ifPresent(a -> parts.add("assigned-ip=" + a));
    }

    private void num(String name, OptionalLong value) {
        value.ifPresent(v -> parts.add(name + "=" + v));
    }

    private void small(String name, OptionalInt value) {
        value.ifPresent(v -> parts.add(name + "=" + v));
    }

    private void text(String name, Optional<String> value) {
        value.ifPresent(v -> parts.add(name + "='" + v + "'"));
    }

    private void time(String name, OptionalLong value) {
        value.ifPresent(v -> parts.add(v == 0 || v == 0xffff_ffffL ? name + "=" + v
                : String.format("%s=%+d", name, v - t0)));
    }
}
