package io.ironlease.omapi.auth;

/** No authentication: authlen 0, no signature. What an unkeyed omshell connection uses. */
public final class NullSigner implements MessageSigner {

    public static final NullSigner INSTANCE = new NullSigner();

    private static final byte[] NONE = new byte[0];

    private NullSigner() {
    }

    @Override
    public int signatureLength() {
        return 0;
    }

    @Override
    public byte[] sign(byte[] data, int offset, int length) {
        return NONE;
    }
}
