package io.ironlease.omapi.client;

/**
 * The flags of an OPEN, each sent as a 4-byte integer 1 in the message list (OMAPI-NOTES section 7).
 * omshell's {@code create} sends {@link #CREATE} and {@link #EXCLUSIVE}; it never sends {@link #UPDATE}.
 */
public enum OpenFlag {
    /** Make the object when the lookup finds nothing. */
    CREATE("create"),
    /** With {@link #CREATE}: fail with "already exists" when the lookup finds something. */
    EXCLUSIVE("exclusive"),
    /** Apply the object values to the object the lookup finds. */
    UPDATE("update");

    private final String wireName;

    OpenFlag(String wireName) {
        this.wireName = wireName;
    }

    /** The name of the message-list value. */
    public String wireName() {
        return wireName;
    }
}
