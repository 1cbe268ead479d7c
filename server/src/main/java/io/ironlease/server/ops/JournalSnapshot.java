package io.ironlease.server.ops;

/**
 * The consistent part of a lease journal copied while a server appends to it: every complete
 * top-level declaration, without the record a writer may have been in the middle of. The server
 * appends whole records and fsyncs them before it acknowledges anything, so this prefix holds every
 * lease acknowledged before the copy began.
 *
 * <p>A declaration is complete at the closing brace of its outermost block, or at a semicolon
 * outside any block (one-line statements such as {@code authoring-byte-order} and {@code server-duid}).
 * Braces and semicolons inside quoted strings and comments do not count.
 */
public final class JournalSnapshot {

    private int depth;
    private boolean quoted;
    private boolean escaped;
    private boolean comment;
    /** Whether a declaration ended on the current line. */
    private boolean endOfDeclaration;
    /** Whether the current line, so far, holds only whitespace and comments (and nothing is open). */
    private boolean blankLine = true;
    private long position;
    /** Where the current line starts. */
    private long lineStart;
    private long complete;

    /** The length of the complete prefix of {@code journal}. */
    public static int completeLength(byte[] journal) {
        JournalSnapshot scan = new JournalSnapshot();
        scan.feed(journal, 0, journal.length);
        return (int) scan.completeLength();
    }

    /** Scans the next bytes of the journal. */
    public void feed(byte[] buffer, int offset, int length) {
        for (int i = offset; i < offset + length; i++) {
            step(buffer[i]);
            position++;
        }
    }

    /** The length of the complete prefix of what was fed so far. */
    public long completeLength() {
        // the copy ended right after a closing brace or semicolon: that declaration is whole
        return depth == 0 && !quoted && !comment && endOfDeclaration ? position : complete;
    }

    private void step(byte b) {
        if (comment) {
            if (b != '\n') {
                return;
            }
            comment = false;
        }
        if (quoted) {
            if (escaped) {
                escaped = false;
            } else if (b == '\\') {
                escaped = true;
            } else if (b == '"') {
                quoted = false;
            }
            return;
        }
        switch (b) {
            case '"' -> {
                quoted = true;
                blankLine = false;
            }
            case '#' -> comment = true;
            case '{' -> {
                depth++;
                blankLine = false;
            }
            case '}' -> {
                blankLine = false;
                if (depth > 0 && --depth == 0) {
                    endOfDeclaration = true;
                }
            }
            case ';' -> {
                blankLine = false;
                if (depth == 0) {
                    endOfDeclaration = true;
                }
            }
            case '\n' -> {
                // a line that ends a declaration, or a blank/comment line after a complete one
                if (depth == 0 && (endOfDeclaration || (blankLine && complete == lineStart))) {
                    complete = position + 1;
                }
                endOfDeclaration = false;
                blankLine = true;
                lineStart = position + 1;
            }
            case ' ', '\t', '\r' -> {
            }
            default -> blankLine = false;
        }
    }
}
