package io.ironlease.shared.config;

import io.ironlease.shared.options.OptionRegistry;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;

/** What all files of one config share while parsing: errors, the growing option registry, includes. */
final class ParseState {

    /** Deeper nesting than this is refused, so hostile input cannot overflow the stack. */
    static final int MAX_DEPTH = 40;
    /** Parsing stops after this many errors; a broken file should not flood the terminal. */
    static final int MAX_ERRORS = 200;

    final List<ConfigError> errors = new ArrayList<>();
    final List<ConfigError> warnings = new ArrayList<>();
    final Deque<Path> includeStack = new ArrayDeque<>();
    final List<String> files = new ArrayList<>();
    final SourceReader reader;
    OptionRegistry registry;
    int depth;
    /** Errors reported from now on are of this kind: syntax while parsing, semantic once the model is built. */
    ConfigError.Kind phase = ConfigError.Kind.SYNTAX;

    ParseState(OptionRegistry registry, SourceReader reader) {
        this.registry = registry;
        this.reader = reader;
    }

    void error(SourcePos pos, String message) {
        if (errors.size() < MAX_ERRORS) {
            errors.add(new ConfigError(pos, message, phase));
        }
    }

    void warn(SourcePos pos, String message) {
        warnings.add(new ConfigError(pos, message, phase));
    }

    boolean tooManyErrors() {
        return errors.size() >= MAX_ERRORS;
    }
}
