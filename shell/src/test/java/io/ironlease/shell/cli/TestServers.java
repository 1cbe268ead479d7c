package io.ironlease.shell.cli;

import io.ironlease.omapi.server.HandleRegistry;
import io.ironlease.omapi.server.ObjectProvider;
import io.ironlease.omapi.server.OmapiServer;
import io.ironlease.omapi.testing.GoldenVectors;
import io.ironlease.omapi.testing.MemoryHostProvider;
import io.ironlease.omapi.testing.MemoryLeaseProvider;
import io.ironlease.omapi.testing.MemoryLeaseQueryProvider;
import io.ironlease.omapi.wire.OmapiException;
import io.ironlease.omapi.wire.OmapiFrame;
import io.ironlease.omapi.wire.OmapiMessage;
import io.ironlease.omapi.wire.OmapiStatus;
import io.ironlease.omapi.wire.OmapiValues;
import io.ironlease.omapi.wire.Opcode;
import io.ironlease.shared.net.HardwareAddress;
import io.ironlease.shared.net.Ipv4Address;
import java.net.InetAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Our OMAPI server on loopback with the lab key and data from the dhcpd captures, for the command tests. */
final class TestServers {

    private TestServers() {
    }

    /** The leases dhcpd sent in the p05 capture, as lease attributes. */
    static List<OmapiValues> capturedLeases() {
        List<OmapiValues> leases = new ArrayList<>();
        for (OmapiFrame frame : GoldenVectors.load("p05-lease-by-ip").serverMessages()) {
            OmapiMessage reply = frame.message();
            if (reply.op() == Opcode.UPDATE && reply.object().contains("state")) {
                if (leases.stream().noneMatch(l -> l.equals(reply.object()))) {
                    leases.add(reply.object());
                }
            }
        }
        return leases;
    }

    /** The failover-state dhcpd sent in the f21 capture (peer "omlab-failover", local state startup). */
    static OmapiValues capturedFailoverState() {
        for (OmapiFrame frame : GoldenVectors.load("f21-failover-state-open").serverMessages()) {
            if (frame.message().op() == Opcode.UPDATE && frame.message().object().contains("local-state")) {
                return frame.message().object();
            }
        }
        throw new IllegalStateException("no failover-state in f21");
    }

    /** leases, hosts, failover-state and the lease listing extension (over the captured leases plus 300 more). */
    static OmapiServer full() throws Exception {
        MemoryLeaseProvider leases = new MemoryLeaseProvider(null);
        List<OmapiValues> all = new ArrayList<>(capturedLeases());
        capturedLeases().forEach(values -> leases.add(MemoryLeaseProvider.fromValues(values)));
        for (int i = 0; i < 300; i++) {
            all.add(OmapiValues.builder().putInt32("state", i % 2 == 0 ? 2 : 1)
                    .putIpv4("ip-address", Ipv4Address.parse("10.9." + (i / 100) + "." + (i % 100 + 1)))
                    .putHardwareAddress(HardwareAddress.ethernet(new byte[] {0, 0x11, 0, 0, 0, (byte) i}))
                    .putString("client-hostname", "bulk-" + i).putUint32("ends", 1_800_000_000L).build());
        }
        return OmapiServer.builder().port(0).bindAddress(InetAddress.getLoopbackAddress()).key(GoldenVectors.labKey())
                .provider(leases).provider(new MemoryHostProvider(null)).provider(new FailoverProvider())
                .provider(new MemoryLeaseQueryProvider(() -> all)).build().start();
    }

    /** Leases and hosts only: what an ISC dhcpd looks like to the listing extension. */
    static OmapiServer plain() throws Exception {
        MemoryLeaseProvider leases = new MemoryLeaseProvider(null);
        capturedLeases().forEach(values -> leases.add(MemoryLeaseProvider.fromValues(values)));
        return OmapiServer.builder().port(0).bindAddress(InetAddress.getLoopbackAddress()).key(GoldenVectors.labKey())
                .provider(leases).provider(new MemoryHostProvider(null)).build().start();
    }

    /** One failover peer answering with the captured attributes; its local-state can be updated. */
    static final class FailoverProvider implements ObjectProvider<String> {
        private volatile int localState = 1;

        @Override
        public String type() {
            return "failover-state";
        }

        @Override
        public Optional<String> lookup(OmapiValues keys) {
            return keys.string("name").filter("omlab-failover"::equals);
        }

        @Override
        public void update(String peer, OmapiValues values) throws OmapiException {
            localState = values.int32("local-state").orElseThrow(() -> new OmapiException(OmapiStatus.INVALID_ARGUMENT));
        }

        @Override
        public OmapiValues render(String peer, HandleRegistry handles) {
            return capturedFailoverState().toBuilder().putInt32("local-state", localState).build();
        }
    }
}
