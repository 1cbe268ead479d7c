package io.ironlease.shared.net;

import static org.assertj.core.api.Assertions.assertThat;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;

class NetProperties {

    @Property
    void addressTextRoundTrips(@ForAll int bits) {
        Ipv4Address address = new Ipv4Address(bits);
        assertThat(Ipv4Address.parse(address.toString())).isEqualTo(address);
        assertThat(Ipv4Address.fromBytes(address.toBytes())).isEqualTo(address);
        assertThat(Ipv4Address.fromLong(address.toLong())).isEqualTo(address);
    }

    @Property
    void parsingArbitraryTextNeverThrowsFromTryParse(@ForAll String text) {
        Ipv4Address parsed = Ipv4Address.tryParse(text);
        if (parsed != null) {
            assertThat(parsed.toString()).isEqualTo(text.replaceAll("(^|\\.)0+(\\d)", "$1$2"));
        }
    }

    @Property
    void subnetContainsExactlyItsRange(@ForAll int bits, @ForAll @IntRange(min = 0, max = 32) int prefix,
            @ForAll int probe) {
        int mask = prefix == 0 ? 0 : -1 << (32 - prefix);
        Subnet subnet = new Subnet(new Ipv4Address(bits & mask), prefix);
        Ipv4Address candidate = new Ipv4Address(probe);
        assertThat(subnet.contains(candidate)).isEqualTo(subnet.asRange().contains(candidate));
        assertThat(subnet.asRange().size()).isEqualTo(subnet.size());
        assertThat(Subnet.of(subnet.network(), subnet.netmask())).isEqualTo(subnet);
    }

    @Property
    void overlapIsSymmetricAndMatchesMembership(@ForAll int a, @ForAll int b, @ForAll int c, @ForAll int d) {
        Ipv4Range first = Ipv4Range.ofEither(new Ipv4Address(a), new Ipv4Address(b));
        Ipv4Range second = Ipv4Range.ofEither(new Ipv4Address(c), new Ipv4Address(d));
        assertThat(first.overlaps(second)).isEqualTo(second.overlaps(first));
        boolean shareAnEnd = first.contains(second.first()) || first.contains(second.last())
                || second.contains(first.first());
        assertThat(first.overlaps(second)).isEqualTo(shareAnEnd);
    }

    @Property
    void hardwareAddressTextRoundTrips(@ForAll byte[] raw) {
        if (raw.length > HardwareAddress.MAX_LENGTH) {
            return;
        }
        HardwareAddress address = HardwareAddress.ethernet(raw);
        assertThat(HardwareAddress.parseEthernet(address.toString())).isEqualTo(address);
    }
}
