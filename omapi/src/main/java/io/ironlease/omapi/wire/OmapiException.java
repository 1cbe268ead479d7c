package io.ironlease.omapi.wire;

import java.util.Objects;
import java.util.Optional;

/**
 * A request that ended with a non-success OMAPI status. Carries the {@link OmapiStatus} (whose text
 * is what omshell prints, e.g. "not found") and, when the peer sent one, the STATUS message's
 * {@code message} string (e.g. "no object matches specification"). Server-side providers throw it to
 * choose the status of their reply.
 */
public class OmapiException extends Exception {
    private static final long serialVersionUID = 1L;

    private final transient OmapiStatus status;
    private final String serverMessage;

    public OmapiException(OmapiStatus status) {
        this(status, null, null);
    }

    public OmapiException(OmapiStatus status, String serverMessage) {
        this(status, serverMessage, null);
    }

    public OmapiException(OmapiStatus status, String serverMessage, Throwable cause) {
        super(describe(status, serverMessage), cause);
        this.status = Objects.requireNonNull(status, "status");
        this.serverMessage = serverMessage;
    }

    private static String describe(OmapiStatus status, String serverMessage) {
        return serverMessage == null ? status.text() : status.text() + " (" + serverMessage + ")";
    }

    public OmapiStatus status() {
        return status;
    }

    /** The {@code message} value of the STATUS reply, or the text a provider chose for it. */
    public Optional<String> serverMessage() {
        return Optional.ofNullable(serverMessage);
    }
}
