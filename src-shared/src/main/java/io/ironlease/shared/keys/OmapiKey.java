package io.ironlease.shared.keys;

import java.util.Arrays;
import java.util.Base64;
import java.util.Objects;

/**
 * A named shared secret for OMAPI (and TSIG): what a dhcpd.conf {@code key NAME { algorithm ..; secret ..; }}
 * stanza defines. The secret is kept decoded; {@link #toString()} never shows it.
 */
public final class OmapiKey {

    private final String name;
    private final KeyAlgorithm algorithm;
    private final byte[] secret;

    public OmapiKey(String name, KeyAlgorithm algorithm, byte[] secret) {
        this.name = Objects.requireNonNull(name, "name");
        this.algorithm = Objects.requireNonNull(algorithm, "algorithm");
        if (secret.length == 0) {
            throw new IllegalArgumentException("key " + name + " has an empty secret");
        }
        this.secret = secret.clone();
    }

    /** Builds a key from its base64 secret; throws {@link InvalidSecretException} when it is not base64. */
    public static OmapiKey fromBase64(String name, KeyAlgorithm algorithm, String base64Secret) {
        return new OmapiKey(name, algorithm, decodeSecret(base64Secret));
    }

    /**
     * Decodes a base64 secret as BIND and dhcpd read it: standard alphabet, padding required
     * only to complete the last group, no other characters.
     */
    public static byte[] decodeSecret(String base64Secret) {
        String compact = base64Secret.strip();
        if (compact.isEmpty()) {
            throw new InvalidSecretException("the secret is empty");
        }
        if (!compact.matches("[A-Za-z0-9+/]+={0,2}")) {
            throw new InvalidSecretException("the secret is not base64");
        }
        try {
            byte[] decoded = Base64.getDecoder().decode(compact);
            if (decoded.length == 0) {
                throw new InvalidSecretException("the secret decodes to nothing");
            }
            return decoded;
        } catch (IllegalArgumentException e) {
            throw new InvalidSecretException("the secret is not base64 (" + e.getMessage() + ")");
        }
    }

    public String name() {
        return name;
    }

    public KeyAlgorithm algorithm() {
        return algorithm;
    }

    public byte[] secret() {
        return secret.clone();
    }

    public String secretBase64() {
        return Base64.getEncoder().encodeToString(secret);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof OmapiKey other && name.equals(other.name) && algorithm == other.algorithm
                && Arrays.equals(secret, other.secret);
    }

    @Override
    public int hashCode() {
        return Objects.hash(name, algorithm, Arrays.hashCode(secret));
    }

    @Override
    public String toString() {
        return "OmapiKey[" + name + ", " + algorithm.configName() + "]";
    }

    /** A secret that cannot be decoded. */
    public static final class InvalidSecretException extends IllegalArgumentException {
        private static final long serialVersionUID = 1L;

        public InvalidSecretException(String message) {
            super(message);
        }
    }
}
