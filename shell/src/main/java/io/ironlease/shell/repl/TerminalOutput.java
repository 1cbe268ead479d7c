package io.ironlease.shell.repl;

import io.ironlease.shell.lang.ShellOutput;
import java.nio.charset.StandardCharsets;
import org.jline.terminal.Terminal;
import org.jline.utils.AttributedStyle;
import org.jline.utils.AttributedString;

/**
 * The interpreter's output on a JLine terminal: stdout and stderr both go to the terminal (in order),
 * coloured when the terminal can show colours, plain otherwise. Byte text from the interpreter is
 * shown as UTF-8, which is what an admin's terminal types and expects.
 */
final class TerminalOutput implements ShellOutput {

    private final Terminal terminal;
    private final boolean colour;

    TerminalOutput(Terminal terminal, boolean colour) {
        this.terminal = terminal;
        this.colour = colour;
    }

    @Override
    public void print(String text, Style style) {
        write(text, switch (style) {
            case OBJECT -> AttributedStyle.BOLD;
            case NAME -> AttributedStyle.DEFAULT.foreground(AttributedStyle.CYAN);
            case ERROR -> AttributedStyle.DEFAULT.foreground(AttributedStyle.RED);
            default -> AttributedStyle.DEFAULT;
        });
    }

    @Override
    public void error(String line) {
        write(line + "\n", AttributedStyle.DEFAULT.foreground(AttributedStyle.YELLOW));
    }

    @Override
    public void flush() {
        terminal.flush();
    }

    private void write(String byteText, AttributedStyle style) {
        String text = new String(byteText.getBytes(StandardCharsets.ISO_8859_1), StandardCharsets.UTF_8);
        terminal.writer().print(colour ? new AttributedString(text, style).toAnsi(terminal) : text);
    }

    /** Byte text of what the user typed (UTF-8), as the interpreter reads input. */
    static String byteText(String typed) {
        return new String(typed.getBytes(StandardCharsets.UTF_8), StandardCharsets.ISO_8859_1);
    }
}
