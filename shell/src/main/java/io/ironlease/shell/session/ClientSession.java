package io.ironlease.shell.session;

import io.ironlease.omapi.auth.Authenticator;
import io.ironlease.omapi.client.OmapiClient;
import io.ironlease.omapi.client.OmapiConnectionClosedException;
import io.ironlease.omapi.client.OmapiObject;
import io.ironlease.omapi.wire.OmapiException;
import io.ironlease.omapi.wire.OmapiMessage;
import io.ironlease.omapi.wire.OmapiStatus;
import io.ironlease.omapi.wire.OmapiValues;
import io.ironlease.omapi.wire.Opcode;
import io.ironlease.shared.keys.KeyAlgorithm;
import io.ironlease.shared.keys.OmapiKey;
import io.ironlease.shell.lang.OmapiSession;
import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.Arrays;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * The interpreter's session over {@link OmapiClient}, sending what omshell sends byte for byte: message
 * ids from omshell's first id on (continuing across connections), the OPEN flags omshell uses, the
 * authenticator's algorithm as dhcpctl names it ({@code hmac-md5.SIG-ALG.REG.INT.}). Failures carry
 * the statuses omshell reports: "host unknown" for an unknown server name, "no more" when the TCP
 * connection cannot be made, "connection reset by peer" when the server closes it. An unsigned reply
 * on an authenticated connection makes dhcpctl hang up (dhcpd sends one when the secret is wrong), so
 * that case too ends as "connection reset by peer".
 */
public final class ClientSession implements OmapiSession {

    /** ISC_R_NOMORE: what omshell reports when no address of the server accepts the connection. */
    static final OmapiStatus NO_MORE = OmapiStatus.valueOf(29);
    /** DHCP_R_HOSTUNKNOWN. */
    static final OmapiStatus HOST_UNKNOWN = OmapiStatus.valueOf(0x60000);
    private static final OmapiStatus CANCELED = OmapiStatus.valueOf(20);

    private final Duration connectTimeout;
    private final Duration requestTimeout;
    private int nextId = OmapiClient.OMSHELL_FIRST_MESSAGE_ID;

    public ClientSession(Duration connectTimeout, Duration requestTimeout) {
        this.connectTimeout = connectTimeout;
        this.requestTimeout = requestTimeout;
    }

    @Override
    public Connection connect(String server, int port, Credentials credentials) throws OmapiException {
        InetAddress address = resolve(server);
        int tcpPort = port & 0xffff;
        if (tcpPort == 0) {
            throw new OmapiException(NO_MORE, "port 0");
        }
        Optional<KeyAlgorithm> known = credentials == null ? Optional.empty()
                : KeyAlgorithm.fromName(credentials.algorithm());
        OmapiClient.Builder builder = OmapiClient.builder().connectTimeout(connectTimeout).requestTimeout(requestTimeout)
                .firstMessageId(nextId);
        if (known.isPresent()) {
            builder.key(key(credentials, known.get())).algorithmName(Authenticator.iscAlgorithmName(credentials.algorithm()));
        }
        OmapiClient client;
        try {
            client = builder.connect(address.getHostAddress(), tcpPort);
        } catch (OmapiException e) {
            if (e.status().code() == 12 || e.getCause() != null) {
                throw new OmapiException(NO_MORE, e.getMessage(), e);
            }
            nextId += credentials == null ? 0 : 1;
            throw e;
        }
        ClientConnection connection = new ClientConnection(client, credentials != null);
        if (credentials != null) {
            nextId++;
            if (known.isEmpty()) {
                connection.presentUnsupportedKey(credentials);
            }
        }
        return connection;
    }

    private static InetAddress resolve(String server) throws OmapiException {
        try {
            return Arrays.stream(InetAddress.getAllByName(server)).filter(Inet4Address.class::isInstance).findFirst()
                    .orElseThrow(() -> new OmapiException(HOST_UNKNOWN, server + " has no IPv4 address"));
        } catch (UnknownHostException e) {
            throw new OmapiException(HOST_UNKNOWN, server);
        }
    }

