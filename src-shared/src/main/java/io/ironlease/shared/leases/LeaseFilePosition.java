package io.ironlease.shared.leases;

/**
 * A place in a lease file: 1-based line and column (in bytes) and the 0-based byte offset.
 * Prints as {@code file:line:col}, the form editors and the config checker use.
 */
public record LeaseFilePosition(String file, long line, long column, long offset) {

    @Override
    public String toString() {
        return file + ":" + line + ":" + column;
    }
}
