package io.ironlease.shared.leases;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.WritableByteChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.time.ZoneId;
import java.util.Objects;

/**
 * Writes dhcpd.leases exactly as ISC dhcpd 4.4.3 does, so that dhcpd, dhcpd-pools and
 * dhcp-lease-list read our files as theirs (and a record read from their file is written back byte for
 * byte).
 *
 * <p>Two uses: a journal, where the lease engine {@link #append}s records to an open channel and
 * forces it itself (group commit), and a snapshot (compaction), written whole by {@link #writeSnapshot}.
 * Which fields a lease carries in which state is the lease engine's business; this class writes every
 * field that is set, and the next/rewind states only when they differ from the binding state, as dhcpd.
 *
 * <p>Not thread-safe: one writer per owning thread.
 */
public final class LeaseFileWriter {

    /** What dhcpd 4.4.3 names itself in the header, for files that must look like dhcpd's own. */
    public static final String ISC_PRODUCER = "isc-dhcp-4.4.3-P1";

    /** dhcpd.conf's {@code db-time-format}: {@code W YYYY/MM/DD HH:MM:SS} (UTC) or {@code epoch N; # local}. */
    public enum TimeFormat { DEFAULT, LOCAL }

    /** dhcpd.conf's {@code lease-id-format}: a lease's uid as a quoted octal-escaped string, or as hex. */
    public enum LeaseIdFormat { OCTAL, HEX }

    /**
     * @param localZone the zone of the human-readable comment after {@code epoch N;} (LOCAL format only)
     */
    public record Options(TimeFormat timeFormat, ZoneId localZone, LeaseIdFormat leaseIdFormat) {
        public Options {
            Objects.requireNonNull(timeFormat, "timeFormat");
            Objects.requireNonNull(localZone, "localZone");
            Objects.requireNonNull(leaseIdFormat, "leaseIdFormat");
        }

        /** dhcpd's defaults: UTC dates and octal uids. */
        public static Options defaults() {
            return new Options(TimeFormat.DEFAULT, ZoneId.of("UTC"), LeaseIdFormat.OCTAL);
        }
    }

    private static final int FLUSH_AT = 64 * 1024;

    private final RecordEncoder encoder;
    private final ByteOut out = new ByteOut();

    public LeaseFileWriter() {
        this(Options.defaults());
    }

    public LeaseFileWriter(Options options) {
        this.encoder = new RecordEncoder(Objects.requireNonNull(options, "options"));
    }

    /** The two comment lines and blank line that open a file dhcpd writes. */
    public static byte[] header(String producer) {
        return new ByteOut().ascii("# The format of this file is documented in the dhcpd.leases(5) manual page.\n")
                .ascii("# This lease file was written by ").utf8(producer).ascii("\n\n").toByteArray();
    }

    /** The bytes of one record, as dhcpd writes it. */
    public byte[] encode(LeaseFileRecord record) {
        out.reset();
        encoder.encode(record, out);
        return out.toByteArray();
    }

    /** Writes one record to the end of a journal; the caller forces the channel. */
    public void append(WritableByteChannel channel, LeaseFileRecord record) throws IOException {
        out.reset();
        encoder.encode(record, out);
        out.drainTo(channel);
    }

    /** Writes records in order with few large writes (a group commit batch); the caller forces the channel. */
    public void append(WritableByteChannel channel, Iterable<? extends LeaseFileRecord> records)
            throws IOException {
        out.reset();
        for (LeaseFileRecord record : records) {
            encoder.encode(record, out);
            if (out.size() >= FLUSH_AT) {
                out.drainTo(channel);
            }
        }
        out.drainTo(channel);
    }

    /**
     * Writes a whole file holding the table's live state, in dhcpd's order (server/db.c write_leases):
     * the header, the byte order, the server DUID, kept class records, groups, rubouts of dhcpd.conf
     * hosts, hosts, failover states, then the leases that {@link #snapshotKeeps} keeps.
     */
    public void writeSnapshot(WritableByteChannel channel, String producer, LeaseTable table) throws IOException {
        out.reset();
        out.bytes(header(producer));
        encoder.encode(table.authoringByteOrder(), out);
        table.serverDuid().ifPresent(duid -> encoder.encode(new ServerDuidRecord(duid), out));
        for (RawRecord raw : table.rawRecords()) {
            encoder.encode(raw, out);
        }
        for (GroupRecord group : table.groups()) {
            encoder.encode(group, out);
        }
        for (HostRecord rubout : table.hostRubouts()) {
            encoder.encode(rubout, out);
        }
        for (HostRecord host : table.hosts()) {
            encoder.encode(host, out);
        }
        for (FailoverStateRecord state : table.failoverStates()) {
            encoder.encode(state, out);
        }
        IOException[] failure = new IOException[1];
        table.forEachLease(lease -> {
            if (failure[0] == null && snapshotKeeps(lease)) {
                encoder.lease(lease, out);
                if (out.size() >= FLUSH_AT) {
                    try {
                        out.drainTo(channel);
                    } catch (IOException e) {
                        failure[0] = e;
                    }
                }
            }
        });
        if (failure[0] != null) {
            throw failure[0];
        }
        out.drainTo(channel);
    }

    /**
     * Whether compaction keeps a lease: dhcpd drops free leases that never had a client or a partner
     * update (no hardware address, no uid, no tsfp), since they say nothing a fresh pool does not.
     */
    public static boolean snapshotKeeps(Lease lease) {
        return lease.bindingState() != BindingState.FREE || lease.hardware().isPresent() || lease.hasUid()
                || lease.tsfp() != LeaseTime.UNSET;
    }

    /**
     * Compaction as dhcpd does it, crash-safe: writes {@code file}'s new content to a temporary file in
     * the same directory, forces it to disk, keeps the old file as {@code file~}, renames the new one
     * into place atomically and forces the directory.
     */
    public void writeSnapshot(Path file, String producer, LeaseTable table) throws IOException {
        Path absolute = file.toAbsolutePath();
        Path dir = absolute.getParent();
        String name = absolute.getFileName().toString();
        Path temp = dir.resolve(name + "." + System.nanoTime() + ".new");
        try (FileChannel channel = FileChannel.open(temp, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE)) {
            writeSnapshot(channel, producer, table);
            channel.force(true);
        } catch (IOException | RuntimeException e) {
            Files.deleteIfExists(temp);
            throw e;
        }
        if (Files.exists(absolute)) {
            Path backup = dir.resolve(name + "~");
            Files.deleteIfExists(backup);
            try {
                Files.createLink(backup, absolute);
            } catch (UnsupportedOperationException | IOException noHardLinks) {
                Files.copy(absolute, backup, StandardCopyOption.REPLACE_EXISTING);
            }
        }
        Files.move(temp, absolute, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        try (FileChannel directory = FileChannel.open(dir, StandardOpenOption.READ)) {
            directory.force(true);
        } catch (IOException directoryNotSyncable) {
            // some file systems cannot open a directory; the rename itself is atomic there
        }
    }
}
