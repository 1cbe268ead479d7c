package io.ironlease.server.store;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.MappedByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.ReadableByteChannel;
import java.nio.channels.WritableByteChannel;
import java.nio.file.OpenOption;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A file channel that writes through to a real file and fails on demand: writes after a byte budget
 * (a disk filling up mid-record), or fsyncs. Counts fsyncs, to observe group commit.
 */
final class FaultyChannel extends FileChannel {

    /** Shared switches for every channel an opener makes. */
    static final class Faults {
        final AtomicInteger forces = new AtomicInteger();
        final AtomicBoolean failForce = new AtomicBoolean();
        /** Bytes still writable before writes fail with "No space left on device"; negative: unlimited. */
        final java.util.concurrent.atomic.AtomicLong writeBudget = new java.util.concurrent.atomic.AtomicLong(-1);

        JournalLeaseStore.ChannelOpener opener() {
            return (path, options) -> new FaultyChannel(FileChannel.open(path, options), this);
        }
    }

    private final FileChannel delegate;
    private final Faults faults;

    FaultyChannel(FileChannel delegate, Faults faults) {
        this.delegate = delegate;
        this.faults = faults;
    }

    static FileChannel open(Path path, Faults faults, OpenOption... options) throws IOException {
        return new FaultyChannel(FileChannel.open(path, options), faults);
    }

    @Override
    public int write(ByteBuffer src) throws IOException {
        long budget = faults.writeBudget.get();
        if (budget < 0) {
            return delegate.write(src);
        }
        if (budget == 0) {
            throw new IOException("No space left on device (injected)");
        }
        int n = (int) Math.min(budget, src.remaining());
        ByteBuffer part = src.duplicate();
        part.limit(part.position() + n);
        int written = delegate.write(part);
        src.position(src.position() + written);
        faults.writeBudget.addAndGet(-written);
        return written;
    }

    @Override
    public void force(boolean metaData) throws IOException {
        faults.forces.incrementAndGet();
        if (faults.failForce.get()) {
            throw new IOException("Input/output error (injected fsync failure)");
        }
        delegate.force(metaData);
    }

    @Override
    public int read(ByteBuffer dst) throws IOException {
        return delegate.read(dst);
    }

    @Override
    public long read(ByteBuffer[] dsts, int offset, int length) throws IOException {
        return delegate.read(dsts, offset, length);
    }

    @Override
    public long write(ByteBuffer[] srcs, int offset, int length) throws IOException {
        long total = 0;
        for (int i = offset; i < offset + length; i++) {
            total += write(srcs[i]);
        }
        return total;
    }

    @Override
    public long position() throws IOException {
        return delegate.position();
    }

    @Override
    public FileChannel position(long newPosition) throws IOException {
        delegate.position(newPosition);
        return this;
    }

    @Override
    public long size() throws IOException {
        return delegate.size();
    }

    @Override
    public FileChannel truncate(long size) throws IOException {
        delegate.truncate(size);
        return this;
    }

    @Override
    public long transferTo(long position, long count, WritableByteChannel target) throws IOException {
        return delegate.transferTo(position, count, target);
    }

    @Override
    public long transferFrom(ReadableByteChannel src, long position, long count) throws IOException {
        return delegate.transferFrom(src, position, count);
    }

    @Override
    public int read(ByteBuffer dst, long position) throws IOException {
        return delegate.read(dst, position);
    }

    @Override
    public int write(ByteBuffer src, long position) throws IOException {
        return delegate.write(src, position);
    }

    @Override
    public MappedByteBuffer map(MapMode mode, long position, long size) throws IOException {
        return delegate.map(mode, position, size);
    }

    @Override
    public FileLock lock(long position, long size, boolean shared) throws IOException {
        return delegate.lock(position, size, shared);
    }

    @Override
    public FileLock tryLock(long position, long size, boolean shared) throws IOException {
        return delegate.tryLock(position, size, shared);
    }

    @Override
    protected void implCloseChannel() throws IOException {
        delegate.close();
    }
}
