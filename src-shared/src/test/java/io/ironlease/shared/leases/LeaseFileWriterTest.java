package io.ironlease.shared.leases;

import static org.assertj.core.api.Assertions.assertThat;

import io.ironlease.shared.net.HardwareAddress;
import io.ironlease.shared.net.Ipv4Address;
import java.io.ByteArrayOutputStream;
import java.nio.channels.Channels;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import org.junit.jupiter.api.Test;

class LeaseFileWriterTest {

    private static String rewrite(String name, LeaseFileWriter.Options options) throws Exception {
        LeaseFileWriter writer = new LeaseFileWriter(options);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(LeaseFileWriter.header(LeaseFileWriter.ISC_PRODUCER));
        writer.append(Channels.newChannel(out), LeaseResources.records(name));
        return out.toString(StandardCharsets.UTF_8);
    }

    @Test
    void dbTimeFormatLocalAsDhcpdWritesIt() throws Exception {
        LeaseFileWriter.Options local = new LeaseFileWriter.Options(LeaseFileWriter.TimeFormat.LOCAL,
                ZoneId.of("UTC"), LeaseFileWriter.LeaseIdFormat.OCTAL);
        assertThat(rewrite("rewrite-db-time-local", local))
                .isEqualTo(new String(LeaseResources.bytes("rewrite-db-time-local"), StandardCharsets.UTF_8));
    }

    @Test
    void leaseIdFormatHexAsDhcpdWritesIt() throws Exception {
        LeaseFileWriter.Options hex = new LeaseFileWriter.Options(LeaseFileWriter.TimeFormat.DEFAULT,
                ZoneId.of("UTC"), LeaseFileWriter.LeaseIdFormat.HEX);
        assertThat(rewrite("rewrite-lease-id-hex", hex))
                .isEqualTo(new String(LeaseResources.bytes("rewrite-lease-id-hex"), StandardCharsets.UTF_8));
    }

    @Test
    void minimalLeaseAndTheFieldsDhcpdOmits() {
        Lease lease = Lease.builder(Ipv4Address.parse("10.0.0.5"))
                .starts(Instant.parse("2026-11-24T23:10:27Z").getEpochSecond())
                .ends(LeaseTime.NEVER).bindingState(BindingState.ACTIVE).build();
        assertThat(new String(new LeaseFileWriter().encode(new LeaseRecord(lease)), StandardCharsets.US_ASCII))
                .isEqualTo("lease 10.0.0.5 {\n  starts 2 2026/11/24 23:10:27;\n  ends never;\n"
                        + "  binding state active;\n}\n");
    }

    @Test
    void escapesHostnamesThatDhcpdWouldDrop() {
        // dhcpd skips a client-hostname with '"' or '\'; we escape it, which dhcpd's parser reads back
        Lease lease = Lease.builder(Ipv4Address.parse("10.0.0.6")).bindingState(BindingState.FREE)
                .clientHostname("we\"ird\\name\u00e9").uid(new byte[] {1, '"', '\\', (byte) 0xff, ' '})
                .hardware(HardwareAddress.parseEthernet("0:1:2:3:4:5")).build();
        assertThat(new String(new LeaseFileWriter().encode(new LeaseRecord(lease)), StandardCharsets.US_ASCII))
                .isEqualTo("lease 10.0.0.6 {\n  binding state free;\n  hardware ethernet 00:01:02:03:04:05;\n"
                        + "  uid \"\\001\\\"\\\\\\377 \";\n  client-hostname \"we\\\"ird\\\\name\\303\\251\";\n}\n");
    }

    @Test
    void hostsKeepPrintableUidsRawAndOthersAsHex() {
        HostRecord printable = new HostRecord("h1", true, false, null, "abc".getBytes(StandardCharsets.US_ASCII),
                List.of(Ipv4Address.parse("10.0.0.1"), Ipv4Address.parse("10.0.0.2")), "grp", List.of());
        assertThat(new String(new LeaseFileWriter().encode(printable), StandardCharsets.US_ASCII))
                .isEqualTo("host h1 {\n  dynamic;\n  uid \"abc\";\n  fixed-address 10.0.0.1,10.0.0.2;\n"
                        + "  group \"grp\";\n}\n");
        HostRecord binary = new HostRecord("my host", false, false, null, new byte[] {1, 2}, List.of(), null,
                List.of());
        assertThat(new String(new LeaseFileWriter().encode(binary), StandardCharsets.US_ASCII))
                .isEqualTo("host \"my host\" {\n  uid 01:02;\n}\n");
    }
}
