package io.ironlease.shared.config;

import java.io.IOException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/** Reads config files; a seam so tests and callers can supply text without touching the disk. */
@FunctionalInterface
public interface SourceReader {

    /** Reads the file as text. */
    String read(Path path) throws IOException;

    /** Reads from the file system as UTF-8; bytes that are not UTF-8 become U+FFFD rather than failing. */
    SourceReader FILES = path -> StandardCharsets.UTF_8.newDecoder()
            .onMalformedInput(CodingErrorAction.REPLACE)
            .onUnmappableCharacter(CodingErrorAction.REPLACE)
            .decode(java.nio.ByteBuffer.wrap(Files.readAllBytes(path)))
            .toString();
}
