package io.ironlease.shell.lang;

import io.ironlease.shell.lang.Token.Kind;
import java.io.ByteArrayOutputStream;

/**
 * The value of omshell's {@code set NAME = VALUE} (OMAPI-NOTES section 4): {@code "text"} is a string,
 * a decimal number a 4-byte integer, a dotted quad ({@code 1.2.3.4}, also {@code 1..3}) data of one
 * byte per part, colon-separated hex ({@code 52:54:00:cc:00:01}) data of one byte per part. Follows
 * omshell's parser step for step, including what it does with odd input: a value is stored even when
 * garbage follows it (then the usage line is printed too), an octet over 255 is refused with a warning.
 */
final class ValueParser {

    /** The parsed value (null when nothing is to be stored) and the token after it. */
    record Result(Value value, Token after) {
    }

    private ValueParser() {
    }

    /** Parses from the token after '='; {@code invalid} is told when omshell prints "invalid value.". */
    static Result parse(Lexer lexer, Token first, Runnable invalid) {
        if (first.kind() == Kind.STRING) {
            return new Result(new Value.Text(first.text()), lexer.next());
        }
        if (first.kind() == Kind.NUMBER) {
            Token next = lexer.peek();
            if (next.isChar(':')) {
                return hexList(lexer, first.text());
            }
            if (next.isChar('.')) {
                return dotted(lexer, first.text());
            }
            return new Result(new Value.Int(IscParsers.atoi(first.text())), lexer.next());
        }
        if (isNumberOrName(first)) {
            return hexList(lexer, first.text());
        }
        invalid.run();
        lexer.skipToSemicolon();
        return new Result(null, first);
    }

    private static boolean isNumberOrName(Token token) {
        return token.kind() == Kind.NUMBER_OR_NAME && !token.keyword();
    }

    private static Result dotted(Lexer lexer, String first) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        String text = first;
        Token token = lexer.peek();
        do {
            int octet = IscParsers.atoi(text);
            if (octet > 255) {
                lexer.warn("dotted octet > 255: " + text);
                lexer.skipToSemicolon();
                return new Result(null, token);
            }
            bytes.write(octet);
            token = lexer.next();
            if (!token.isChar('.')) {
                break;
            }
            while ((token = lexer.next()).isChar('.')) {
                bytes.write(0);   // an empty part is a zero byte
            }
            text = token.text();
        } while (token.kind() == Kind.NUMBER);
        return new Result(new Value.Data(bytes.toByteArray()), token);
    }

    private static Result hexList(Lexer lexer, String first) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        String text = first;
        Token token;
        do {
            bytes.write(IscParsers.hexByte(lexer, text));
            token = lexer.next();
            if (!token.isChar(':')) {
                break;
            }
            token = lexer.next();
            text = token.text();
        } while (token.kind() == Kind.NUMBER || isNumberOrName(token));
        return new Result(new Value.Data(bytes.toByteArray()), token);
    }
}
