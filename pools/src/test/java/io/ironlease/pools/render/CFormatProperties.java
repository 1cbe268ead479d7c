package io.ironlease.pools.render;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.DoubleRange;
import net.jqwik.api.constraints.LongRange;
import net.jqwik.api.constraints.Scale;

class CFormatProperties {

    @Property
    void countsBelowAMillionPrintAsIntegers(@ForAll @LongRange(min = 0, max = 999_999) long count) {
        assertThat(CFormat.g(count)).isEqualTo(Long.toString(count));
    }

    @Property
    void gKeepsSixSignificantDigits(@ForAll @DoubleRange(min = 1e-4, max = 1e12) @Scale(12) double value) {
        String printed = CFormat.g(value);
        assertThat(printed).matches("\\d(\\.\\d+)?e[+-]\\d\\d|\\d+(\\.\\d+)?");
        double back = Double.parseDouble(printed);
        assertThat(Math.abs(back - value) / value).isLessThanOrEqualTo(5e-6);
        assertThat(printed.replaceAll("e.*", "").replace(".", "").replaceAll("^0+", "").length()).isLessThanOrEqualTo(6);
    }

    @Property
    void pointThreeFIsTheNearestThousandth(@ForAll @DoubleRange(min = 0, max = 1e6) @Scale(9) double value) {
        String printed = CFormat.f3(value);
        assertThat(printed).matches("\\d+\\.\\d{3}");
        BigDecimal error = new BigDecimal(printed).subtract(new BigDecimal(value)).abs();
        assertThat(error).isLessThanOrEqualTo(new BigDecimal("0.0005"));
    }
}
