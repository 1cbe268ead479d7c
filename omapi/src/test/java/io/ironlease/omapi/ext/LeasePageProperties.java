package io.ironlease.omapi.ext;

import static org.assertj.core.api.Assertions.assertThat;

import io.ironlease.omapi.wire.OmapiValueException;
import io.ironlease.omapi.wire.OmapiValues;
import java.util.HexFormat;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;

/** Pages survive the trip through their values; arbitrary bytes fail only with OmapiValueException. */
class LeasePageProperties {

    @Property
    void pagesRoundTrip(@ForAll("pages") LeasePage page) {
        assertThat(LeasePage.fromValues(page.toValues())).isEqualTo(page);
    }

    @Property
    void arbitraryLeaseBytesFailCleanly(@ForAll @Size(max = 64) byte[] bytes, @ForAll @IntRange(min = -1, max = 3) int count) {
        OmapiValues values = OmapiValues.builder().putInt32("version", 1).putInt32("count", count).putData("leases", bytes).build();
        try {
            assertThat(LeasePage.fromValues(values).leases()).hasSize(count);
        } catch (OmapiValueException expected) {
            assertThat(expected.name()).isIn("leases", "count");
        }
    }

    @Property
    void theBuilderKeepsToLimitAndBudget(@ForAll("leases") List<OmapiValues> leases, @ForAll @IntRange(min = 1, max = 1000) int limit) {
        LeasePage.Builder builder = LeasePage.builder(LeaseQuery.all().withLimit(limit));
        int added = 0;
        for (OmapiValues lease : leases) {
            if (!builder.add(lease)) {
                break;
            }
            added++;
        }
        LeasePage page = builder.build(null);
        assertThat(page.leases()).hasSize(added);
        assertThat(added).isLessThanOrEqualTo(limit);
        int bytes = page.leases().stream().mapToInt(LeasePage::encodedLength).sum();
        assertThat(added <= 1 || bytes <= LeasePage.MAX_LEASES_BYTES).isTrue();
    }

    @Example
    void anEmptyPageHasNoLeasesValue() {
        OmapiValues values = new LeasePage(List.of(), null).toValues();
        assertThat(values.names()).containsExactly("version", "count");
        assertThat(HexFormat.of().formatHex(values.raw("count").orElseThrow())).isEqualTo("00000000");
    }

    @Provide
    Arbitrary<List<OmapiValues>> leases() {
        Arbitrary<OmapiValues> lease = Combinators.combine(Arbitraries.integers().between(1, 9),
                Arbitraries.integers(), Arbitraries.strings().alpha().ofMaxLength(300))
                .as((state, ip, name) -> OmapiValues.builder().putInt32("state", state)
                        .putInt32("ip-address", ip).putString("client-hostname", name).build());
        return lease.list().ofMaxSize(400);
    }

    @Provide
    Arbitrary<LeasePage> pages() {
        Arbitrary<byte[]> cursor = Arbitraries.bytes().array(byte[].class).ofMinSize(1).ofMaxSize(64).injectNull(0.3);
        return Combinators.combine(leases().map(list -> list.subList(0, Math.min(list.size(), 20))), cursor)
                .as(LeasePage::new);
    }
}
