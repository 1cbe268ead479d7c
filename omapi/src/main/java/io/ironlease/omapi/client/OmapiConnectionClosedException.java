package io.ironlease.omapi.client;

import io.ironlease.omapi.wire.OmapiException;
import io.ironlease.omapi.wire.OmapiStatus;

/**
 * The connection ended before the reply came: the server closed it (as dhcpd does after a bad
 * signature), it was reset, or the client was closed. Status {@link OmapiStatus#CONNECTION_RESET},
 * whose text "connection reset by peer" is what omshell prints in that case.
 */
public final class OmapiConnectionClosedException extends OmapiException {
    private static final long serialVersionUID = 1L;

    public OmapiConnectionClosedException(String detail) {
        super(OmapiStatus.CONNECTION_RESET, detail);
    }
}
