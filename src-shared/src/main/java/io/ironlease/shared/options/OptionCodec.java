package io.ironlease.shared.options;

import io.ironlease.shared.net.Ipv4Address;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Option data to and from wire bytes, driven by the option's {@link OptionType}. Encodes the data
 * only: splitting values over 255 bytes into several option instances (RFC 3396) is the packet
 * codec's job.
 */
final class OptionCodec {

    private OptionCodec() {
    }

    static byte[] encode(OptionValue value, HostResolver resolver) {
        OptionType type = value.type();
        boolean addressArray = type.repeat() == OptionType.Repeat.ALL && type.fields().size() == 1;
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        List<OptionValue.Element> elements = value.elements();
        for (int i = 0; i < elements.size(); i++) {
            OptionAtom atom = OptionLayout.fieldAt(type, i).atom();
            OptionValue.Element element = elements.get(i);
            if (element instanceof OptionValue.Address address) {
                for (Ipv4Address resolved : resolve(address.host(), resolver, addressArray)) {
                    out.writeBytes(resolved.toBytes());
                }
            } else {
                out.writeBytes(encodeElement(atom, element));
            }
        }
        return out.toByteArray();
    }

    private static List<Ipv4Address> resolve(HostRef host, HostResolver resolver, boolean all) {
        if (host instanceof HostRef.Literal literal) {
            return List.of(literal.value());
        }
        List<Ipv4Address> addresses = resolver.resolve(host.text());
        if (addresses == null || addresses.isEmpty()) {
            throw new UnresolvedHostException(host.text());
        }
        return all ? addresses : addresses.subList(0, 1);
    }

    private static byte[] encodeElement(OptionAtom atom, OptionValue.Element element) {
        if (element instanceof OptionValue.Int integer) {
            return integerBytes(integer.value(), atom.width());
        } else if (element instanceof OptionValue.Flag flag) {
            return new byte[] {(byte) (flag.value() ? 1 : 0)};
        } else if (element instanceof OptionValue.Text text) {
            return text.bytes();
        } else if (element instanceof OptionValue.Data data) {
            return data.bytes();
        } else if (element instanceof OptionValue.Address6 address) {
            return address.bytes();
        } else if (element instanceof OptionValue.DomainName name) {
            return DomainNames.encode(List.of(name.name()), false);
        } else if (element instanceof OptionValue.DomainList list) {
            return DomainNames.encode(list.names(), atom == OptionAtom.DOMAIN_LIST_COMPRESSED);
        } else if (element instanceof OptionValue.EnumValue enumValue) {
            return new byte[] {(byte) enumValue.code()};
        } else if (element instanceof OptionValue.SpaceName space) {
            return space.name().getBytes(StandardCharsets.UTF_8);
        }
        throw new IllegalStateException("addresses are encoded by the caller");
    }

    private static byte[] integerBytes(long value, int width) {
        byte[] out = new byte[width];
        for (int i = 0; i < width; i++) {
            out[i] = (byte) (value >>> (8 * (width - 1 - i)));
        }
        return out;
    }

    static OptionValue decode(OptionType type, byte[] data) throws OptionDecodeException {
        List<OptionValue.Element> elements = new ArrayList<>();
        if (type.singleAtom() == OptionAtom.ZERO_LENGTH) {
            if (data.length != 0) {
                throw new OptionDecodeException("a zero-length option carries " + data.length + " bytes", 0);
            }
            return new OptionValue(type, elements);
        }
        int n = type.fields().size();
        int[] position = {0};
        switch (type.repeat()) {
            case NONE -> {
                for (int i = 0; i < n; i++) {
                    if (position[0] == data.length && type.lastOptional() && i == n - 1) {
                        break;
                    }
                    elements.add(read(type.fields().get(i), data, position));
                }
            }
            case ALL -> {
                while (position[0] < data.length) {
                    for (OptionType.Field field : type.fields()) {
                        elements.add(read(field, data, position));
                    }
                }
            }
            case LAST -> {
                for (int i = 0; i < n - 1; i++) {
                    elements.add(read(type.fields().get(i), data, position));
                }
                while (position[0] < data.length) {
                    elements.add(read(type.fields().get(n - 1), data, position));
                }
            }
        }
        if (position[0] != data.length) {
            throw new OptionDecodeException((data.length - position[0]) + " bytes left over for "
                    + type.typeText(), position[0]);
        }
        try {
            return new OptionValue(type, elements);
        } catch (IllegalArgumentException e) {
            throw new OptionDecodeException(e.getMessage(), position[0]);
        }
    }

    private static OptionValue.Element read(OptionType.Field field, byte[] data, int[] position)
            throws OptionDecodeException {
        OptionAtom atom = field.atom();
        int at = position[0];
        if (atom.isFixedWidth()) {
            if (at + atom.width() > data.length) {
                throw new OptionDecodeException("need " + atom.width() + " bytes for " + atom.typeText()
                        + ", have " + (data.length - at), at);
            }
            position[0] = at + atom.width();
        } else if (atom != OptionAtom.DOMAIN_NAME) {
            position[0] = data.length;
        }
        return switch (atom) {
            case IP_ADDRESS -> new OptionValue.Address(HostRef.of(Ipv4Address.fromBytes(data, at)));
            case IP6_ADDRESS -> new OptionValue.Address6(Arrays.copyOfRange(data, at, at + 16));
            case FLAG -> new OptionValue.Flag(data[at] != 0);
            case TEXT -> new OptionValue.Text(Arrays.copyOfRange(data, at, data.length));
            case STRING, ENCAPSULATION -> new OptionValue.Data(Arrays.copyOfRange(data, at, data.length));
            case SPACE_NAME -> new OptionValue.SpaceName(new String(data, at, data.length - at, StandardCharsets.UTF_8));
            case DOMAIN_LIST, DOMAIN_LIST_COMPRESSED ->
                    new OptionValue.DomainList(DomainNames.decode(Arrays.copyOfRange(data, at, data.length)));
            case DOMAIN_NAME -> readDomainName(data, position);
            case ENUMERATION -> {
                int code = data[at] & 0xff;
                String name = IscEnumeration.named(field.argument()).flatMap(e -> e.nameOf(code))
                        .orElse(Integer.toString(code));
                yield new OptionValue.EnumValue(name, code);
            }
            case ZERO_LENGTH -> throw new OptionDecodeException("zero-length field inside a record", at);
            default -> new OptionValue.Int(readInteger(atom, data, at));
        };
    }

    private static OptionValue.Element readDomainName(byte[] data, int[] position) throws OptionDecodeException {
        int at = position[0];
        int end = at;
        while (end < data.length && data[end] != 0) {
            int length = data[end] & 0xff;
            if ((length & 0xc0) != 0) {
                throw new OptionDecodeException("compression is not allowed in a domain-name field", end);
            }
            end += 1 + length;
        }
        if (end >= data.length) {
            throw new OptionDecodeException("domain name runs past the end of the data", at);
        }
        position[0] = end + 1;
        List<String> names = DomainNames.decode(Arrays.copyOfRange(data, at, end + 1));
        return new OptionValue.DomainName(names.isEmpty() ? "" : names.get(0));
    }

    private static long readInteger(OptionAtom atom, byte[] data, int at) {
        long value = 0;
        for (int i = 0; i < atom.width(); i++) {
            value = (value << 8) | (data[at + i] & 0xff);
        }
        if (atom.isSigned()) {
            int shift = 64 - 8 * atom.width();
            value = (value << shift) >> shift;
        }
        return value;
    }
}
