package io.ironlease.shell.repl;

import io.ironlease.shell.lang.Interpreter;
import java.util.List;
import java.util.Locale;
import org.jline.reader.Candidate;
import org.jline.reader.Completer;
import org.jline.reader.LineReader;
import org.jline.reader.ParsedLine;

/**
 * Tab completion for the omshell language: commands first, object types after {@code new},
 * the current object's attribute names after {@code set} and {@code unset} (all known names when no
 * object is open), algorithms after {@code key-algorithm}.
 */
final class OmshellCompleter implements Completer {

    private final Interpreter interpreter;

    OmshellCompleter(Interpreter interpreter) {
        this.interpreter = interpreter;
    }

    @Override
    public void complete(LineReader reader, ParsedLine line, List<Candidate> candidates) {
        for (String word : words(line.words(), line.wordIndex())) {
            candidates.add(new Candidate(word, word, null, null, null, null, true));
        }
    }

    /** The words that may stand at {@code index}, given the line's words. */
    List<String> words(List<String> words, int index) {
        if (index == 0) {
            return ObjectAttributes.COMMANDS;
        }
        if (index != 1) {
            return List.of();
        }
        return switch (words.get(0).toLowerCase(Locale.ROOT)) {
            case "new" -> ObjectAttributes.TYPES;
            case "set", "unset" -> interpreter.objectType().map(type -> ObjectAttributes.BY_TYPE.get(type.toLowerCase(Locale.ROOT)))
                    .orElseGet(() -> ObjectAttributes.BY_TYPE.values().stream().flatMap(List::stream).distinct().sorted().toList());
            case "key-algorithm" -> ObjectAttributes.ALGORITHMS;
            default -> List.of();
        };
    }
}
