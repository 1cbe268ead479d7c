package io.ironlease.shared.config.ast;

import io.ironlease.shared.config.SourcePos;
import io.ironlease.shared.options.OptionText;
import java.util.List;
import java.util.stream.Collectors;

/**
 * A dhcp-eval expression ({@code man dhcp-eval}), kept as a tree so classes' {@code match} and
 * {@code if} conditions survive parsing; {@link #toText()} prints it back in dhcpd.conf syntax.
 */
public sealed interface Expression {

    SourcePos pos();

    /** The expression as dhcpd.conf would write it. */
    String toText();

    /** A quoted string; the bytes its escapes denote. */
    record Str(SourcePos pos, byte[] bytes) implements Expression {
        public Str {
            bytes = bytes.clone();
        }

        @Override
        public byte[] bytes() {
            return bytes.clone();
        }

        @Override
        public String toText() {
            return OptionText.quote(bytes);
        }
    }

    /** A number, dotted quad or colon-separated hex, as written. */
    record Literal(SourcePos pos, String text) implements Expression {
        @Override
        public String toText() {
            return text;
        }
    }

    /** A bare name: a function without arguments ({@code hardware}, {@code known}) or a variable. */
    record Identifier(SourcePos pos, String name) implements Expression {
        @Override
        public String toText() {
            return name;
        }
    }

    /** {@code option NAME}, {@code config-option NAME} or {@code exists NAME}. */
    record OptionRef(SourcePos pos, String keyword, String optionName) implements Expression {
        @Override
        public String toText() {
            return keyword + " " + optionName;
        }
    }

    /** A function call such as {@code substring(option vendor-class-identifier, 0, 9)}. */
    record Call(SourcePos pos, String function, List<Expression> arguments) implements Expression {
        public Call {
            arguments = List.copyOf(arguments);
        }

        @Override
        public String toText() {
            return function + "(" + arguments.stream().map(Expression::toText).collect(Collectors.joining(", "))
                    + ")";
        }
    }

    /** {@code not E}. */
    record Not(SourcePos pos, Expression operand) implements Expression {
        @Override
        public String toText() {
            return "not " + operand.toText();
        }
    }

    /** {@code L op R} for {@code = != ~= ~~ and or + - * / % & | ^}. */
    record Binary(SourcePos pos, String operator, Expression left, Expression right) implements Expression {
        @Override
        public String toText() {
            return "(" + left.toText() + " " + operator + " " + right.toText() + ")";
        }
    }
}
