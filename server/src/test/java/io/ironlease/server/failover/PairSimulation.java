package io.ironlease.server.failover;

import io.ironlease.server.failover.wire.FailoverCodec;
import io.ironlease.server.failover.wire.FailoverMessage;
import io.ironlease.server.failover.wire.FailoverProtocolException;
import io.ironlease.server.failover.wire.StateChange;
import io.ironlease.shared.leases.FailoverState;
import io.ironlease.shared.net.Ipv4Address;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.PriorityQueue;

/**
 * Two state machines back to back over a simulated network with a virtual clock: every message goes
 * through the codec, timers fire at their virtual time, servers can be killed, frozen (SIGSTOP),
 * restarted from their persisted state, and the link can be cut. Deterministic; bounded steps.
 */
final class PairSimulation {

    static final Instant T0 = Instant.parse("2026-11-24T23:43:32Z");
    static final Duration LATENCY = Duration.ofMillis(1);

    final class Side {
        final String name;
        final FailoverSettings settings;
        final SimEngine engine;
        FailoverStateMachine machine;
        boolean running;
        boolean frozen;
        int incarnation;
        final List<Runnable> backlog = new ArrayList<>();
        final List<String> states = new ArrayList<>();
        final List<String> sent = new ArrayList<>();
        final List<Instant> stateTimes = new ArrayList<>();
        final List<Instant> sentTimes = new ArrayList<>();
        final List<FailoverMessage> sentMessages = new ArrayList<>();

        Side(String name, FailoverSettings settings, SimEngine engine) {
            this.name = name;
            this.settings = settings;
            this.engine = engine;
        }

        Side other() {
            return this == primary ? secondary : primary;
        }

        FailoverStatus status() {
            return machine.status();
        }
    }

    private record Scheduled(Instant at, long seq, Side side, int incarnation, Runnable task) {
    }

    private record Connection(Side a, LinkId la, Side b, LinkId lb) {
        LinkId linkOf(Side s) {
            return s == a ? la : lb;
        }

        Side peerOf(Side s) {
            return s == a ? b : a;
        }
    }

    final Side primary;
    final Side secondary;
    Instant now = T0;
    boolean networkUp = true;
    private long seq;
    private long linkIds;
    private final PriorityQueue<Scheduled> queue = new PriorityQueue<>(
            (x, y) -> x.at().equals(y.at()) ? Long.compare(x.seq(), y.seq()) : x.at().compareTo(y.at()));
    private final Map<LinkId, Connection> connections = new HashMap<>();
    private final Map<LinkId, Boolean> open = new HashMap<>();

    PairSimulation(FailoverSettings p, FailoverSettings s, int addresses, Duration desiredLease) {
        Ipv4Address first = Ipv4Address.parse("192.168.100.33");
        primary = new Side("primary", p, new SimEngine(Role.PRIMARY, first, addresses, desiredLease));
        secondary = new Side("secondary", s, new SimEngine(Role.SECONDARY, first, addresses, desiredLease));
    }

    static PairSimulation lab(int addresses, Duration mclt, Duration mrd) {
        Ipv4Address p = Ipv4Address.parse("192.168.100.31");
        Ipv4Address s = Ipv4Address.parse("192.168.100.32");
        FailoverSettings ps = FailoverSettings.primary("failover-dhcp", p, s, mclt, HashBucketAssignment.split(128))
                .withMaxResponseDelay(mrd, 10);
        FailoverSettings ss = FailoverSettings.secondary("failover-dhcp", s, p).withMaxResponseDelay(mrd, 10);
        return new PairSimulation(ps, ss, addresses, Duration.ofSeconds(86400));
    }

    void start(Side side) {
        side.machine = new FailoverStateMachine(side.settings);
        side.running = true;
        side.frozen = false;
        side.backlog.clear();
        side.incarnation++;
        deliver(side, new FailoverEvent.Started(side.engine.persisted));
    }

