package io.ironlease.shared.config.model;

import io.ironlease.shared.config.SourcePos;
import io.ironlease.shared.config.ast.Permit;

/** A pool's {@code allow PERMIT;} ({@code allow} true) or {@code deny PERMIT;}. */
public record PoolPermitRule(SourcePos pos, boolean allow, Permit permit) {

    public String toIscText() {
        return (allow ? "allow " : "deny ") + permit.toText();
    }
}
