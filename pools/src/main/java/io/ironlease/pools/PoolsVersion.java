package io.ironlease.pools;

/** The version printed by {@code -v} and in the html footer. */
public final class PoolsVersion {

    public static final String VERSION = "0.1.0";

    private PoolsVersion() {
    }
}
