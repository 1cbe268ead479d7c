package io.ironlease.shell.lang;

/**
 * One token of an omshell line, as ISC's lexer (conflex) makes it. {@code text} is what ISC's parser
 * sees as the token's value: for a string the unescaped contents up to a NUL byte, for {@link Kind#EOL}
 * a newline, for {@link Kind#CHAR} the character. Text is "byte text": one char per input byte.
 *
 * @param kind what sort of token
 * @param text the token's value
 * @param keyword whether the lexer interned it as a keyword (ISC's {@code intern}); only names can be
 */
record Token(Kind kind, String text, boolean keyword) {

    /** Token classes of ISC's lexer that omshell's parser tells apart. */
    enum Kind {
        /** Letters, digits, '-' and '_', not all hex digits (or a keyword). */
        NAME,
        /** Decimal digits, or a leading '-' then digits. */
        NUMBER,
        /** Hex digits only, e.g. {@code cc} or {@code 0a}; also {@code 0x1f}. */
        NUMBER_OR_NAME,
        /** A double-quoted string. */
        STRING,
        /** Any other single character, e.g. '=', '.', ':', '?'. */
        CHAR,
        /** The end of the line (omshell parses with end-of-line tokens). */
        EOL,
        /** The end of the input buffer. */
        EOF,
        /** Spaces and tabs; the parser never sees them, {@link Lexer#next} skips them. */
        WHITESPACE
    }

    /**
     * ISC's {@code is_identifier}: names, keywords and hex-looking names, not numbers or strings; also a
     * lone byte of 0x80-0xfe, whose token code (a negative char in an unsigned enum) passes ISC's test.
     */
    boolean isIdentifier() {
        return kind == Kind.NAME || kind == Kind.NUMBER_OR_NAME
                || (kind == Kind.CHAR && text.length() == 1 && text.charAt(0) >= 0x80);
    }

    /** A keyword such as {@code set} (any case). */
    boolean is(String word) {
        return keyword && text.equalsIgnoreCase(word);
    }

    /** The single-character token {@code c}. */
    boolean isChar(char c) {
        return kind == Kind.CHAR && text.length() == 1 && text.charAt(0) == c;
    }

    /** End of line or of input: where every omshell command must stop. */
    boolean isEnd() {
        return kind == Kind.EOL || kind == Kind.EOF;
    }
}
