package io.ironlease.server.ops;

/**
 * The consistent part of a lease journal copied while a server appends to it: every complete
 * top-level declaration, without the record a writer may have been in the middle of. The server
 * appends whole records and fsyncs them before it acknowledges anything, so this prefix holds every
 * lease acknowledged before the copy began.
 *
 * <p>A declaration is complete at a {@code }} that closes its outermost block, or at a {@code ;}
 * outside any block (one-line statements such as {@code authoring-byte-order} and {@code server-duid}).
 * Braces and semicolons inside quoted strings and comments do not count.
 */
public final class JournalSnapshot {

    private JournalSnapshot() {
    }

    /** The length of the complete prefix of {@code journal} (whole lines, comments after it kept). */
    public static int completeLength(byte[] journal) {
        int depth = 0;
        boolean quoted = false;
        boolean escaped = false;
        boolean comment = false;
        int complete = 0;
        boolean endOfDeclaration = false;
        for (int i = 0; i < journal.length; i++) {
            byte b = journal[i];
            if (comment) {
                if (b == '\n') {
                    comment = false;
                } else {
                    continue;
                }
            }
            if (quoted) {
                if (escaped) {
                    escaped = false;
                } else if (b == '\\') {
                    escaped = true;
                } else if (b == '"') {
                    quoted = false;
                }
                continue;
            }
            switch (b) {
                case '"' -> quoted = true;
                case '#' -> comment = true;
                case '{' -> depth++;
                case '}' -> {
                    if (depth > 0 && --depth == 0) {
                        endOfDeclaration = true;
                    }
                }
                case ';' -> {
                    if (depth == 0) {
                        endOfDeclaration = true;
                    }
                }
                case '\n' -> {
                    // a line with nothing open after the last complete declaration keeps the prefix whole
                    if (depth == 0 && !quoted && (endOfDeclaration || onlyBlankSince(journal, complete, i))) {
                        complete = i + 1;
                        endOfDeclaration = false;
                    }
                }
                default -> {
                }
            }
        }
        // the copy ended right after a closing brace or semicolon: that declaration is whole
        return depth == 0 && !quoted && !comment && endOfDeclaration ? journal.length : complete;
    }

    /** Whether bytes [from, to) hold nothing but whitespace and comments. */
    private static boolean onlyBlankSince(byte[] journal, int from, int to) {
        boolean comment = false;
        for (int i = from; i < to; i++) {
            byte b = journal[i];
            if (comment) {
                comment = b != '\n';
            } else if (b == '#') {
                comment = true;
            } else if (b != ' ' && b != '\t' && b != '\r' && b != '\n') {
                return false;
            }
        }
        return true;
    }
}
