package io.ironlease.pools;

/** A command line that cannot run: reported with a pointer to {@code --help}, exit 3. */
public class UsageException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public UsageException(String message) {
        super(message);
    }
}
