package io.ironlease.shared.config.model;

import io.ironlease.shared.config.SourcePos;

/** A {@code group [NAME] { ... }}; name is empty for an anonymous group. */
public record GroupConfig(String name, SourcePos pos, Scope scope) {
}
