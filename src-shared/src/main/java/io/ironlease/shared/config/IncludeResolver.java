package io.ironlease.shared.config;

import io.ironlease.shared.config.ast.Statement;
import io.ironlease.shared.config.model.ScopeKind;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/**
 * {@code include "FILE";}: a relative name is looked up first in the including file's directory,
 * then in the working directory (dhcpd itself uses only the working directory; trying the including
 * file's directory first lets a config tree be checked from anywhere). Included statements take the
 * including scope; their positions name the included file. Cycles are errors.
 */
final class IncludeResolver {

    /** Includes nested deeper than this are refused (a cycle is caught before, this bounds the rest). */
    static final int MAX_INCLUDE_DEPTH = 16;

    private final ParseState state;

    IncludeResolver(ParseState state) {
        this.state = state;
    }

    List<Statement> include(Token keyword, TokenCursor cursor, Path includingFile, ScopeKind kind) {
        Token name = cursor.expectString("the file to include");
        cursor.expectSemicolon("include \"" + name.text() + "\"");
        Path target = resolve(name, includingFile);
        Path identity = target.toAbsolutePath().normalize();
        if (state.includeStack.contains(identity)) {
            List<String> chain = new ArrayList<>();
            state.includeStack.descendingIterator().forEachRemaining(p -> chain.add(p.getFileName().toString()));
            chain.add(identity.getFileName().toString());
            throw TokenCursor.error(name, "include cycle: " + String.join(" -> ", chain));
        }
        if (state.includeStack.size() >= MAX_INCLUDE_DEPTH) {
            throw TokenCursor.error(name, "includes nested deeper than " + MAX_INCLUDE_DEPTH + " files");
        }
        String text;
        try {
            text = state.reader.read(target);
        } catch (IOException e) {
            throw TokenCursor.error(name, "cannot read include file \"" + name.text() + "\": " + e);
        }
        String fileName = target.toString();
        state.files.add(fileName);
        List<ConfigError> lexical = new ArrayList<>();
        List<Token> tokens = Lexer.tokenize(fileName, text, lexical);
        lexical.forEach(e -> state.error(e.pos(), e.message()));
        state.includeStack.push(identity);
        try {
            return new FileParser(new TokenCursor(tokens), state, target).parseAll(kind);
        } finally {
            state.includeStack.pop();
        }
    }

    private Path resolve(Token name, Path includingFile) {
        Path given;
        try {
            given = Path.of(name.text());
        } catch (InvalidPathException e) {
            throw TokenCursor.error(name, "bad include file name \"" + name.text() + "\"");
        }
        if (given.isAbsolute()) {
            return given;
        }
        List<Path> candidates = new ArrayList<>();
        if (includingFile != null && includingFile.getParent() != null) {
            candidates.add(includingFile.getParent().resolve(given).normalize());
        }
        candidates.add(given);
        for (Path candidate : candidates) {
            if (Files.isRegularFile(candidate)) {
                return candidate;
            }
        }
        throw TokenCursor.error(name, "include file \"" + name.text() + "\" not found (looked in: "
                + candidates.stream().map(p -> p.toAbsolutePath().normalize().toString())
                        .collect(Collectors.joining(", ")) + ")");
    }
}