    /** SIGTERM or SIGKILL: the process is gone, the partner sees the connection close at once. */
    void kill(Side side) {
        side.running = false;
        side.frozen = false;
        side.backlog.clear();
        for (Connection c : List.copyOf(connections.values())) {
            if ((c.a() == side || c.b() == side) && open.getOrDefault(c.linkOf(side), false)) {
                closeFrom(side, c.linkOf(side));
            }
        }
    }

    void freeze(Side side) {
        side.frozen = true;
    }

    void thaw(Side side) {
        side.frozen = false;
        List<Runnable> pending = List.copyOf(side.backlog);
        side.backlog.clear();
        for (Runnable r : pending) {
            schedule(now, side, r);
        }
    }

    void adminSetState(Side side, FailoverState state) {
        deliver(side, new FailoverEvent.AdminSetState(state));
    }

    /** A client DISCOVER+REQUEST to one server, handled at once. */
    Optional<Map.Entry<Ipv4Address, Duration>> client(Side side, byte[] mac, int secs) {
        if (!side.running || side.frozen) {
            return Optional.empty();
        }
        List<FailoverEvent> events = new ArrayList<>();
        Optional<Map.Entry<Ipv4Address, Duration>> got = side.engine.allocate(mac, secs, now, events);
        for (FailoverEvent e : events) {
            deliver(side, e);
        }
        return got;
    }

    void expireLeases(Side side) {
        List<FailoverEvent> events = new ArrayList<>();
        side.engine.expire(now, events);
        events.forEach(e -> deliver(side, e));
    }

    /** Runs every event due up to {@code until}, then leaves the clock there. */
    void runUntil(Instant until) {
        int steps = 0;
        while (!queue.isEmpty() && !queue.peek().at().isAfter(until)) {
            if (++steps > 2_000_000) {
                throw new IllegalStateException("simulation did not settle by " + until);
            }
            Scheduled next = queue.poll();
            now = next.at();
            if (!next.side().running || next.incarnation() != next.side().incarnation) {
                continue;
            }
            if (next.side().frozen) {
                next.side().backlog.add(next.task());
                continue;
            }
            next.task().run();
        }
        now = until;
    }

    void runFor(Duration d) {
        runUntil(now.plus(d));
    }

    private void schedule(Instant at, Side side, Runnable task) {
        queue.add(new Scheduled(at, seq++, side, side.incarnation, task));
    }

    void deliver(Side side, FailoverEvent event) {
        schedule(now, side, () -> handle(side, event));
    }

    private void handle(Side side, FailoverEvent event) {
        List<FailoverAction> actions = side.machine.on(event, now);
        for (FailoverAction a : actions) {
            apply(side, a);
        }
    }

    private void apply(Side side, FailoverAction a) {
        if (a instanceof FailoverAction.Send send) {
            byte[] bytes = FailoverCodec.encode(send.message());
            side.sent.add(describe(send.message()));
            side.sentTimes.add(now);
            side.sentMessages.add(send.message());
            Connection c = connections.get(send.link());
            if (c != null && networkUp && open.getOrDefault(send.link(), false)) {
                Side to = c.peerOf(side);
                LinkId toLink = c.linkOf(to);
                schedule(now.plus(LATENCY), to, () -> {
                    if (open.getOrDefault(toLink, false)) {
                        handle(to, new FailoverEvent.MessageReceived(toLink, decode(bytes)));
                    }
                });
            }
        } else if (a instanceof FailoverAction.CloseConnection close) {
            closeFrom(side, close.link());
        } else if (a instanceof FailoverAction.OpenConnection) {
            Side peer = side.other();
            if (networkUp && peer.running && peer.machine != null) {
                LinkId mine = new LinkId(++linkIds);
                LinkId theirs = new LinkId(++linkIds);
                Connection c = new Connection(side, mine, peer, theirs);
                connections.put(mine, c);
                connections.put(theirs, c);
                open.put(mine, true);
                open.put(theirs, true);
                schedule(now.plus(LATENCY), side, () -> handle(side, new FailoverEvent.ConnectionUp(mine)));
                schedule(now.plus(LATENCY), peer, () -> handle(peer, new FailoverEvent.ConnectionUp(theirs)));
            } else {
                schedule(now.plus(LATENCY), side, () -> handle(side, new FailoverEvent.ConnectAttemptFailed()));
            }
        } else if (a instanceof FailoverAction.StartTimer t) {
            FailoverStateMachine owner = side.machine;
            schedule(t.at(), side, () -> {
                if (side.machine == owner) {
                    handle(side, new FailoverEvent.TimerFired(t.kind(), t.link()));
                }
            });
        } else if (a instanceof FailoverAction.StateChanged changed) {
            side.states.add(changed.from() + ">" + changed.to());
            side.stateTimes.add(now);
        } else if (!(a instanceof FailoverAction.CancelTimer)) {
            for (FailoverEvent e : side.engine.apply(a, now)) {
                deliver(side, e);
            }
        }
    }

