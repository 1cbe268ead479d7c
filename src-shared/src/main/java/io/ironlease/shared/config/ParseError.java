package io.ironlease.shared.config;

/** Raised inside the parser to abandon one statement; the statement loop records it and recovers. */
final class ParseError extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final transient ConfigError error;

    ParseError(SourcePos pos, String message) {
        super(message, null, false, false);
        this.error = new ConfigError(pos, message);
    }

    ConfigError error() {
        return error;
    }
}
