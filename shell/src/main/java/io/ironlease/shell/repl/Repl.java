package io.ironlease.shell.repl;

import io.ironlease.shell.lang.Interpreter;
import io.ironlease.shell.lang.OmapiSession;
import io.ironlease.shell.lang.Services;
import java.nio.file.Path;
import org.jline.reader.EndOfFileException;
import org.jline.reader.LineReader;
import org.jline.reader.LineReaderBuilder;
import org.jline.reader.UserInterruptException;
import org.jline.terminal.Terminal;
import org.jline.utils.InfoCmp;

/**
 * The interactive shell: omshell's language and output on a JLine line editor, with history (kept in
 * a file), tab completion, colours where the terminal has them. Ctrl-C abandons the line being typed
 * or the request being waited for; Ctrl-D (end of input) leaves.
 */
public final class Repl {

    private Repl() {
    }

    /** Whether to colour: a terminal that says it has colours, and no NO_COLOR in the environment. */
    public static boolean colourFor(Terminal terminal, boolean allowed) {
        Integer colours = terminal.getNumericCapability(InfoCmp.Capability.max_colors);
        return allowed && System.getenv("NO_COLOR") == null && !Terminal.TYPE_DUMB.equals(terminal.getType())
                && !Terminal.TYPE_DUMB_COLOR.equals(terminal.getType()) && colours != null && colours >= 8;
    }

    /** Runs until end of input; returns the exit code (0, as omshell). */
    public static int run(Terminal terminal, OmapiSession session, Services services, Path history, boolean colour) {
        TerminalOutput output = new TerminalOutput(terminal, colour);
        Interpreter interpreter = new Interpreter(session, output, services);
        LineReader reader = LineReaderBuilder.builder().appName("ironlease-shell").terminal(terminal)
                .completer(new OmshellCompleter(interpreter))
                .variable(LineReader.HISTORY_FILE, history)
                .option(LineReader.Option.DISABLE_EVENT_EXPANSION, true)
                .build();
        Thread main = Thread.currentThread();
        Terminal.SignalHandler previous = terminal.handle(Terminal.Signal.INT, signal -> main.interrupt());
        try {
            while (true) {
                interpreter.printState();
                output.flush();
                String line;
                try {
                    line = reader.readLine("> ");
                } catch (UserInterruptException e) {
                    continue;
                } catch (EndOfFileException e) {
                    break;
                }
                interpreter.execute(TerminalOutput.byteText(line) + "\n");
                Thread.interrupted();   // a Ctrl-C that cancelled a request is spent
            }
        } finally {
            terminal.handle(Terminal.Signal.INT, previous);
            interpreter.shutdown();
            output.flush();
            try {
                reader.getHistory().save();
            } catch (java.io.IOException | RuntimeException e) {
                terminal.writer().println("ironlease-shell: cannot save history to " + history + ": " + e.getMessage());
            }
        }
        return 0;
    }
}
