package io.ironlease.shared.leases;

import java.util.List;
import java.util.Objects;

/**
 * A {@code group NAME { ... }} declaration that OMAPI created ({@code dynamic;}), or its rubout
 * ({@code deleted;}).
 *
 * @param statements the group's statements verbatim, e.g. {@code supersede domain-name = "x";}
 */
public record GroupRecord(String name, boolean dynamic, boolean isStatic, boolean deleted, List<String> statements)
        implements LeaseFileRecord {

    public GroupRecord {
        Objects.requireNonNull(name, "name");
        statements = List.copyOf(statements);
    }

    public static GroupRecord rubout(String name, boolean dynamic) {
        return new GroupRecord(name, dynamic, false, true, List.of());
    }
}
