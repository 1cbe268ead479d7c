package io.ironlease.shared.config.model;

/** The kinds of dhcpd.conf scope; parameters and options are inherited from outer scopes. */
public enum ScopeKind {
    GLOBAL("global"),
    SHARED_NETWORK("shared-network"),
    SUBNET("subnet"),
    POOL("pool"),
    GROUP("group"),
    HOST("host"),
    CLASS("class"),
    SUBCLASS("subclass");

    private final String keyword;

    ScopeKind(String keyword) {
        this.keyword = keyword;
    }

    /** The declaration keyword, as error messages name the scope. */
    public String keyword() {
        return keyword;
    }
}
