package io.ironlease.omapi.auth;

import io.ironlease.omapi.wire.OmapiCodec;
import io.ironlease.omapi.wire.OmapiFrame;
import java.security.MessageDigest;

/**
 * Signs and verifies OMAPI messages. The signed bytes are the encoded message from offset 4 (after
 * the authid) to the end of the object list (OMAPI-NOTES section 5); {@link OmapiCodec#encodeSigned}
 * and {@link #verify(OmapiFrame)} pick that region out.
 */
public interface MessageSigner {

    /** Bytes of signature per message: the authlen this signer puts in headers. */
    int signatureLength();

    /** The signature of {@code length} bytes of {@code data} from {@code offset}. */
    byte[] sign(byte[] data, int offset, int length);

    /** Whether {@code signature} is this signer's signature of the region; compares in constant time. */
    default boolean verify(byte[] data, int offset, int length, byte[] signature) {
        return signature.length == signatureLength() && MessageDigest.isEqual(sign(data, offset, length), signature);
    }

    /** Whether a received frame carries this signer's signature over its signed region. */
    default boolean verify(OmapiFrame frame) {
        int authLength = frame.message().authLength();
        byte[] bytes = frame.bytes();
        return authLength == signatureLength()
                && verify(bytes, OmapiCodec.SIGNED_FROM, bytes.length - OmapiCodec.SIGNED_FROM - authLength,
                        frame.message().signature());
    }
}
