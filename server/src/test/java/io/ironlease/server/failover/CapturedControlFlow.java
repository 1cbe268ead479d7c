package io.ironlease.server.failover;

import io.ironlease.server.failover.wire.FailoverCodec;
import io.ironlease.server.failover.wire.FailoverMessage;
import io.ironlease.server.failover.wire.FailoverMessageType;
import io.ironlease.server.failover.wire.FailoverProtocolException;
import io.ironlease.server.failover.wire.GoldenVectors;
import java.util.ArrayList;
import java.util.List;

/** The control messages (everything but BNDUPD, BNDACK and CONTACT) one ISC server sent in a capture window. */
final class CapturedControlFlow {

    private CapturedControlFlow() {
    }

    static List<String> sentBy(String file, String sender, double fromSeconds, double toSeconds) {
        List<String> flow = new ArrayList<>();
        for (GoldenVectors.Vector v : GoldenVectors.load(file)) {
            if (!v.sender().equals(sender) || v.seconds() < fromSeconds || v.seconds() > toSeconds) {
                continue;
            }
            FailoverMessage m;
            try {
                m = FailoverCodec.decode(v.bytes());
            } catch (FailoverProtocolException e) {
                throw new AssertionError(e);
            }
            if (isControl(m.type())) {
                flow.add(PairSimulation.describe(m));
            }
        }
        return flow;
    }

    static List<String> control(List<String> sent) {
        return sent.stream().filter(s -> !s.equals("BNDUPD") && !s.equals("BNDACK") && !s.equals("CONTACT")).toList();
    }

    private static boolean isControl(FailoverMessageType type) {
        return type != FailoverMessageType.BNDUPD && type != FailoverMessageType.BNDACK
                && type != FailoverMessageType.CONTACT;
    }
}
