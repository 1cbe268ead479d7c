package io.ironlease.server;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Reading the {@code Compiler.queue} listing (the format of JDK 17's diagnostic command). */
class JitWarmupTest {

    private static final String IDLE = """
            Current compiles:\s

            C1 compile queue:
            Empty

            C2 compile queue:
            Empty

            """;

    @Test
    void anEmptyListingIsIdle() {
        assertThat(JitWarmup.CompilerActivity.idle(IDLE)).isTrue();
    }

    @Test
    void c1WorkDoesNotCount() {
        String c1 = """
                Current compiles:\s
                C1 CompilerThread0  4711       3       java.lang.invoke.LambdaForm$MH::invoke (48 bytes)

                C1 compile queue:
                4712       2       java.util.Arrays::copyOf (40 bytes)

                C2 compile queue:
                Empty
                """;
        assertThat(JitWarmup.CompilerActivity.idle(c1)).isTrue();
    }

    @Test
    void aRunningOrQueuedC2CompileIsNotIdle() {
        String running = IDLE.replace("Current compiles:\s\n",
                "Current compiles:\s\nC2 CompilerThread0  5120   !   4       io.ironlease.server.alloc.Bindings::offer (210 bytes)\n");
        String queued = IDLE.replace("C2 compile queue:\nEmpty",
                "C2 compile queue:\n5121       4       io.ironlease.server.dhcp.DhcpCodec::decode (412 bytes)");
        assertThat(JitWarmup.CompilerActivity.idle(running)).isFalse();
        assertThat(JitWarmup.CompilerActivity.idle(queued)).isFalse();
    }
}
