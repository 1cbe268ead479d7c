package io.ironlease.shell.interop;

import io.ironlease.shell.ShellMain;
import java.io.PrintWriter;
import java.io.StringWriter;
import picocli.CommandLine;

/** {@code ironlease-shell ARGS} in-process: exit code and what it printed. */
record OneShot(int exitCode, String out, String err) {

    static OneShot run(String... args) {
        CommandLine commandLine = ShellMain.commandLine();
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        commandLine.setOut(new PrintWriter(out));
        commandLine.setErr(new PrintWriter(err));
        int code = commandLine.execute(args);
        return new OneShot(code, out.toString(), err.toString());
    }
}