    /** omshell signs with whatever secret it has, even none: HMAC pads an empty key with zeros like {0}. */
    private static OmapiKey key(Credentials credentials, KeyAlgorithm algorithm) {
        byte[] secret = credentials.secret().length == 0 ? new byte[] {0} : credentials.secret();
        return new OmapiKey(credentials.name(), algorithm, secret);
    }

    /** One connection; counts the message ids it uses so the next connection continues after them. */
    private final class ClientConnection implements Connection {
        private final OmapiClient client;
        private final boolean authenticated;

        ClientConnection(OmapiClient client, boolean authenticated) {
            this.client = client;
            this.authenticated = authenticated;
        }

        /**
         * Presents a key whose algorithm this shell cannot compute: the server refuses it (ISC dhcpd
         * answers "not found" for an algorithm it does not know either), or accepts it and we give up.
         */
        void presentUnsupportedKey(Credentials credentials) throws OmapiException {
            OmapiMessage request = OmapiMessage.of(Opcode.OPEN, 0,
                    OmapiValues.builder().putString("type", Authenticator.TYPE).build(),
                    OmapiValues.builder().putString("name", credentials.name())
                            .putString("algorithm", Authenticator.iscAlgorithmName(credentials.algorithm())).build());
            try {
                OmapiMessage reply = await(client.send(request));
                if (reply.op() == Opcode.STATUS) {
                    throw Authenticator.statusOf(reply);
                }
                throw new OmapiException(OmapiStatus.NOT_IMPLEMENTED, "cannot sign with " + credentials.algorithm());
            } catch (OmapiException e) {
                client.close();
                throw e;
            }
        }

        @Override
        public OmapiObject open(String type, OmapiValues values, boolean create) throws OmapiException {
            OmapiValues.Builder message = OmapiValues.builder();
            if (create) {
                message.putInt32("create", 1).putInt32("exclusive", 1);
            }
            message.putString("type", type);
            return object(send(OmapiMessage.of(Opcode.OPEN, 0, message.build(), values)));
        }

        @Override
        public OmapiObject refresh(int handle) throws OmapiException {
            return object(send(OmapiMessage.of(Opcode.REFRESH, handle, OmapiValues.EMPTY, OmapiValues.EMPTY)));
        }

        @Override
        public void update(int handle, OmapiValues values) throws OmapiException {
            status(send(OmapiMessage.of(Opcode.UPDATE, handle, OmapiValues.EMPTY, values)));
        }

        @Override
        public void remove(int handle) throws OmapiException {
            status(send(OmapiMessage.of(Opcode.DELETE, handle, OmapiValues.EMPTY, OmapiValues.EMPTY)));
        }

        private OmapiMessage send(OmapiMessage request) throws OmapiException {
            nextId++;
            OmapiMessage reply = await(client.send(request));
            if (authenticated && reply.authId() == 0) {
                // dhcpctl takes an unsigned message on a signed connection as a broken connection and hangs up
                client.close();
                throw new OmapiConnectionClosedException("unsigned reply on a signed connection: "
                        + reply.message().int32("result").orElse(0) + "; closed");
            }
            return reply;
        }

        private <T> T await(CompletableFuture<T> future) throws OmapiException {
            try {
                return future.get(requestTimeout.toMillis() + 1000, TimeUnit.MILLISECONDS);
            } catch (ExecutionException e) {
                if (e.getCause() instanceof OmapiException omapi) {
                    throw omapi;
                }
                throw new OmapiException(OmapiStatus.UNEXPECTED, String.valueOf(e.getCause()), e.getCause());
            } catch (TimeoutException e) {
                throw new OmapiException(OmapiStatus.TIMED_OUT, "no reply within " + requestTimeout.toMillis() + " ms");
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new OmapiException(CANCELED, "interrupted");
            }
        }

        private OmapiObject object(OmapiMessage reply) throws OmapiException {
            if (reply.op() == Opcode.UPDATE) {
                return new OmapiObject(reply.handle(), reply.object());
            }
            status(reply);
            return new OmapiObject(0, OmapiValues.EMPTY);
        }

        private void status(OmapiMessage reply) throws OmapiException {
            if (reply.op() == Opcode.STATUS && reply.message().int32("result").orElse(0) != 0) {
                throw Authenticator.statusOf(reply);
            }
        }

        @Override
        public void close() {
            client.close();
        }
    }
}
