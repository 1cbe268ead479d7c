package io.ironlease.shell.lang;

import io.ironlease.omapi.client.OmapiObject;
import io.ironlease.omapi.wire.OmapiException;
import io.ironlease.omapi.wire.OmapiValues;

/**
 * How the interpreter reaches an OMAPI server: a factory of connections. The interpreter decides what
 * to send (as omshell's dhcpctl does); an implementation only carries the requests, so tests drive the
 * interpreter without sockets. Failures are {@link OmapiException}s whose status text is what omshell
 * prints ("not found", "connection reset by peer", "no more" for a refused TCP connection).
 */
public interface OmapiSession {

    /** What {@code key NAME SECRET} and {@code key-algorithm} set; {@code algorithm} as typed, e.g. {@code hmac-md5}. */
    record Credentials(String name, byte[] secret, String algorithm) {
        public Credentials {
            secret = secret.clone();
        }

        @Override
        public byte[] secret() {
            return secret.clone();
        }
    }

    /**
     * Opens a connection: TCP, the start-up exchange, and with credentials the authenticator exchange.
     * {@code server} is a host name or dotted quad as typed; {@code port} may be out of range (omshell
     * truncates it to 16 bits).
     */
    Connection connect(String server, int port, Credentials credentials) throws OmapiException;

    /** One connection; requests are sent one at a time and each waits for its reply. */
    interface Connection extends AutoCloseable {

        /** OPEN; with {@code create}, also the create and exclusive flags. The reply is the object. */
        OmapiObject open(String type, OmapiValues values, boolean create) throws OmapiException;

        /** REFRESH by handle. */
        OmapiObject refresh(int handle) throws OmapiException;

        /** UPDATE by handle; success is a status without values. */
        void update(int handle, OmapiValues values) throws OmapiException;

        /** DELETE by handle. */
        void remove(int handle) throws OmapiException;

        /** Closes the connection (omshell's {@code disconnect}). */
        @Override
        void close();
    }
}
