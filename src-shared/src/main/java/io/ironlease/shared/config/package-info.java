/**
 * ISC dhcpd.conf, read the way dhcpd 4.4 reads it: {@link io.ironlease.shared.config.Lexer} to
 * tokens, a recovering parser to the {@code ast} (every node with its file:line:col), then the
 * immutable {@code model} with semantic checks. {@link io.ironlease.shared.config.ConfigLoader} is the
 * entry point; problems come back as {@link io.ironlease.shared.config.ConfigError}s, all of them,
 * sorted by position.
 */
package io.ironlease.shared.config;
