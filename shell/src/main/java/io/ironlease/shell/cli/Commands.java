package io.ironlease.shell.cli;

import java.util.List;

/** The one-shot commands, for {@code ironlease-shell}'s command line. */
public final class Commands {

    private Commands() {
    }

    /** Fresh instances of every one-shot command. */
    public static List<Object> all() {
        return List.of(new FailoverStateCommand(), new LeaseCommand(), new HostCommand(), new LeasesCommand());
    }
}
