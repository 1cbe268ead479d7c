package io.ironlease.omapi.server;

import static org.assertj.core.api.Assertions.assertThat;

import io.ironlease.omapi.testing.GoldenVectors;
import io.ironlease.omapi.testing.MemoryHostProvider;
import io.ironlease.omapi.testing.MemoryLeaseProvider;
import io.ironlease.omapi.wire.StartupMessage;
import java.util.Arrays;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;

/** Whatever bytes a client sends, the connection answers or closes; no exception escapes the pipeline. */
class ServerInputProperties {

    private static EmbeddedServer connection() {
        return new EmbeddedServer(OmapiServer.builder().port(0).key(GoldenVectors.labKey())
                .provider(new MemoryLeaseProvider(null)).provider(new MemoryHostProvider(null))
                .providerExecutor(Runnable::run).build());
    }

    @Property(tries = 300)
    void arbitraryBytesAfterAValidStartup(@ForAll @Size(max = 400) byte[] bytes) {
        EmbeddedServer server = connection();
        server.send(new byte[] {0, 0, 0, 100, 0, 0, 0, 24});
        server.send(bytes);
        server.channel.checkException();
        server.channel.finishAndReleaseAll();
    }

    @Property(tries = 200)
    void capturedClientStreamsWithOneByteChanged(@ForAll @IntRange(min = 0, max = 20) int session,
            @ForAll @IntRange(min = StartupMessage.LENGTH, max = 100_000) int position, @ForAll byte value) {
        byte[] stream = GoldenVectors.load(GoldenVectors.SESSIONS.get(session)).clientStream();
        byte[] changed = Arrays.copyOf(stream, stream.length);
        changed[StartupMessage.LENGTH + position % (stream.length - StartupMessage.LENGTH)] = value;
        EmbeddedServer server = connection();
        byte[] out = server.send(changed);
        server.channel.checkException();
        assertThat(out.length).isGreaterThanOrEqualTo(StartupMessage.LENGTH);
        server.channel.finishAndReleaseAll();
    }
}
