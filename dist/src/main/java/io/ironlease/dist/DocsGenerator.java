package io.ironlease.dist;

import io.ironlease.pools.PoolsMain;
import io.ironlease.server.ServerMain;
import io.ironlease.server.ops.BackupMain;
import io.ironlease.server.ops.RestoreMain;
import io.ironlease.server.probe.DhcpProbeMain;
import io.ironlease.shell.ShellMain;
import io.ironlease.shell.keygen.KeygenMain;
import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import picocli.AutoComplete;
import picocli.CommandLine;
import picocli.codegen.docgen.manpage.ManPageGenerator;

/**
 * Writes every command's man page (AsciiDoc, turned into troff by Asciidoctor) and bash completion
 * script at build time, from the same picocli models the programs run, so the docs cannot drift.
 * Usage: {@code DocsGenerator MAN_ADOC_DIR COMPLETION_DIR}.
 */
public final class DocsGenerator {

    private DocsGenerator() {
    }

    /** The shipped commands, built as their mains build them (subcommands included). */
    static List<CommandLine> commands() {
        return List.of(
                ServerMain.commandLine(),
                ShellMain.commandLine(),
                new CommandLine(new PoolsMain()),
                new CommandLine(new KeygenMain()),
                DhcpProbeMain.commandLine(),
                new CommandLine(new BackupMain()),
                new CommandLine(new RestoreMain()));
    }

    public static void main(String[] args) throws IOException {
        if (args.length != 2) {
            throw new IllegalArgumentException("usage: DocsGenerator MAN_ADOC_DIR COMPLETION_DIR");
        }
        Path manDir = Files.createDirectories(Path.of(args[0]));
        Path completionDir = Files.createDirectories(Path.of(args[1]));
        for (CommandLine command : commands()) {
            String name = command.getCommandName();
            int status = ManPageGenerator.generateManPage(manDir.toFile(), null, new boolean[0], false,
                    command.getCommandSpec());
            if (status != 0) {
                throw new IOException("man page generation failed for " + name + " (status " + status + ")");
            }
            Files.writeString(completionDir.resolve(name), AutoComplete.bash(name, command), StandardCharsets.UTF_8);
        }
        // Subcommand pages are named NAME-SUB.adoc; all go to section 1.
        File[] pages = manDir.toFile().listFiles((dir, file) -> file.endsWith(".adoc"));
        System.out.println("DocsGenerator: " + (pages == null ? 0 : pages.length) + " man pages, "
                + commands().size() + " completion scripts");
    }
}
