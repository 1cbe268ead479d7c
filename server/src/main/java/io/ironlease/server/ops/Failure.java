package io.ironlease.server.ops;

/** A backup or restore that cannot go on: its message is the line the admin sees. */
final class Failure extends Exception {

    Failure(String message) {
        super(message);
    }
}
