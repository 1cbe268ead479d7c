package io.ironlease.shared.options;

import java.util.List;

/** Which field each element of a value stands for, and whether elements fit their type. */
final class OptionLayout {

    private OptionLayout() {
    }

    /** The field that the element at {@code index} stands for (types without zero-length fields). */
    static OptionType.Field fieldAt(OptionType type, int index) {
        List<OptionType.Field> fields = type.fields();
        int n = fields.size();
        return switch (type.repeat()) {
            case NONE -> fields.get(Math.min(index, n - 1));
            case ALL -> fields.get(index % n);
            case LAST -> fields.get(Math.min(index, n - 1));
        };
    }

    /** Null when the elements fit the type, else a description of the mismatch. */
    static String problem(OptionType type, List<OptionValue.Element> elements) {
        List<OptionType.Field> fields = type.fields();
        int n = fields.size();
        if (fields.stream().anyMatch(f -> f.atom() == OptionAtom.ZERO_LENGTH)) {
            return elements.isEmpty() ? null : "a zero-length option carries no value";
        }
        int count = elements.size();
        boolean countOk = switch (type.repeat()) {
            case NONE -> count == n || (type.lastOptional() && count == n - 1);
            case ALL -> count % n == 0;
            case LAST -> count >= n - 1;
        };
        if (!countOk) {
            return "expected " + describeCount(type) + " for " + type.typeText() + ", got " + count;
        }
        for (int i = 0; i < count; i++) {
            OptionType.Field field = fieldAt(type, i);
            OptionValue.Element element = elements.get(i);
            String problem = elementProblem(field.atom(), element);
            if (problem != null) {
                return "element " + (i + 1) + ": " + problem;
            }
        }
        return null;
    }

    private static String describeCount(OptionType type) {
        int n = type.fields().size();
        return switch (type.repeat()) {
            case NONE -> (type.lastOptional() ? (n - 1) + " or " : "") + n + " value(s)";
            case ALL -> "a multiple of " + n + " values";
            case LAST -> "at least " + (n - 1) + " values";
        };
    }

    private static String elementProblem(OptionAtom atom, OptionValue.Element element) {
        boolean fits = switch (atom) {
            case IP_ADDRESS -> element instanceof OptionValue.Address;
            case IP6_ADDRESS -> element instanceof OptionValue.Address6;
            case FLAG -> element instanceof OptionValue.Flag;
            case TEXT -> element instanceof OptionValue.Text;
            case STRING, ENCAPSULATION -> element instanceof OptionValue.Data;
            case DOMAIN_NAME -> element instanceof OptionValue.DomainName;
            case DOMAIN_LIST, DOMAIN_LIST_COMPRESSED -> element instanceof OptionValue.DomainList;
            case ENUMERATION -> element instanceof OptionValue.EnumValue;
            case SPACE_NAME -> element instanceof OptionValue.SpaceName;
            case ZERO_LENGTH -> false;
            default -> element instanceof OptionValue.Int;
        };
        if (!fits) {
            return atom.typeText() + " expected, got " + element.getClass().getSimpleName();
        }
        if (element instanceof OptionValue.Int integer
                && (integer.value() < atom.minValue() || integer.value() > atom.maxValue())) {
            return integer.value() + " is outside " + atom.minValue() + "-" + atom.maxValue() + " for "
                    + atom.typeText();
        }
        return null;
    }
}
