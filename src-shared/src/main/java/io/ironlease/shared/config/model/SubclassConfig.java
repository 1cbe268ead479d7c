package io.ironlease.shared.config.model;

import io.ironlease.shared.config.SourcePos;
import java.util.Arrays;
import java.util.Objects;

/**
 * A {@code subclass "CLASS" VALUE [{ ... }]}: clients whose class match value equals {@code value}.
 *
 * @param valueText the value as written (quoted string or colon-separated hex)
 */
public record SubclassConfig(String className, byte[] value, String valueText, SourcePos pos, Scope scope) {

    public SubclassConfig {
        Objects.requireNonNull(className, "className");
        value = value.clone();
    }

    @Override
    public byte[] value() {
        return value.clone();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof SubclassConfig other && className.equals(other.className)
                && Arrays.equals(value, other.value) && pos.equals(other.pos);
    }

    @Override
    public int hashCode() {
        return Objects.hash(className, Arrays.hashCode(value), pos);
    }

    @Override
    public String toString() {
        return "SubclassConfig[" + className + " " + valueText + "]";
    }
}
