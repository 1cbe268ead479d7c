package io.ironlease.pools.render;

import static org.assertj.core.api.Assertions.assertThat;

import io.ironlease.pools.analysis.Analysis;
import io.ironlease.pools.analysis.Analyzer;
import io.ironlease.pools.model.LeaseKind;
import io.ironlease.pools.model.LeaseTable;
import io.ironlease.pools.model.PoolLayout;
import io.ironlease.shared.net.Ipv4Address;
import java.io.IOException;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;

class RendererTest {

    /** A shared network whose name needs escaping in every format, and one stand-alone range. */
    static Analysis analysis(String name) {
        PoolLayout.Builder layout = PoolLayout.builder();
        int net = layout.network(name);
        layout.range(Ipv4Address.parse("10.0.0.1"), Ipv4Address.parse("10.0.0.4"), net)
                .range(Ipv4Address.parse("10.0.1.1"), Ipv4Address.parse("10.0.1.2"), 0);
        LeaseTable table = new LeaseTable(true);
        table.record(Ipv4Address.parse("10.0.0.1").bits(), LeaseKind.ACTIVE, 0x0200_0000_0001L);
        table.record(Ipv4Address.parse("10.0.0.2").bits(), LeaseKind.BACKUP, LeaseTable.NO_MAC);
        table.record(Ipv4Address.parse("10.0.1.1").bits(), LeaseKind.TOUCHED, LeaseTable.NO_MAC);
        return new Analyzer(false).analyze(layout.build(), table, true);
    }

    static String render(Renderer renderer, Analysis analysis) {
        StringWriter out = new StringWriter();
        try {
            renderer.render(analysis, out);
        } catch (IOException e) {
            throw new AssertionError(e);
        }
        return out.toString();
    }

    @Test
    void prometheusGroupsEachFamilyAndCountsEveryLevel() {
        String text = render(new PrometheusRenderer(OutputLimit.ALL), analysis("net-a"));
        assertThat(text).startsWith("""
                # HELP ironlease_pools_range_defined_addresses Addresses defined by range statements (max). Per range.
                # TYPE ironlease_pools_range_defined_addresses gauge
                ironlease_pools_range_defined_addresses{shared_network="net-a",first_ip="10.0.0.1",last_ip="10.0.0.4"} 4
                ironlease_pools_range_defined_addresses{shared_network="All networks",first_ip="10.0.1.1",last_ip="10.0.1.2"} 2
                # HELP ironlease_pools_shared_network_defined_addresses""");
        assertThat(text).contains("ironlease_pools_shared_network_active_addresses{shared_network=\"net-a\"} 1\n",
                "ironlease_pools_all_touched_addresses 1\n", "ironlease_pools_all_backup_addresses 1\n",
                "ironlease_pools_range_free_addresses{shared_network=\"net-a\",first_ip=\"10.0.0.1\",last_ip=\"10.0.0.4\"} 3\n");
        // every sample line is "name{labels} value" or "name value"; each family is announced once
        for (String line : text.split("\n")) {
            assertThat(line).matches("# (HELP|TYPE) ironlease_pools_\\w+ .+|ironlease_pools_\\w+(\\{.*\\})? \\d+");
        }
        assertThat(text.split("# TYPE ").length - 1).isEqualTo(15);
    }

    @Test
    void prometheusLimitSelectsLevelsAndEscapesLabels() {
        String text = render(new PrometheusRenderer(OutputLimit.parse("02")), analysis("a\"b\\c"));
        assertThat(text).doesNotContain("range_", "all_")
                .contains("ironlease_pools_shared_network_defined_addresses{shared_network=\"a\\\"b\\\\c\"} 4\n");
    }

    @Test
    void namesAreEscapedWhereTheFormatNeedsIt() {
        Analysis odd = analysis("a\"<b>&c");
        assertThat(render(new CsvRenderer(OutputLimit.parse("02"), false), odd))
                .isEqualTo("\"a\"\"<b>&c\",\"4\",\"1\",\"25.000\",\"0\",\"1\",\"25.000\",\"1\",\"25.000\"\n\n");
        assertThat(render(new JsonRenderer(OutputLimit.parse("02"), false), odd))
                .contains("{ \"location\":\"a\\\"<b>&c\", \"defined\":4,");
        assertThat(render(new XmlRenderer(OutputLimit.parse("02"), false), odd))
                .contains("<location>a\"&lt;b&gt;&amp;c</location>");
    }

    @Test
    void fixDTheCsvTotalIsTwoMoreQuotedFields() {
        Analysis a = analysis("n");
        assertThat(render(new CsvRenderer(OutputLimit.parse("04"), false), a))
                .isEqualTo("\"All networks\",\"6\",\"1\",\"16.667\",\"1\",\"2\",\"33.333\",\"1\",\"16.667\"\n");
        assertThat(render(new CsvRenderer(OutputLimit.parse("04"), true), a))
                .isEqualTo("\"All networks\",\"6\",\"1\",\"16.667\",\"1\",\"2\",\"33.333\"      1   16.667\n");
    }

    @Test
    void activeLeaseListsComeInAddressOrder() {
        Analysis a = analysis("n");
        assertThat(render(new JsonRenderer(OutputLimit.parse("00"), true), a)).isEqualTo("""
                {
                   "active_leases": [
                         { "ip":"10.0.0.1", "macaddress":"02:00:00:00:00:01" }
                   ]
                }
                """);
        assertThat(render(new XmlRenderer(OutputLimit.parse("00"), true), a)).isEqualTo("""
                <dhcpstatus>
                <active_lease>
                \t<ip>10.0.0.1</ip>
                \t<macaddress>02:00:00:00:00:01</macaddress>
                </active_lease>
                </dhcpstatus>
                """);
    }

    @Test
    void theWebPageIsSelfContainedWithABarPerRow() {
        String page = render(new WebPageRenderer(OutputLimit.ALL, "/var/lib/dhcp/dhcpd.leases",
                java.time.ZonedDateTime.parse("2026-11-25T00:00:00Z"), 20), analysis("net<1>"));
        assertThat(page).startsWith("<!DOCTYPE html>").endsWith("</html>\n").doesNotContain("<script", "http");
        assertThat(page).contains("<td>net&lt;1&gt;</td><td>10.0.0.1 &ndash; 10.0.0.4</td>",
                "<span class=\"a\" style=\"width:25.000%\"></span><span class=\"b\" style=\"width:25.000%\"></span>",
                "<tr class=\"hot\">");
    }
}
