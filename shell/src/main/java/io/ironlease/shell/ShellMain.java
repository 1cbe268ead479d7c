package io.ironlease.shell;

import io.ironlease.shell.cli.CommandFailure;
import io.ironlease.shell.cli.Commands;
import io.ironlease.shell.cli.ExitCodes;
import io.ironlease.shell.lang.Interpreter;
import io.ironlease.shell.lang.ScriptRunner;
import io.ironlease.shell.lang.Services;
import io.ironlease.shell.lang.StreamOutput;
import io.ironlease.shell.repl.Repl;
import io.ironlease.shell.session.ClientSession;
import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.FileDescriptor;
import java.io.FileInputStream;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import org.jline.terminal.Terminal;
import org.jline.terminal.TerminalBuilder;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code ironlease-shell}: without a command, omshell's language (interactively on a terminal, or
 * from standard input exactly as omshell runs a script); with a command, one OMAPI operation for
 * scripts and monitoring, with documented exit codes and JSON output.
 */
@Command(name = "ironlease-shell", mixinStandardHelpOptions = true, version = "ironlease-shell 0.1",
        description = {"An omshell-compatible OMAPI shell for ISC dhcpd and ironlease.",
            "Without a command it speaks omshell's language: interactively on a terminal (history in "
                    + "~/.ironlease_shell_history, tab completion), or from standard input printing exactly what "
                    + "omshell prints (ironlease-shell < script)."},
        commandListHeading = "%nCommands (one OMAPI operation each, for scripts):%n")
public final class ShellMain implements Callable<Integer> {

    @Option(names = {"-i", "--interactive"}, description = "Line editor even when standard input is not a terminal.")
    boolean interactive;

    @Option(names = {"-b", "--batch"}, description = "omshell's plain stdin mode even on a terminal.")
    boolean batch;

    @Option(names = "--timeout", paramLabel = "SECONDS", defaultValue = "60",
            description = "How long connect and each request may wait for the server (default: ${DEFAULT-VALUE}).")
    int timeoutSeconds;

    @Option(names = "--history", paramLabel = "FILE", description = "History file (default: ~/.ironlease_shell_history).")
    Path history;

    @Option(names = "--no-color", description = "No colours in interactive mode.")
    boolean noColor;

    public static void main(String[] args) {
        System.exit(commandLine().execute(args));
    }

    /** The command line with every command, the exit code list and the failure handling. */
    public static CommandLine commandLine() {
        CommandLine commandLine = new CommandLine(new ShellMain());
        Commands.all().forEach(commandLine::addSubcommand);
        Map<String, String> exitCodes = new LinkedHashMap<>();
        for (String entry : ExitCodes.LIST) {
            int colon = entry.indexOf(':');
            exitCodes.put(entry.substring(0, colon), entry.substring(colon + 1));
        }
        applyExitCodes(commandLine, exitCodes);
        commandLine.setExecutionExceptionHandler((e, failed, parsed) -> {
            if (e instanceof CommandFailure failure) {
                failed.getErr().println("ironlease-shell: " + failure.getMessage());
                failed.getErr().flush();
                return failure.exitCode();
            }
            throw e;
        });
        return commandLine;
    }

    private static void applyExitCodes(CommandLine commandLine, Map<String, String> exitCodes) {
        commandLine.getCommandSpec().usageMessage().exitCodeListHeading("%nExit codes:%n").exitCodeList(exitCodes);
        commandLine.getSubcommands().values().forEach(sub -> applyExitCodes(sub, exitCodes));
    }

    @Override
    public Integer call() throws IOException {
        if (interactive && batch) {
            throw new CommandFailure(ExitCodes.USAGE, "--interactive and --batch exclude each other");
        }
        if (timeoutSeconds < 1) {
            throw new CommandFailure(ExitCodes.USAGE, "--timeout must be at least 1 second");
        }
        Duration timeout = Duration.ofSeconds(timeoutSeconds);
        ClientSession session = new ClientSession(timeout, timeout);
        boolean repl = interactive || (!batch && System.console() != null);
        if (repl) {
            Path file = history != null ? history : Path.of(System.getProperty("user.home"), ".ironlease_shell_history");
            try (Terminal terminal = TerminalBuilder.builder().system(true).build()) {
                return Repl.run(terminal, session, Services.system(), file, Repl.colourFor(terminal, !noColor));
            }
        }
        OutputStream out = new BufferedOutputStream(new FileOutputStream(FileDescriptor.out), 1 << 16);
        StreamOutput output = new StreamOutput(out, new FileOutputStream(FileDescriptor.err));
        Interpreter interpreter = new Interpreter(session, output, Services.system());
        try {
            ScriptRunner.run(new BufferedInputStream(new FileInputStream(FileDescriptor.in)), interpreter, output);
        } finally {
            interpreter.shutdown();
            out.flush();
        }
        return ExitCodes.OK;
    }
}
