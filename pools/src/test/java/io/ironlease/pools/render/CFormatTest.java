package io.ironlease.pools.render;

import static io.ironlease.pools.render.CFormat.f3;
import static io.ironlease.pools.render.CFormat.g;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The expected strings are what C prints for the same doubles (checked with Python's %-formatting, which is C's). */
class CFormatTest {

    @ParameterizedTest
    @CsvSource({"0, 0", "1, 1", "222, 222", "999999, 999999", "1000000, 1e+06", "999999.5, 1e+06",
        "1310720, 1.31072e+06", "1310760, 1.31076e+06", "1179648, 1.17965e+06", "1136904, 1.1369e+06",
        "2.22, 2.22", "4.44, 4.44", "22.86, 22.86", "0.01, 0.01", "0.0001, 0.0001", "0.00001, 1e-05",
        "123456789, 1.23457e+08", "0.5, 0.5", "1.98, 1.98", "655360, 655360", "-3, -3", "4294967296, 4.29497e+09"})
    void percentG(double value, String printed) {
        assertThat(g(value)).isEqualTo(printed);
    }

    @ParameterizedTest
    @CsvSource({"0, 0.000", "100, 100.000", "29.27927927927928, 29.279", "0.3125, 0.312", "0.0625, 0.062",
        "0.1875, 0.188", "1.0005, 1.000", "65.31531531531532, 65.315", "-0.25, -0.250"})
    void pointThreeF(double value, String printed) {
        assertThat(f3(value)).isEqualTo(printed);
    }

    @Test
    void notANumberKeepsItsSignAsGlibcPrintsIt() {
        assertThat(f3(CFormat.NAN)).isEqualTo("nan");
        assertThat(f3(CFormat.NEG_NAN)).isEqualTo("-nan");
        assertThat(g(CFormat.NAN)).isEqualTo("nan");
        assertThat(g(CFormat.NEG_NAN)).isEqualTo("-nan");
        assertThat(g(Double.POSITIVE_INFINITY)).isEqualTo("inf");
    }

    @Test
    void percentNarrowsTheProductToFloatAndDividesByZeroAsX86Does() {
        assertThat(f3(CFormat.percent(65, 222))).isEqualTo("29.279");
        assertThat(f3(CFormat.percent(0, 0))).isEqualTo("-nan");
        assertThat(f3(CFormat.guardedPercent(0, 0))).isEqualTo("nan");
        assertThat(CFormat.percent(16777217, 100)).isEqualTo((float) (100.0 * 16777217) / 100.0);
    }

    @Test
    void paddingNeverTruncates() {
        assertThat(CFormat.right("12", 5)).isEqualTo("   12");
        assertThat(CFormat.left("a-very-long-shared-network-name", 20)).isEqualTo("a-very-long-shared-network-name");
        assertThat(CFormat.left("net", 5)).isEqualTo("net  ");
    }
}
