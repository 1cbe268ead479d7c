package io.ironlease.pools.alarm;

import static org.assertj.core.api.Assertions.assertThat;

import io.ironlease.pools.analysis.Analysis;
import io.ironlease.pools.analysis.Analyzer;
import io.ironlease.pools.model.LeaseKind;
import io.ironlease.pools.model.LeaseTable;
import io.ironlease.pools.model.PoolLayout;
import io.ironlease.pools.render.OutputLimit;
import io.ironlease.shared.net.Ipv4Address;
import org.junit.jupiter.api.Test;

class AlarmRendererTest {

    /** A shared network "big" (range of 100, 60 active) before a stand-alone range of 10 with 9 active. */
    private static Analysis analysis() {
        PoolLayout.Builder layout = PoolLayout.builder();
        int big = layout.network("big");
        layout.range(Ipv4Address.parse("10.0.0.1"), Ipv4Address.parse("10.0.0.100"), big)
                .range(Ipv4Address.parse("10.0.1.1"), Ipv4Address.parse("10.0.1.10"), 0);
        LeaseTable table = new LeaseTable(false);
        for (int i = 1; i <= 60; i++) {
            table.record(Ipv4Address.parse("10.0.0." + i).bits(), LeaseKind.ACTIVE, LeaseTable.NO_MAC);
        }
        for (int i = 1; i <= 9; i++) {
            table.record(Ipv4Address.parse("10.0.1." + i).bits(), LeaseKind.ACTIVE, LeaseTable.NO_MAC);
        }
        return new Analyzer(false).analyze(layout.build(), table, true);
    }

    private static AlarmRenderer.Result render(AlarmThresholds t, boolean legacy) {
        return new AlarmRenderer(t, OutputLimit.ALL, "ironlease-pools", legacy, legacy).render(analysis());
    }

    private static AlarmThresholds percent(double warning, double critical) {
        return new AlarmThresholds(warning, critical, AlarmThresholds.NO_COUNT, AlarmThresholds.NO_COUNT, 0, false,
                false);
    }

    @Test
    void exitCodesFollowTheWorstLevel() {
        assertThat(render(percent(95, 99), false).status()).isEqualTo(NagiosStatus.OK);
        assertThat(render(percent(95, 99), false).text()).isEqualTo(
                "OK: Ranges - crit: 0 warn: 0 ok: 2; | range_crit=0 range_warn=0 range_ok=2\n"
                        + "Shared nets - crit: 0 warn: 0 ok: 1; | snet_crit=0 snet_warn=0 snet_ok=1\n");
        AlarmRenderer.Result warning = render(percent(80, 95), false);
        assertThat(warning.status().code()).isEqualTo(1);
        assertThat(warning.text()).startsWith("WARNING: ironlease-pools: Ranges - crit: 0 warn: 1 ok: 1;");
        AlarmRenderer.Result critical = render(percent(50, 59), false);
        assertThat(critical.status().code()).isEqualTo(2);
        assertThat(critical.text()).startsWith("CRITICAL: ironlease-pools: Ranges - crit: 2 warn: 0 ok: 0;");
    }

    @Test
    void fixBSharedNetworkCountsCompareFreeAddresses() {
        // big has 60 active and 40 free; --crit-count 50 means "fewer than 50 free"
        AlarmThresholds counts = new AlarmThresholds(1, 2, 50, 50, 0, false, false);
        assertThat(render(counts, false).text()).contains("Shared nets - crit: 1 warn: 0 ok: 0;");
        // dhcpd-pools 2.29 compared the 60 active with 50: not below, so OK
        assertThat(render(counts, true).text()).contains("Shared nets - crit: 0 warn: 0 ok: 1;");
    }

    @Test
    void fixFSnetAlarmsStillCountsStandaloneRangesAfterASharedOne() {
        AlarmThresholds snet = new AlarmThresholds(50, 80, AlarmThresholds.NO_COUNT, AlarmThresholds.NO_COUNT, 0,
                true, true);
        AlarmRenderer.Result fixed = render(snet, false);
        assertThat(fixed.text()).startsWith("CRITICAL: ironlease-pools: Ranges - crit: 1 warn: 0 ok: 0;");
        // perfdata still lists every range, last first
        assertThat(fixed.text()).contains("range_ok=0 10.0.1.1_r=9;5;8;0;10 10.0.1.1_rt=0 10.0.0.1_r=60;50;80;0;100");
        // 2.29 stopped at the first range inside a shared network and counted none
        assertThat(render(snet, true).text()).startsWith("WARNING: ironlease-pools: Ranges - crit: 0 warn: 0 ok: 0;");
    }

    @Test
    void minsizeIgnoresSmallRangesAndSharedNetworks() {
        AlarmThresholds t = new AlarmThresholds(1, 2, AlarmThresholds.NO_COUNT, AlarmThresholds.NO_COUNT, 10, false,
                true);
        String text = render(t, false).text();
        assertThat(text).startsWith("CRITICAL: ironlease-pools: Ranges - crit: 1 warn: 0 ok: 0 ignored: 1; | "
                + "range_crit=1 range_warn=0 range_ok=0 range_ignored=1 10.0.0.1_r=60;1;2;0;100 10.0.0.1_rt=0\n");
        assertThat(text).endsWith("'big_s'=60;1;2;0;100 'big_st'=0\n\n");
    }

    @Test
    void withoutTheTotalInTheLimitAnOkRunPrintsNothing() {
        AlarmRenderer.Result quiet = new AlarmRenderer(percent(95, 99), OutputLimit.parse("73"), "x", false, false)
                .render(analysis());
        assertThat(quiet.text()).isEmpty();
        assertThat(quiet.status()).isEqualTo(NagiosStatus.OK);
        AlarmRenderer.Result rangesOnly = new AlarmRenderer(percent(50, 59), OutputLimit.parse("11"), "x", false, false)
                .render(analysis());
        assertThat(rangesOnly.text()).isEqualTo(
                "CRITICAL: x: Ranges - crit: 2 warn: 0 ok: 0; | range_crit=2 range_warn=0 range_ok=0\n\n");
    }
}
