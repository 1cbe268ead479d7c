package io.ironlease.server.store;

import io.ironlease.shared.leases.LeaseFileWriter;
import io.ironlease.shared.leases.LeaseTable;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;

/**
 * Writes a compaction snapshot to {@code dhcpd.leases.new} on its own thread, forces it, then hands
 * the open file back to the journal writer, which appends what came in meanwhile and installs it with
 * {@link #replace}: dhcpd's sequence (server/db.c new_lease_file), crash-safe at every step.
 */
final class Snapshotter {

    private final Path newFile;
    private final JournalLeaseStore.Options options;

    Snapshotter(Path newFile, JournalLeaseStore.Options options) {
        this.newFile = newFile;
        this.options = options;
    }

    void start(LeaseTable state, CompletableFuture<Void> done, BlockingQueue<JournalWriter.Op> queue) {
        Thread thread = new Thread(() -> {
            FileChannel channel = null;
            try {
                channel = options.opener().open(newFile, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                        StandardOpenOption.TRUNCATE_EXISTING);
                new LeaseFileWriter(options.writerOptions()).writeSnapshot(channel, JournalLeaseStore.PRODUCER, state);
                channel.force(true);
                queue.add(new JournalWriter.Install(channel, done));
            } catch (IOException | RuntimeException e) {
                try {
                    if (channel != null) {
                        channel.close();
                    }
                } catch (IOException ignored) {
                    // the failure below is what matters
                }
                deleteQuietly(newFile);
                queue.add(new JournalWriter.CompactFailed(e, done));
            }
        }, "ironlease-compact");
        thread.setDaemon(true);
        thread.start();
    }

    /** Keeps the current file as {@code file~}, renames the new one over it, forces the directory. */
    static void replace(Path file, Path newFile) throws IOException {
        Path backup = file.resolveSibling(file.getFileName() + "~");
        Files.deleteIfExists(backup);
        try {
            Files.createLink(backup, file);
        } catch (UnsupportedOperationException | IOException noHardLinks) {
            Files.copy(file, backup, StandardCopyOption.REPLACE_EXISTING);
        }
        Files.move(newFile, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        try (FileChannel directory = FileChannel.open(file.getParent(), StandardOpenOption.READ)) {
            directory.force(true);
        } catch (IOException directoryNotSyncable) {
            // some file systems cannot open a directory; the rename itself is atomic there
        }
    }

    static void deleteQuietly(Path path) {
        try {
            Files.deleteIfExists(path);
        } catch (IOException ignored) {
            // a stale .new file is overwritten by the next compaction
        }
    }
}
