package io.ironlease.pools.input;

import static org.assertj.core.api.Assertions.assertThat;

import io.ironlease.pools.synthetic.LeaseWriter;
import io.ironlease.pools.synthetic.Scenario;
import java.io.IOException;
import java.io.InputStream;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FileChunksTest {

    @TempDir
    Path dir;

    @Test
    void chunksStartAtLeaseDeclarationsAndCoverTheFile() throws IOException {
        Path file = dir.resolve("dhcpd.leases");
        Scenario scenario = Scenario.benchmark(10, 100);
        new LeaseWriter(new Random(3), Instant.ofEpochSecond(1_795_000_000L)).write(file, scenario.ranges(), 2000, 0.1, 0);
        String text = Files.readString(file, StandardCharsets.US_ASCII);
        try (FileChannel channel = FileChannel.open(file)) {
            List<FileChunks.Chunk> chunks = FileChunks.plan(channel, 4, 1000);
            assertThat(chunks).hasSize(4);
            assertThat(chunks.get(0).start()).isZero();
            assertThat(chunks.get(3).end()).isEqualTo(channel.size());
            StringBuilder joined = new StringBuilder();
            for (int i = 0; i < chunks.size(); i++) {
                FileChunks.Chunk c = chunks.get(i);
                if (i > 0) {
                    assertThat(c.start()).isEqualTo(chunks.get(i - 1).end());
                    assertThat(text.substring((int) c.start())).startsWith("lease ");
                    assertThat(FileChunks.linesBefore(channel, c.start()))
                            .isEqualTo(text.substring(0, (int) c.start()).chars().filter(ch -> ch == '\n').count());
                }
                try (InputStream in = FileChunks.stream(channel, c)) {
                    joined.append(new String(in.readAllBytes(), StandardCharsets.US_ASCII));
                }
            }
            assertThat(joined.toString()).isEqualTo(text);
        }
    }

    @Test
    void aFileWithoutLaterDeclarationsStaysInOnePiece() throws IOException {
        Path file = dir.resolve("one.leases");
        Files.writeString(file, "lease 10.0.0.1 {\n  binding state active;\n}\n" + "# padding\n".repeat(500));
        try (FileChannel channel = FileChannel.open(file)) {
            assertThat(FileChunks.plan(channel, 3, 10)).containsExactly(new FileChunks.Chunk(0, channel.size()));
        }
    }
}
