package io.ironlease.shared.config.model;

import io.ironlease.shared.config.SourcePos;
import io.ironlease.shared.config.ast.Expression;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * A {@code class "NAME" { ... }} (or vendor-class / user-class) with its match rules and the
 * subclasses declared for it anywhere in the file.
 */
public record ClassConfig(String name, String keyword, SourcePos pos, Scope scope, Optional<Expression> matchIf,
        Optional<Expression> match, Optional<Expression> spawnWith, OptionalInt leaseLimit,
        List<SubclassConfig> subclasses) {

    public ClassConfig {
        subclasses = List.copyOf(subclasses);
    }
}
