package io.ironlease.shell.lang;

import io.ironlease.omapi.client.OmapiObject;
import io.ironlease.omapi.wire.OmapiException;
import io.ironlease.omapi.wire.OmapiValues;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;

/** A session that records what the interpreter sends and answers from a queue of scripted replies. */
final class RecordingSession implements OmapiSession {

    /** One request as sent. */
    record Sent(String op, String type, int handle, OmapiValues values, boolean create) {
    }

    final List<Sent> sent = new ArrayList<>();
    final Deque<Object> replies = new ArrayDeque<>();
    OmapiException connectFailure;
    Credentials credentials;

    /** Queues a reply: an {@link OmapiObject}, an {@link OmapiException}, or null for a plain success. */
    RecordingSession then(Object reply) {
        replies.add(reply == null ? "ok" : reply);
        return this;
    }

    @Override
    public Connection connect(String server, int port, Credentials given) throws OmapiException {
        if (connectFailure != null) {
            throw connectFailure;
        }
        this.credentials = given;
        return new Connection() {
            @Override
            public OmapiObject open(String type, OmapiValues values, boolean create) throws OmapiException {
                sent.add(new Sent("open", type, 0, values, create));
                return (OmapiObject) answer();
            }

            @Override
            public OmapiObject refresh(int handle) throws OmapiException {
                sent.add(new Sent("refresh", null, handle, OmapiValues.EMPTY, false));
                return (OmapiObject) answer();
            }

            @Override
            public void update(int handle, OmapiValues values) throws OmapiException {
                sent.add(new Sent("update", null, handle, values, false));
                answer();
            }

            @Override
            public void remove(int handle) throws OmapiException {
                sent.add(new Sent("remove", null, handle, OmapiValues.EMPTY, false));
                answer();
            }

            @Override
            public void close() {
                sent.add(new Sent("close", null, 0, OmapiValues.EMPTY, false));
            }
        };
    }

    private Object answer() throws OmapiException {
        Object reply = replies.poll();
        if (reply == null) {
            throw new AssertionError("no reply scripted");
        }
        if (reply instanceof OmapiException e) {
            throw e;
        }
        return reply;
    }
}
