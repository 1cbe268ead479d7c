package io.ironlease.shared.config;

import io.ironlease.shared.config.ast.Statement;
import io.ironlease.shared.config.model.DhcpConfig;
import io.ironlease.shared.config.model.ScopeKind;
import io.ironlease.shared.options.OptionRegistry;
import io.ironlease.shared.options.OptionType;
import io.ironlease.shared.options.OptionValue;
import java.io.IOException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads a dhcpd.conf (and the files it includes) into a validated {@link DhcpConfig}:
 * lexer, then parser (AST with positions), then model, then semantic checks. Every problem is
 * collected; nothing is thrown but {@link ConfigException}.
 *
 * <pre>{@code
 * DhcpConfig cfg = ConfigLoader.load(Path.of("/etc/dhcp/dhcpd.conf"));       // strict
 * ConfigResult result = ConfigLoader.loadLenient(Path.of("dhcpd.conf"));      // model + errors
 * }</pre>
 */
public final class ConfigLoader {

    private ConfigLoader() {
    }

    /** Loads and checks a config; any error makes it throw, listing all errors by position. */
    public static DhcpConfig load(Path file) throws ConfigException {
        return loadLenient(file).orThrow();
    }

    /** Loads a config and answers the model together with the errors and warnings found. */
    public static ConfigResult loadLenient(Path file) {
        return loadLenient(file, SourceReader.FILES);
    }

    /** As {@link #loadLenient(Path)}, reading files (the main one and includes) through {@code reader}. */
    public static ConfigResult loadLenient(Path file, SourceReader reader) {
        String text;
        try {
            text = reader.read(file);
        } catch (NoSuchFileException e) {
            return unreadable(file, "no such file");
        } catch (IOException e) {
            return unreadable(file, "cannot read: " + e);
        }
        return run(file.toString(), text, file, reader);
    }

    /** Parses config text given directly; includes are looked up relative to the working directory. */
    public static ConfigResult parse(String fileName, String text) {
        return run(fileName, text, null, SourceReader.FILES);
    }

    /** Like {@link #parse(String, String)} but throws when there are errors. */
    public static DhcpConfig parseStrict(String fileName, String text) throws ConfigException {
        return parse(fileName, text).orThrow();
    }

    /** Only the syntax tree, for tools that want the statements as written. */
    public static List<Statement> parseSyntax(String fileName, String text, List<ConfigError> errors) {
        ParseState state = new ParseState(OptionRegistry.standard(), SourceReader.FILES);
        List<Statement> statements = parseTop(fileName, text, null, state);
        errors.addAll(state.errors);
        return statements;
    }

    /**
     * Parses an option value written as dhcpd.conf writes it after the option name (e.g.
     * {@code 10.0.0.1, 10.0.0.2} for routers), for callers that take values as text (OMAPI, tests).
     */
    public static OptionValue parseOptionValue(
            OptionType type, String text) throws ConfigException {
        List<ConfigError> errors = new ArrayList<>();
        List<Token> tokens = Lexer.tokenize("value", text + ";", errors);
        TokenCursor cursor = new TokenCursor(tokens);
        try {
            OptionValue value = new OptionValueParser(cursor).parse(type, "value");
            cursor.expectSemicolon("the value");
            if (!cursor.atEof()) {
                throw TokenCursor.error(cursor.peek(), "unexpected " + cursor.peek().describe() + " after the value");
            }
            if (errors.isEmpty()) {
                return value;
            }
        } catch (ParseError e) {
            errors.add(e.error());
        }
        throw new ConfigException(errors);
    }

    private static ConfigResult run(String fileName, String text, Path path, SourceReader reader) {
        ParseState state = new ParseState(OptionRegistry.standard(), reader);
        List<Statement> statements = parseTop(fileName, text, path, state);
        state.phase = ConfigError.Kind.SEMANTIC;
        ModelBuilder builder = new ModelBuilder(state);
        DhcpConfig config = builder.build(statements, fileName);
        new Validator(config, state).validate(builder.peerReferences);
        return new ConfigResult(config, state.errors, state.warnings);
    }

    private static List<Statement> parseTop(String fileName, String text, Path path, ParseState state) {
        state.files.add(fileName);
        List<ConfigError> lexical = new ArrayList<>();
        List<Token> tokens = Lexer.tokenize(fileName, text, lexical);
        lexical.forEach(e -> state.error(e.pos(), e.message()));
        if (path != null) {
            state.includeStack.push(path.toAbsolutePath().normalize());
        }
        return new FileParser(new TokenCursor(tokens), state, path).parseAll(ScopeKind.GLOBAL);
    }

    private static ConfigResult unreadable(Path file, String why) {
        ParseState state = new ParseState(OptionRegistry.standard(), SourceReader.FILES);
        state.error(new SourcePos(file.toString(), 1, 1), "cannot read config file: " + why);
        state.files.add(file.toString());
        DhcpConfig empty = new ModelBuilder(state).build(List.of(), file.toString());
        return new ConfigResult(empty, state.errors, state.warnings);
    }
}
