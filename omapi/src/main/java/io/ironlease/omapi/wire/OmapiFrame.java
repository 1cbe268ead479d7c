package io.ironlease.omapi.wire;

/**
 * A decoded message together with the exact bytes it arrived as; signatures are checked over these
 * bytes, not over a re-encoding.
 */
public record OmapiFrame(byte[] bytes, OmapiMessage message) {
}
