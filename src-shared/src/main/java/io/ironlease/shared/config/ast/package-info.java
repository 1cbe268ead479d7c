/**
 * dhcpd.conf statements as written (included files spliced in place), each with its position; the
 * model is built from these, and tools that need the source shape can use them directly.
 */
package io.ironlease.shared.config.ast;
