package io.ironlease.pools;

import java.lang.management.ManagementFactory;

/**
 * Phase times on standard error when {@code -Dironlease.pools.timing=true} (or IRONLEASE_POOLS_TIMING
 * is set), measured from the JVM's start: for the benchmark, to see where a run's time goes.
 */
final class Timing {

    private static final boolean ON = Boolean.getBoolean("ironlease.pools.timing")
            || System.getenv("IRONLEASE_POOLS_TIMING") != null;

    private Timing() {
    }

    static void mark(String phase) {
        if (ON) {
            long sinceStart = System.currentTimeMillis() - ManagementFactory.getRuntimeMXBean().getStartTime();
            System.err.println("timing: " + phase + " at " + sinceStart + " ms");
        }
    }
}
