package io.ironlease.omapi.server;

/**
 * The {@code message} strings ISC dhcpd 4.4.3 puts in STATUS replies (OMAPI-NOTES sections 3, 5 and
 * 6). The server uses them so scripts that match on them keep working; providers may throw
 * {@link io.ironlease.omapi.wire.OmapiException} with one of these to pick the text.
 */
public final class IscMessages {

    public static final String NO_MATCH = "no object matches specification";
    public static final String NO_HANDLE = "no matching handle";
    public static final String ALREADY_EXISTS = "specified object already exists";
    public static final String CANT_UPDATE = "can't update object";
    public static final String CANT_CREATE = "can't create new object";
    public static final String LOOKUP_FAILED = "object lookup failed";
    public static final String NO_AUTHENTICATOR = "No authenticator on message";
    public static final String NOTIFY_NOT_IMPLEMENTED = "notify not implemented yet";
    public static final String TYPE_REQUIRED = "type required on create";
    public static final String NO_REMOVE_METHOD = "no remove method for object";
    public static final String CANNOT_UPDATE_AUTHENTICATOR = "cannot update authenticator";
    public static final String INVALID_CREATE_FLAG = "invalid create flag value";
    public static final String INVALID_UPDATE_FLAG = "invalid update flag value";
    public static final String INVALID_EXCLUSIVE_FLAG = "invalid exclusive flag value";

    private IscMessages() {
    }
}
