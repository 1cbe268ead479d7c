package io.ironlease.shell.lang;

import io.ironlease.shell.lang.OmapiSession.Connection;

/**
 * omshell's connection state: the connection, whether {@code connect} succeeded (and no
 * {@code disconnect} since), and whether the connection was lost under a request, after which dhcpctl
 * refuses further requests itself.
 */
final class Link {
    Connection connection;
    boolean connected;
    boolean lost;
}
