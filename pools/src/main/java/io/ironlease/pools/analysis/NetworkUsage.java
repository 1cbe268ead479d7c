package io.ironlease.pools.analysis;

/** The counts summed over the ranges of one shared network, or over all ranges. */
public record NetworkUsage(String name, long defined, long used, long touched, long backup) {

    /** "free" in the json and xml formats: defined minus active. */
    public long free() {
        return defined - used;
    }
}
