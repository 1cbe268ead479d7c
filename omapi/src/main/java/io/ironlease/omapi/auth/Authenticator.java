package io.ironlease.omapi.auth;

import io.ironlease.omapi.wire.OmapiException;
import io.ironlease.omapi.wire.OmapiMessage;
import io.ironlease.omapi.wire.OmapiStatus;
import io.ironlease.omapi.wire.OmapiValues;
import io.ironlease.omapi.wire.Opcode;
import io.ironlease.shared.keys.KeyAlgorithm;
import io.ironlease.shared.keys.OmapiKey;
import java.util.Locale;
import java.util.Optional;

/**
 * The authenticator exchange (OMAPI-NOTES section 5): the client sends an unsigned OPEN of type
 * {@code authenticator} naming its key and algorithm; the server answers with an UPDATE whose handle
 * the client then puts in every message's authid, or with a STATUS (23 for an unknown key).
 */
public final class Authenticator {

    /** The OMAPI object type of a key. */
    public static final String TYPE = "authenticator";
    /** Suffix of the DNS-style algorithm names ({@code HMAC-MD5.SIG-ALG.REG.INT.}). */
    private static final String DNS_SUFFIX = ".sig-alg.reg.int";

    private Authenticator() {
    }

    /** The unsigned OPEN that presents {@code key}; the sender sets the id. */
    public static OmapiMessage openRequest(OmapiKey key) {
        return openRequest(key, key.algorithm().wireName());
    }

    /**
     * The unsigned OPEN that presents {@code key} under an explicit {@code algorithm} value, e.g. the
     * one omshell sends for its {@code key-algorithm} ({@link #iscAlgorithmName}).
     */
    public static OmapiMessage openRequest(OmapiKey key, String algorithmName) {
        return OmapiMessage.of(Opcode.OPEN, 0,
                OmapiValues.builder().putString("type", TYPE).build(),
                OmapiValues.builder().putString("name", key.name()).putString("algorithm", algorithmName).build());
    }

    /**
     * The {@code algorithm} value omshell and dhcpctl send for an algorithm name as typed: the name
     * with {@code .SIG-ALG.REG.INT.} appended unless it already contains a dot. ISC dhcpd 4.4.3 only
     * accepts this form ({@code hmac-sha256.SIG-ALG.REG.INT.}, not {@code hmac-sha256}).
     */
    public static String iscAlgorithmName(String typed) {
        return typed.indexOf('.') >= 0 ? typed : typed + ".SIG-ALG.REG.INT.";
    }

    /** The values an authenticator object has on the wire: {@code name}, {@code algorithm}. */
    public static OmapiValues attributes(OmapiKey key) {
        return OmapiValues.builder()
                .putString("name", key.name())
                .putString("algorithm", key.algorithm().wireName())
                .build();
    }

    /**
     * The authenticator handle from the server's reply to {@link #openRequest}; throws with the
     * server's status when it refused the key.
     */
    public static int acceptReply(OmapiMessage reply) throws OmapiException {
        if (reply.op() == Opcode.UPDATE) {
            if (reply.handle() == 0) {
                throw new OmapiException(OmapiStatus.PROTOCOL_ERROR, "authenticator reply without a handle");
            }
            return reply.handle();
        }
        if (reply.op() == Opcode.STATUS) {
            throw statusOf(reply);
        }
        throw new OmapiException(OmapiStatus.PROTOCOL_ERROR, "unexpected " + reply.op() + " reply to authenticator");
    }

    /** The exception a STATUS message stands for (its {@code result} and {@code message}). */
    public static OmapiException statusOf(OmapiMessage status) {
        OmapiValues values = status.message();
        OmapiStatus result;
        try {
            result = OmapiStatus.valueOf(values.int32("result").orElse(OmapiStatus.UNEXPECTED.code()));
        } catch (IllegalArgumentException e) {
            result = OmapiStatus.UNEXPECTED;
        }
        return new OmapiException(result, values.string("message").orElse(null));
    }

    /**
     * The algorithm an {@code algorithm} value names: the config name ({@code hmac-md5}), the wire name,
     * or the DNS form with or without the trailing dot ({@code HMAC-SHA256.SIG-ALG.REG.INT.}), any case.
     */
    public static Optional<KeyAlgorithm> algorithmFromWire(String value) {
        String name = value.toLowerCase(Locale.ROOT);
        if (name.endsWith(".")) {
            name = name.substring(0, name.length() - 1);
        }
        if (name.endsWith(DNS_SUFFIX)) {
            name = name.substring(0, name.length() - DNS_SUFFIX.length());
        }
        return KeyAlgorithm.fromName(name);
    }
}
