package io.ironlease.shared.leases;

/**
 * Something wrong in a lease file that the reader skipped rather than failed on.
 *
 * @param position where the skipped record starts (truncated) or where it went wrong (corrupt)
 */
public record LeaseFileProblem(Kind kind, LeaseFilePosition position, String message) {

    public enum Kind {
        /** The last record ends before its closing brace, as after a crash mid-write; dhcpd also drops it. */
        TRUNCATED_RECORD,
        /** A record that does not parse; skipped up to the next top-level declaration (lenient mode only). */
        CORRUPT_RECORD
    }

    @Override
    public String toString() {
        return position + ": " + (kind == Kind.TRUNCATED_RECORD ? "warning: " : "error: ") + message;
    }
}
