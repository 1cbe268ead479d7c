package io.ironlease.omapi.wire;

import java.util.Arrays;
import java.util.HexFormat;
import java.util.Objects;

/**
 * One OMAPI message (OMAPI-NOTES section 2): the 24-byte header, the message and object name/value
 * lists, and the signature. {@code authId}, {@code handle}, {@code id} and {@code rid} are unsigned
 * 32-bit on the wire and kept here as their bits. The header's authlen is the signature's length, so
 * it is not stored twice; an unsigned message has an empty signature.
 */
public record OmapiMessage(int authId, Opcode op, int handle, int id, int rid, OmapiValues message,
        OmapiValues object, byte[] signature) {

    /** Fixed header size in bytes (authid, authlen, op, handle, id, rid). */
    public static final int HEADER_LENGTH = 24;

    public OmapiMessage {
        Objects.requireNonNull(op, "op");
        Objects.requireNonNull(message, "message");
        Objects.requireNonNull(object, "object");
        signature = signature == null ? new byte[0] : signature.clone();
    }

    /** An unsigned message with no id yet; the sender fills in authentication and ids. */
    public static OmapiMessage of(Opcode op, int handle, OmapiValues message, OmapiValues object) {
        return new OmapiMessage(0, op, handle, 0, 0, message, object, new byte[0]);
    }

    /** The header's authlen: the number of signature bytes at the end. */
    public int authLength() {
        return signature.length;
    }

    public boolean isSigned() {
        return signature.length > 0;
    }

    @Override
    public byte[] signature() {
        return signature.clone();
    }

    public OmapiMessage withId(int newId) {
        return new OmapiMessage(authId, op, handle, newId, rid, message, object, signature);
    }

    public OmapiMessage withRid(int newRid) {
        return new OmapiMessage(authId, op, handle, id, newRid, message, object, signature);
    }

    /** The same message under another authenticator with the given signature bytes. */
    public OmapiMessage withAuthentication(int newAuthId, byte[] newSignature) {
        return new OmapiMessage(newAuthId, op, handle, id, rid, message, object, newSignature);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof OmapiMessage other && authId == other.authId && op == other.op && handle == other.handle
                && id == other.id && rid == other.rid && message.equals(other.message) && object.equals(other.object)
                && Arrays.equals(signature, other.signature);
    }

    @Override
    public int hashCode() {
        return Objects.hash(authId, op, handle, id, rid, message, object, Arrays.hashCode(signature));
    }

    @Override
    public String toString() {
        return "OmapiMessage[" + op + " authid=" + Integer.toUnsignedString(authId) + " handle="
                + Integer.toUnsignedString(handle) + " id=" + Integer.toUnsignedString(id) + " rid="
                + Integer.toUnsignedString(rid) + " message=" + message + " object=" + object
                + (signature.length == 0 ? "" : " sig=" + HexFormat.of().formatHex(signature)) + "]";
    }
}
