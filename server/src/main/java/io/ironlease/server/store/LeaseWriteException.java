package io.ironlease.server.store;

import java.io.IOException;

/** Records could not be made durable (write or fsync failed, e.g. disk full): they must not be acknowledged. */
public final class LeaseWriteException extends IOException {

    private static final long serialVersionUID = 1L;

    public LeaseWriteException(String message, Throwable cause) {
        super(message, cause);
    }
}
