package io.ironlease.shared.leases;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.FieldSource;

/** Every record dhcpd wrote is written back byte for byte; so is every whole file dhcpd wrote. */
class LeaseFileWriterGoldenTest {

    private static final Pattern LEASE_BLOCK = Pattern.compile("(?ms)^lease [^\\n]*\\{\\n.*?^\\}\\n");
    static final List<String> DHCPD_WRITTEN = LeaseResources.DHCPD_WRITTEN;
    /** synthetic-1k is left out: its generator escapes '@' as \100 where dhcpd writes '@'. */
    static final List<String> BLOCKS = Stream.concat(DHCPD_WRITTEN.stream(),
            Stream.of("semantics-mini")).toList();

    @ParameterizedTest
    @FieldSource("DHCPD_WRITTEN")
    void wholeFileIsReproducedByteForByte(String name) throws Exception {
        byte[] original = LeaseResources.bytes(name);
        LeaseFileWriter writer = new LeaseFileWriter();
        ByteArrayOutputStream rewritten = new ByteArrayOutputStream();
        rewritten.writeBytes(LeaseFileWriter.header(LeaseFileWriter.ISC_PRODUCER));
        for (LeaseFileRecord record : LeaseResources.records(name)) {
            rewritten.writeBytes(writer.encode(record));
        }
        assertThat(rewritten.toString(StandardCharsets.UTF_8)).isEqualTo(new String(original, StandardCharsets.UTF_8));
    }

    @ParameterizedTest
    @FieldSource("BLOCKS")
    void everyLeaseBlockIsReproduced(String name) throws Exception {
        byte[] original = LeaseResources.bytes(name);
        Matcher blocks = LEASE_BLOCK.matcher(new String(original, StandardCharsets.UTF_8));
        LeaseFileWriter writer = new LeaseFileWriter();
        int leases = 0;
        for (LeaseFileRecord record : LeaseResources.records(name)) {
            if (record instanceof LeaseRecord) {
                assertThat(blocks.find()).isTrue();
                assertThat(new String(writer.encode(record), StandardCharsets.UTF_8)).isEqualTo(blocks.group());
                leases++;
            }
        }
        assertThat(blocks.find()).as("lease blocks left over").isFalse();
        assertThat(leases).isPositive();
    }
}
