package io.ironlease.shared.config.ast;

/** The verb of an {@code allow}, {@code deny} or {@code ignore} statement. */
public enum Access {
    ALLOW("allow"),
    DENY("deny"),
    IGNORE("ignore");

    private final String keyword;

    Access(String keyword) {
        this.keyword = keyword;
    }

    public String keyword() {
        return keyword;
    }
}
