package io.ironlease.shell.lang;

import io.ironlease.shell.lang.ShellOutput.Style;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;

/**
 * omshell's main loop over standard input: print the state, print {@code > }, read a line, run it;
 * at the end of input stop, with exit code 0 whatever happened. Lines are read as C's {@code fgets}
 * into omshell's 1024-byte buffer reads them: up to the newline, or 1023 bytes at most (a longer
 * line is run in pieces, each after its own prompt); a NUL byte ends what the parser sees.
 */
public final class ScriptRunner {

    static final int LINE_BUFFER = 1024;

    private ScriptRunner() {
    }

    /** Runs the whole input. */
    public static void run(InputStream in, Interpreter interpreter, ShellOutput out) throws IOException {
        while (true) {
            interpreter.printState();
            out.print("> ", Style.PROMPT);
            out.flush();
            String line = readLine(in);
            if (line == null) {
                break;
            }
            interpreter.execute(line);
        }
        out.flush();
    }

    /** One {@code fgets} read as byte text; null at the end of input. */
    static String readLine(InputStream in) throws IOException {
        ByteArrayOutputStream line = new ByteArrayOutputStream();
        while (line.size() < LINE_BUFFER - 1) {
            int b = in.read();
            if (b < 0) {
                break;
            }
            line.write(b);
            if (b == '\n') {
                break;
            }
        }
        return line.size() == 0 ? null : line.toString(StandardCharsets.ISO_8859_1);
    }
}
