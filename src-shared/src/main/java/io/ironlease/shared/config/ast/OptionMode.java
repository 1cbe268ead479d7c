package io.ironlease.shared.config.ast;

/**
 * How an option statement applies its value (man dhcpd.conf, dhcp-eval): {@code option} and
 * {@code supersede} replace the client's value, {@code default} applies only when the client sent
 * none, {@code prepend}/{@code append} add to the client's value.
 */
public enum OptionMode {
    OPTION("option"),
    SUPERSEDE("supersede"),
    DEFAULT("default"),
    PREPEND("prepend"),
    APPEND("append");

    private final String keyword;

    OptionMode(String keyword) {
        this.keyword = keyword;
    }

    public String keyword() {
        return keyword;
    }
}
