package io.ironlease.shell.lang;

/**
 * Where the interpreter writes: standard output (with a hint of what each piece is, so the REPL can
 * colour it; script mode ignores the style) and standard error, where omshell puts connection failures
 * and ISC's parse warnings. Text is byte text: one char per byte, written back as that byte.
 */
public interface ShellOutput {

    /** What a piece of standard output is. */
    enum Style {
        /** The {@code > } prompt. */
        PROMPT,
        /** {@code obj: TYPE} and {@code obj: <null>}. */
        OBJECT,
        /** The {@code name = } of a value line. */
        NAME,
        /** A value. */
        VALUE,
        /** A complaint: usage lines, "not connected.", "can't open object: ...". */
        ERROR,
        /** Anything else (the help text). */
        PLAIN
    }

    /** Writes to standard output as it is (line ends included). */
    void print(String text, Style style);

    /** Writes one line to standard error; the line end is added. */
    void error(String line);

    /** Pushes out what was written (before waiting for input or the network). */
    default void flush() {
    }
}
