package io.ironlease.omapi.auth;

import io.ironlease.shared.keys.KeyAlgorithm;
import io.ironlease.shared.keys.OmapiKey;
import java.security.GeneralSecurityException;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * HMAC signatures with a named OMAPI key, computed by the JDK's {@link Mac}: HMAC-MD5 (16 bytes, what
 * ISC dhcpd and omshell use) or the ironlease extensions HMAC-SHA256/512. Thread-safe: each thread
 * keeps its own {@code Mac}.
 */
public final class HmacSigner implements MessageSigner {

    private final OmapiKey key;
    private final ThreadLocal<Mac> macs;

    private HmacSigner(OmapiKey key) {
        this.key = key;
        KeyAlgorithm algorithm = key.algorithm();
        SecretKeySpec spec = new SecretKeySpec(key.secret(), algorithm.jcaName());
        newMac(spec, algorithm);
        this.macs = ThreadLocal.withInitial(() -> newMac(spec, algorithm));
    }

    /** A signer for the key; fails at once if the JDK lacks the key's algorithm. */
    public static HmacSigner forKey(OmapiKey key) {
        return new HmacSigner(key);
    }

    private static Mac newMac(SecretKeySpec spec, KeyAlgorithm algorithm) {
        try {
            Mac mac = Mac.getInstance(algorithm.jcaName());
            mac.init(spec);
            return mac;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot compute " + algorithm.jcaName() + ": " + e.getMessage(), e);
        }
    }

    public OmapiKey key() {
        return key;
    }

    @Override
    public int signatureLength() {
        return key.algorithm().signatureLength();
    }

    @Override
    public byte[] sign(byte[] data, int offset, int length) {
        Mac mac = macs.get();
        mac.update(data, offset, length);
        return mac.doFinal();
    }

    @Override
    public String toString() {
        return "HmacSigner[" + key + "]";
    }
}
