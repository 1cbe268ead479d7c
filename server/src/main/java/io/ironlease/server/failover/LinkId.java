package io.ironlease.server.failover;

/**
 * Names one TCP connection to the partner. Both servers connect to each other, so two connections
 * can exist at once until the handshake keeps one; the peer link numbers them, the state machine
 * tracks each one's xid counter and handshake by this id.
 */
public record LinkId(long value) {

    @Override
    public String toString() {
        return "link-" + value;
    }
}
