package io.ironlease.shared.options;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.stream.Collectors;

/**
 * The shape of an option's data: a record of fields, possibly repeated. Written and read in ISC's
 * format notation ({@code "IA"} = array of IP addresses, {@code "fIa"} = a flag then an array of
 * addresses, {@code "Dc"} = compressed domain list) so the standard table mirrors ISC's.
 *
 * @param fields the record's fields in wire order
 * @param repeat whether the whole record ({@link Repeat#ALL}) or its last field ({@link Repeat#LAST}) repeats
 * @param lastOptional whether the last field may be absent (ISC 'o')
 */
public record OptionType(List<Field> fields, Repeat repeat, boolean lastOptional) {

    /** How an option's record repeats. */
    public enum Repeat { NONE, ALL, LAST }

    /**
     * One field: an atom plus, for encapsulations and enumerations, the space or enumeration name.
     */
    public record Field(OptionAtom atom, String argument) {
        public Field {
            Objects.requireNonNull(atom, "atom");
            argument = argument == null ? "" : argument;
        }

        public static Field of(OptionAtom atom) {
            return new Field(atom, "");
        }

        String typeText() {
            return switch (atom) {
                case ENCAPSULATION -> "encapsulate " + argument;
                case ENUMERATION -> "enumeration " + argument;
                default -> atom.typeText();
            };
        }
    }

    public OptionType {
        fields = List.copyOf(fields);
        Objects.requireNonNull(repeat, "repeat");
        if (fields.isEmpty()) {
            throw new IllegalArgumentException("an option type needs at least one field");
        }
    }

    public static OptionType of(OptionAtom atom) {
        return new OptionType(List.of(Field.of(atom)), Repeat.NONE, false);
    }

    public static OptionType arrayOf(OptionAtom atom) {
        return new OptionType(List.of(Field.of(atom)), Repeat.ALL, false);
    }

    public static OptionType encapsulating(String space) {
        return new OptionType(List.of(new Field(OptionAtom.ENCAPSULATION, space)), Repeat.NONE, false);
    }

    /** Parses ISC's format notation, e.g. {@code "IA"}, {@code "Nddns-styles."}, {@code "Eagent."}. */
    public static OptionType fromIscFormat(String format) {
        List<Field> fields = new ArrayList<>();
        Repeat repeat = Repeat.NONE;
        boolean optional = false;
        for (int i = 0; i < format.length(); i++) {
            char c = format.charAt(i);
            switch (c) {
                case 'A' -> repeat = Repeat.ALL;
                case 'a' -> repeat = Repeat.LAST;
                case 'o' -> optional = true;
                case 'e' -> { }
                case 'D' -> {
                    boolean compressed = i + 1 < format.length() && format.charAt(i + 1) == 'c';
                    fields.add(Field.of(compressed ? OptionAtom.DOMAIN_LIST_COMPRESSED : OptionAtom.DOMAIN_LIST));
                    i += compressed ? 1 : 0;
                }
                case 'E', 'N' -> {
                    int dot = format.indexOf('.', i + 1);
                    if (dot < 0) {
                        throw new IllegalArgumentException("format " + format + ": '" + c + "' needs a name and '.'");
                    }
                    OptionAtom atom = c == 'E' ? OptionAtom.ENCAPSULATION : OptionAtom.ENUMERATION;
                    fields.add(new Field(atom, format.substring(i + 1, dot)));
                    i = dot;
                }
                default -> fields.add(Field.of(OptionAtom.ofLetter(c).orElseThrow(
                        () -> new IllegalArgumentException("format " + format + ": unknown letter '" + c + "'"))));
            }
        }
        return new OptionType(fields, repeat, optional);
    }

    /** The ISC format notation of this type (inverse of {@link #fromIscFormat}). */
    public String iscFormat() {
        StringBuilder out = new StringBuilder();
        for (Field field : fields) {
            switch (field.atom()) {
                case DOMAIN_LIST_COMPRESSED -> out.append("Dc");
                case ENCAPSULATION -> out.append('E').append(field.argument()).append('.');
                case ENUMERATION -> out.append('N').append(field.argument()).append('.');
                default -> out.append(field.atom().letter());
            }
        }
        if (lastOptional) {
            out.append('o');
        }
        if (repeat == Repeat.ALL) {
            out.append('A');
        } else if (repeat == Repeat.LAST) {
            out.append('a');
        }
        return out.toString();
    }

    /** The type as an {@code option NAME code N = TYPE;} definition writes it. */
    public String typeText() {
        if (fields.size() == 1) {
            String single = fields.get(0).typeText();
            return repeat == Repeat.NONE ? single : "array of " + single;
        }
        List<String> parts = new ArrayList<>();
        for (int i = 0; i < fields.size(); i++) {
            String text = fields.get(i).typeText();
            boolean last = i == fields.size() - 1;
            parts.add(last && repeat == Repeat.LAST ? "array of " + text : text);
        }
        String record = "{ " + String.join(", ", parts) + " }";
        return repeat == Repeat.ALL ? "array of " + record : record;
    }

    /** The single atom of a one-field type, or null. */
    public OptionAtom singleAtom() {
        return fields.size() == 1 ? fields.get(0).atom() : null;
    }

    public boolean isArray() {
        return repeat != Repeat.NONE;
    }

    /** True when every element is an IPv4 address (e.g. routers): such values may name hosts. */
    public boolean isAddressList() {
        return fields.stream().allMatch(f -> f.atom() == OptionAtom.IP_ADDRESS);
    }

    @Override
    public String toString() {
        return fields.stream().map(Field::typeText).collect(Collectors.joining(", ", "OptionType[", "]"))
                + (repeat == Repeat.NONE ? "" : " repeat " + repeat);
    }
}
