package io.ironlease.omapi.client;

import io.ironlease.omapi.wire.OmapiValues;

/**
 * An object as the server sent it: its server-wide handle (for {@code refresh}, {@code update},
 * {@code delete}) and all its attributes in the server's order.
 */
public record OmapiObject(int handle, OmapiValues values) {
}
