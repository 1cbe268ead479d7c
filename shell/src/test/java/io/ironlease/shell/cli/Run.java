package io.ironlease.shell.cli;

import io.ironlease.shell.ShellMain;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.Map;
import picocli.CommandLine;

/** Runs {@code ironlease-shell ARGS} in-process and keeps what it printed. */
record Run(int exitCode, String out, String err) {

    static Run of(String... args) {
        return with(Map.of(), args);
    }

    /** With an environment for {@code --key-env}. */
    static Run with(Map<String, String> environment, String... args) {
        CommandLine commandLine = ShellMain.commandLine();
        setEnvironment(commandLine, environment);
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        commandLine.setOut(new PrintWriter(out));
        commandLine.setErr(new PrintWriter(err));
        int code = commandLine.execute(args);
        return new Run(code, out.toString(), err.toString());
    }

    private static void setEnvironment(CommandLine commandLine, Map<String, String> environment) {
        for (CommandLine sub : commandLine.getSubcommands().values()) {
            for (Object mixin : sub.getMixins().values()) {
                if (mixin instanceof ServerOptions options) {
                    options.environment = environment;
                }
            }
            setEnvironment(sub, environment);
        }
    }
}
