package io.ironlease.server.ops;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;

/** The complete prefix of a lease journal copied while the server appends to it. */
class JournalSnapshotTest {

    private static final String HEADER = "# The format of this file is documented in the dhcpd.leases(5) manual page.\n"
            + "# This lease file was written by isc-dhcp-4.4.3-P1\n\n"
            + "# authoring-byte-order entry is generated, DO NOT DELETE\nauthoring-byte-order little-endian;\n\n";

    private static String lease(int i) {
        return "lease 10.0." + (i / 250) + "." + (i % 250 + 1) + " {\n  starts 3 2026/11/25 04:00:00;\n"
                + "  ends 4 2026/11/26 04:00:00;\n  binding state active;\n  hardware ethernet 02:00:00:00:00:"
                + String.format("%02x", i % 256) + ";\n  uid \"\\001\\002{};#\";\n  client-hostname \"a;b}\";\n}\n";
    }

    private static int length(String text) {
        return JournalSnapshot.completeLength(text.getBytes(StandardCharsets.US_ASCII));
    }

    @Test
    void aWholeFileIsKeptWhole() {
        String file = HEADER + lease(1) + lease(2);
        assertThat(length(file)).isEqualTo(file.length());
    }

    @Test
    void aRecordCutMidWriteIsLeftOut() {
        String complete = HEADER + lease(1);
        String cut = complete + lease(2).substring(0, 40);
        assertThat(length(cut)).isEqualTo(complete.length());
    }

    @Test
    void bracesAndSemicolonsInStringsAndCommentsDoNotCount() {
        String complete = HEADER + lease(1);
        // cut inside the quoted uid, after its "}" and ";": the record is still open
        String open = lease(2);
        String cut = complete + open.substring(0, open.indexOf("{};#") + 3);
        assertThat(length(cut)).isEqualTo(complete.length());
        assertThat(length(HEADER + "# } ; {\n" + lease(3))).isEqualTo((HEADER + "# } ; {\n" + lease(3)).length());
    }

    @Test
    void oneLineStatementsCountAsDeclarations() {
        String file = HEADER + "server-duid \"\\000\\001\";\n";
        assertThat(length(file)).isEqualTo(file.length());
        assertThat(length(file + "server-duid \"\\000")).isEqualTo(file.length());
    }

    @Test
    void aCopyEndingRightAfterTheClosingBraceKeepsThatRecord() {
        String file = HEADER + lease(1);
        String withoutNewline = file.substring(0, file.length() - 1);
        assertThat(length(withoutNewline)).isEqualTo(withoutNewline.length());
    }

    /** Wherever the copy stops, the prefix holds exactly the records that ended before that point. */
    @Property(tries = 300)
    void everyRecordWrittenBeforeTheCutIsKept(@ForAll @IntRange(min = 0, max = 20) int records,
            @ForAll @IntRange(min = 0, max = 10_000) int cutAt) {
        StringBuilder file = new StringBuilder(HEADER);
        List<Integer> ends = new ArrayList<>();
        for (int i = 0; i < records; i++) {
            file.append(lease(i));
            ends.add(file.length());
        }
        int cut = Math.min(cutAt, file.length());
        int kept = length(file.substring(0, cut));
        int expected = cut >= HEADER.length() ? HEADER.length() : kept;
        for (int end : ends) {
            if (end <= cut) {
                expected = end;
            } else if (end - 1 == cut) {
                expected = cut; // only the newline missing: the record is whole
            }
        }
        assertThat(kept).isLessThanOrEqualTo(cut);
        if (cut >= HEADER.length()) {
            assertThat(kept).isEqualTo(expected);
        }
    }

    /** The backup streams the file in chunks: where the chunks split it does not change the answer. */
    @Property(tries = 200)
    void chunksGiveTheSameAnswerAsTheWholeCopy(@ForAll @IntRange(min = 0, max = 6) int records,
            @ForAll @IntRange(min = 0, max = 3_000) int cutAt, @ForAll @IntRange(min = 1, max = 97) int chunk) {
        StringBuilder file = new StringBuilder(HEADER);
        for (int i = 0; i < records; i++) {
            file.append(lease(i));
        }
        byte[] bytes = file.substring(0, Math.min(cutAt, file.length())).getBytes(StandardCharsets.US_ASCII);
        JournalSnapshot scan = new JournalSnapshot();
        for (int offset = 0; offset < bytes.length; offset += chunk) {
            scan.feed(bytes, offset, Math.min(chunk, bytes.length - offset));
        }
        assertThat(scan.completeLength()).isEqualTo(JournalSnapshot.completeLength(bytes));
    }
}
