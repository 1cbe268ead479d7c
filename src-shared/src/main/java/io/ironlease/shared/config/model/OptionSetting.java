package io.ironlease.shared.config.model;

import io.ironlease.shared.config.SourcePos;
import io.ironlease.shared.config.ast.Expression;
import io.ironlease.shared.config.ast.OptionMode;
import io.ironlease.shared.options.OptionDefinition;
import io.ironlease.shared.options.OptionValue;
import java.util.Objects;
import java.util.Optional;

/**
 * One option or parameter setting of a scope, in declaration order: a literal value, or an expression
 * that dhcpd evaluates per packet ({@code option NAME = EXPR;}).
 *
 * @param pos        where the statement starts
 * @param mode       option, supersede, default, prepend or append
 * @param definition the option (or, in the {@code server} space, the parameter)
 * @param value      the literal value, when not computed
 * @param expression the expression, when computed
 */
public record OptionSetting(SourcePos pos, OptionMode mode, OptionDefinition definition,
        Optional<OptionValue> value, Optional<Expression> expression) {

    public OptionSetting {
        Objects.requireNonNull(pos, "pos");
        Objects.requireNonNull(mode, "mode");
        Objects.requireNonNull(definition, "definition");
        Objects.requireNonNull(value, "value");
        Objects.requireNonNull(expression, "expression");
    }

    /** {@code routers}, {@code agent.circuit-id}, or a parameter name such as {@code default-lease-time}. */
    public String name() {
        return definition.isServerParameter() ? definition.name() : definition.qualifiedName();
    }

    /** The value as dhcpd.conf text, or {@code = EXPR} for a computed one. */
    public String valueText() {
        return value.map(OptionValue::toIscText).orElseGet(() -> "= " + expression.map(Expression::toText).orElse(""));
    }

    /** The statement as dhcpd.conf writes it, without the semicolon. */
    public String toIscText() {
        if (definition.isServerParameter() && name().equals("authoritative") && value.isPresent()) {
            return value.get().elements().equals(java.util.List.of(new OptionValue.Flag(false)))
                    ? "not authoritative" : "authoritative";
        }
        String prefix = definition.isServerParameter() ? "" : mode.keyword() + " ";
        String separator = value.isPresent() && valueText().isEmpty() ? "" : " ";
        return prefix + name() + separator + valueText();
    }
}
