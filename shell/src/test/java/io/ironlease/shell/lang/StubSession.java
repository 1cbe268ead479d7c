package io.ironlease.shell.lang;

import io.ironlease.omapi.client.OmapiObject;
import io.ironlease.omapi.wire.OmapiValues;

/**
 * A server that only exchanges start-up messages: {@code connect} without a key succeeds, and any
 * request fails the test (the quirk scripts never reach the wire).
 */
final class StubSession implements OmapiSession {

    int connects;
    int closes;

    @Override
    public Connection connect(String server, int port, Credentials credentials) {
        if (credentials != null) {
            throw new AssertionError("the quirk scripts connect without a key");
        }
        connects++;
        return new Connection() {
            @Override
            public OmapiObject open(String type, OmapiValues values, boolean create) {
                throw new AssertionError("open sent");
            }

            @Override
            public OmapiObject refresh(int handle) {
                throw new AssertionError("refresh sent");
            }

            @Override
            public void update(int handle, OmapiValues values) {
                throw new AssertionError("update sent");
            }

            @Override
            public void remove(int handle) {
                throw new AssertionError("remove sent");
            }

            @Override
            public void close() {
                closes++;
            }
        };
    }
}
