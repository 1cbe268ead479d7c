package io.ironlease.shared.config.model;

import io.ironlease.shared.config.SourcePos;
import io.ironlease.shared.config.ast.Access;

/**
 * An {@code allow|deny|ignore FLAG;} statement outside pools, e.g. {@code deny unknown-clients;} (in
 * dhcpd these set the boot-unknown-clients, allow-bootp, ... parameters).
 */
public record AccessRule(SourcePos pos, Access access, String flag) {
}
