package io.ironlease.shared.leases;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.ironlease.shared.net.Ipv4Address;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class LeaseFileReaderTest {

    private static LeaseFileReader reader(String text, LeaseFileReader.Options options) {
        return LeaseResources.reader(text.getBytes(StandardCharsets.UTF_8), "t.leases", options);
    }

    private static List<LeaseFileRecord> read(String text) throws Exception {
        List<LeaseFileRecord> records = new ArrayList<>();
        try (LeaseFileReader reader = reader(text, LeaseFileReader.Options.strict())) {
            assertThat(reader.read(records::add).problems()).isEmpty();
        }
        return records;
    }

    private static Lease lease(LeaseTable table, String ip) {
        return table.lease(Ipv4Address.parse(ip)).orElseThrow();
    }

    @Test
    void handwrittenFeatures() throws Exception {
        LeaseTable table = LeaseResources.table("handwritten-features");
        Lease full = lease(table, "10.9.0.10");
        assertThat(full.variables()).containsExactly(LeaseVariable.bool("flag", true),
                LeaseVariable.numeric("neg", -5),
                new LeaseVariable("txt", new LeaseVariable.Data(new byte[] {'a', '"', 'b', '\\', 'c', 1})));
        assertThat(full.extraStatements()).containsExactly("option agent.circuit-id \"abc\";",
                "option agent.remote-id 01:02:03;", "on expiry { set foo = \"bar\"; }",
                "on release { log (info, \"x\"); }");
        assertThat(full.clientHostname()).contains("we\"ird\\name");
        assertThat(full.uid()).isEqualTo(HexFormat.of().parseHex("01525400aa0001"));
        assertThat(full.reserved()).isTrue();
        Lease epoch = lease(table, "10.9.0.11");
        assertThat(epoch.starts()).isEqualTo(1_795_566_474L);
        assertThat(epoch.ends()).isEqualTo(LeaseTime.NEVER);
        assertThat(epoch.bootp()).isTrue();
        assertThat(lease(table, "10.9.0.12").bindingState()).isEqualTo(BindingState.ABANDONED);
        assertThat(lease(table, "10.9.0.13").starts()).isEqualTo(lease(table, "10.9.0.12").starts());
        assertThat(lease(table, "10.9.0.13").bindingState()).isEqualTo(BindingState.RESERVED);
        assertThat(lease(table, "10.9.0.14").bindingState()).isEqualTo(BindingState.BOOTP);
    }

    @Test
    void stringsLongerThanTheScratchBufferAreReadWhole() throws Exception {
        String name = "h".repeat(480);
        List<LeaseFileRecord> records = read("lease 10.0.0.1 {\n  client-hostname \"" + name + "\";\n}\n"
                + "host \"" + name + "\" {\n  dynamic;\n  deleted;\n}\n");
        assertThat(((LeaseRecord) records.get(0)).lease().clientHostname()).contains(name);
        assertThat(records.get(1)).isInstanceOfSatisfying(HostRecord.class, h -> assertThat(h.name()).isEqualTo(name));
    }

    @Test
    void errorsCarryFileLineAndColumn() {
        String text = "lease 10.0.0.1 {\n  starts 2 2026/11/24 23:10:27;\n  binding state bogus;\n}\n";
        assertThatThrownBy(() -> read(text)).isInstanceOf(LeaseFileException.class)
                .hasMessage("t.leases:3:17: unknown binding state 'bogus'; expected one of free, active, "
                        + "expired, released, abandoned, reset, backup, reserved, bootp");
        assertThatThrownBy(() -> read("\n\nleese 10.0.0.1 { }\n")).isInstanceOf(LeaseFileException.class)
                .hasMessageStartingWith("t.leases:3:1: unknown declaration 'leese'; expected lease, host,");
        assertThatThrownBy(() -> read("lease 10.0.0.256 { }")).hasMessage(
                "t.leases:1:7: expected an IPv4 address, found '10.0.0.256'");
        assertThatThrownBy(() -> read("lease 10.0.0.1 {\n  hardware ethernet 52:54:zz;\n}"))
                .hasMessageStartingWith("t.leases:2:27: expected a hardware address (hex octets separated by ':'), found 'zz'");
        assertThatThrownBy(() -> read("lease 10.0.0.1 {\n  starts 2 2026/11/24 23:10:27\n}"))
                .hasMessage("t.leases:3:1: expected ';', found '}'");
    }

    @Test
    void aTruncatedLastRecordIsAWarningWithItsPosition() throws Exception {
        String text = "lease 10.0.0.1 {\n  binding state free;\n}\nlease 10.0.0.2 {\n  binding st";
        List<LeaseFileRecord> records = new ArrayList<>();
        LeaseFileReader.Result result;
        try (LeaseFileReader reader = reader(text, LeaseFileReader.Options.strict())) {
            result = reader.read(records::add);
        }
        assertThat(records).hasSize(1);
        assertThat(result.truncated()).isTrue();
        assertThat(result.problems()).singleElement().hasToString(
                "t.leases:4:1: warning: the file ends inside this record (29 bytes); it is skipped, as after a"
                        + " crash mid-write");
    }

    @Test
    void lenientModeSkipsToTheNextDeclaration() throws Exception {
        String text = "lease 10.0.0.1 {\n  binding state nonsense;\n  uid \"x\";\n}\n"
                + "lease 10.0.0.2 {\n  binding state active;\n}\n";
        List<LeaseFileRecord> records = new ArrayList<>();
        LeaseFileReader.Result result;
        try (LeaseFileReader reader = reader(text, LeaseFileReader.Options.lenient())) {
            result = reader.read(records::add);
        }
        assertThat(records).extracting(r -> ((LeaseRecord) r).lease().ip().toString()).containsExactly("10.0.0.2");
        assertThat(result.problemCount()).isEqualTo(1);
        assertThat(result.problems().get(0).kind()).isEqualTo(LeaseFileProblem.Kind.CORRUPT_RECORD);
        assertThat(result.problems().get(0).position().line()).isEqualTo(2);
    }

    @Test
    void recordsLongerThanTheLimitFail() {
        String text = "lease 10.0.0.1 {\n  on expiry { " + "log (info, \"x\"); ".repeat(200) + "}\n}\n";
        LeaseFileReader.Options options = LeaseFileReader.Options.lenient().withMaxRecordBytes(1024);
        assertThatThrownBy(() -> {
            try (LeaseFileReader reader = LeaseFileReader.of(
                    new java.io.ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)), "t.leases", options, 16)) {
                reader.read(r -> { });
            }
        }).isInstanceOf(LeaseFileException.class).hasMessageContaining("record longer than 1024 bytes");
    }

    @Test
    void crlfCommentsAndStraySemicolons() throws Exception {
        List<LeaseFileRecord> records = read("# c\r\nlease 10.0.0.1 { # why\r\n  binding state backup; ;\r\n}\r\n;"
                + "server-duid 00:01:ff;");
        assertThat(records).containsExactly(
                new LeaseRecord(Lease.builder(Ipv4Address.parse("10.0.0.1")).bindingState(BindingState.BACKUP)
                        .build()),
                new ServerDuidRecord(new byte[] {0, 1, (byte) 0xff}));
    }

    @Test
    void aLeaseWithoutStateIsActiveUntilItEnds() throws Exception {
        LeaseFileReader.Options at = LeaseFileReader.Options.strict()
                .withClock(java.time.Clock.fixed(java.time.Instant.parse("2026-01-01T00:00:00Z"),
                        java.time.ZoneOffset.UTC));
        String text = "lease 10.0.0.1 { ends 4 2026/01/01 00:00:01; }\nlease 10.0.0.2 { ends 3 2025/12/31 00:00:00; }";
        List<LeaseFileRecord> records = new ArrayList<>();
        try (LeaseFileReader reader = reader(text, at)) {
            reader.read(records::add);
        }
        assertThat(((LeaseRecord) records.get(0)).lease().bindingState()).isEqualTo(BindingState.ACTIVE);
        assertThat(((LeaseRecord) records.get(0)).lease().nextBindingState()).isEqualTo(BindingState.FREE);
        assertThat(((LeaseRecord) records.get(1)).lease().bindingState()).isEqualTo(BindingState.FREE);
    }

    @Test
    void theFastPathSeesWhatTheFullReaderSees() throws Exception {
        for (String name : LeaseResources.ALL) {
            LeaseTable table = LeaseResources.table(name);
            Map<Integer, String> fast = new HashMap<>();
            LeaseFileReader.Result result;
            try (LeaseFileReader reader = LeaseResources.reader(LeaseResources.bytes(name), name,
                    LeaseFileReader.Options.strict())) {
                result = reader.readSummaries(s -> fast.put(s.ipBits(), s.bindingState() + " " + s.starts() + " "
                        + s.ends() + " " + s.hardware()));
            }
            Map<Integer, String> full = new HashMap<>();
            table.forEachLease(l -> full.put(l.ipBits(), l.bindingState() + " " + l.starts() + " " + l.ends() + " "
                    + l.hardware()));
            assertThat(fast).as(name).isEqualTo(full);
            assertThat(result.problemCount()).isZero();
        }
    }

    @Test
    void summariesCarryTheMacAsANumberAndSkipOtherDeclarations() throws Exception {
        List<String> seen = new ArrayList<>();
        LeaseFileReader.Result result;
        try (LeaseFileReader reader = LeaseResources.reader(LeaseResources.bytes("omapi-plain"), "p",
                LeaseFileReader.Options.strict())) {
            result = reader.readSummaries(s -> {
                if (s.ip().toString().equals("192.168.100.100")) {
                    seen.add(Long.toHexString(s.hardwareBits()) + " " + s.hardwareType() + " " + s.hardwareLength());
                }
            });
        }
        assertThat(seen).containsExactly("525400aa0001 1 6");
        assertThat(result.records()).isEqualTo(33); // lease records only; hosts, groups and the DUID are skipped
    }
}