    private void closeFrom(Side side, LinkId link) {
        if (!open.getOrDefault(link, false)) {
            return;
        }
        open.put(link, false);
        Connection c = connections.get(link);
        Side peer = c.peerOf(side);
        LinkId peerLink = c.linkOf(peer);
        if (networkUp && open.getOrDefault(peerLink, false)) {
            // the FIN follows any data already sent on the connection
            schedule(now.plus(LATENCY), peer, () -> {
                if (open.getOrDefault(peerLink, false)) {
                    open.put(peerLink, false);
                    handle(peer, new FailoverEvent.ConnectionLost(peerLink));
                }
            });
        }
    }

    /** Restores a cut link: connections closed on one side during the cut are reset on the other. */
    void restoreNetwork() {
        networkUp = true;
        for (Connection c : List.copyOf(connections.values())) {
            boolean aOpen = open.getOrDefault(c.la(), false);
            boolean bOpen = open.getOrDefault(c.lb(), false);
            if (aOpen != bOpen) {
                Side stale = aOpen ? c.a() : c.b();
                LinkId link = c.linkOf(stale);
                open.put(link, false);
                schedule(now.plus(LATENCY), stale, () -> handle(stale, new FailoverEvent.ConnectionLost(link)));
            }
        }
    }

    private static FailoverMessage decode(byte[] bytes) {
        try {
            return FailoverCodec.decode(bytes);
        } catch (FailoverProtocolException e) {
            throw new AssertionError(e);
        }
    }

    /** When the side last moved into {@code state}. */
    Instant lastEntered(Side side, FailoverState state) {
        for (int i = side.states.size() - 1; i >= 0; i--) {
            if (side.states.get(i).endsWith(">" + state)) {
                return side.stateTimes.get(i);
            }
        }
        throw new AssertionError(side.name + " never entered " + state + ": " + side.states);
    }

    /** Runs until the side is in {@code state} or {@code limit} passes; bounded in virtual time. */
    void runUntilState(Side side, FailoverState state, Duration limit) {
        Instant end = now.plus(limit);
        while (now.isBefore(end) && (side.machine == null || side.machine.myState() != state)) {
            runFor(Duration.ofMillis(100));
        }
    }

    /** A MAC address whose RFC 3074 bucket belongs to {@code role} under split 128. */
    static byte[] macServedBy(Role role, int start) {
        for (int i = start; i < start + 1000; i++) {
            byte[] mac = {2, 0, 0, 0, (byte) (i >> 8), (byte) i};
            boolean primary = HashBucketAssignment.split(128).isPrimaryBucket(LoadBalanceHash.hash(mac));
            if (primary == (role == Role.PRIMARY)) {
                return mac;
            }
        }
        throw new AssertionError("no MAC found");
    }

    static String describe(FailoverMessage m) {
        if (m instanceof StateChange s) {
            return "STATE(" + FailoverState.find(s.serverState().orElse(0)).orElseThrow()
                    + (s.startupFlag() ? ",startup" : "") + ")";
        }
        return m.type().name();
    }
}
