package io.ironlease.shared.config;

import java.util.Objects;

/**
 * Where something was written: file name as the user or the including file gave it, 1-based line
 * and column (columns count characters, a tab counts one). Prints as {@code file:line:col}.
 */
public record SourcePos(String file, int line, int column) implements Comparable<SourcePos> {

    public SourcePos {
        Objects.requireNonNull(file, "file");
        if (line < 1 || column < 1) {
            throw new IllegalArgumentException("line and column are 1-based: " + line + ":" + column);
        }
    }

    /** Orders by file name, then line, then column. */
    @Override
    public int compareTo(SourcePos other) {
        int byFile = file.compareTo(other.file);
        if (byFile != 0) {
            return byFile;
        }
        int byLine = Integer.compare(line, other.line);
        return byLine != 0 ? byLine : Integer.compare(column, other.column);
    }

    @Override
    public String toString() {
        return file + ":" + line + ":" + column;
    }
}
