package io.ironlease.shared.keys;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * HMAC algorithms a {@code key} stanza may name. HMAC-MD5 is what ISC dhcpd and omshell speak;
 * the SHA-2 variants are ironlease extensions for sites that cannot use MD5.
 */
public enum KeyAlgorithm {
    HMAC_MD5("hmac-md5", "hmac-md5.SIG-ALG.REG.INT.", "HmacMD5", 16),
    HMAC_SHA256("hmac-sha256", "hmac-sha256.SIG-ALG.REG.INT.", "HmacSHA256", 32),
    HMAC_SHA512("hmac-sha512", "hmac-sha512.SIG-ALG.REG.INT.", "HmacSHA512", 64);

    private final String configName;
    private final String wireName;
    private final String jcaName;
    private final int signatureLength;

    KeyAlgorithm(String configName, String wireName, String jcaName, int signatureLength) {
        this.configName = configName;
        this.wireName = wireName;
        this.jcaName = jcaName;
        this.signatureLength = signatureLength;
    }

    /** The name written in dhcpd.conf, e.g. {@code hmac-md5}. */
    public String configName() {
        return configName;
    }

    /** The name sent in the OMAPI authenticator's {@code algorithm} value; ISC dhcpd wants the DNS form for every HMAC. */
    public String wireName() {
        return wireName;
    }

    /** The JCA Mac algorithm name. */
    public String jcaName() {
        return jcaName;
    }

    /** Bytes of signature each message carries (the OMAPI authlen). */
    public int signatureLength() {
        return signatureLength;
    }

    /**
     * Finds the algorithm for a config or wire name, ignoring case and a trailing dot, and
     * accepting the long DNS form ({@code HMAC-MD5.SIG-ALG.REG.INT}) as dhcpd does.
     */
    public static Optional<KeyAlgorithm> fromName(String name) {
        String wanted = name.toLowerCase(Locale.ROOT);
        if (wanted.endsWith(".")) {
            wanted = wanted.substring(0, wanted.length() - 1);
        }
        for (KeyAlgorithm algorithm : values()) {
            String wire = algorithm.wireName.toLowerCase(Locale.ROOT);
            if (wire.endsWith(".")) {
                wire = wire.substring(0, wire.length() - 1);
            }
            if (wanted.equals(algorithm.configName) || wanted.equals(wire)) {
                return Optional.of(algorithm);
            }
        }
        return Optional.empty();
    }

    /** The config names, for "expected one of" messages. */
    public static String knownNames() {
        return Arrays.stream(values()).map(KeyAlgorithm::configName).collect(Collectors.joining(", "));
    }
}
