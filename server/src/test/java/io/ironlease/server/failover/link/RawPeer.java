package io.ironlease.server.failover.link;

import io.ironlease.server.failover.wire.FailoverCodec;
import io.ironlease.server.failover.wire.FailoverMessage;
import io.ironlease.server.failover.wire.FailoverProtocolException;
import java.io.DataInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.util.Optional;

/**
 * A hand-driven failover partner for link and runtime tests: a blocking socket that writes raw bytes
 * or encoded messages and reads whole messages back. Every read waits at most 10 s.
 */
public final class RawPeer implements AutoCloseable {

    private final Socket socket;
    private final DataInputStream in;
    private final OutputStream out;

    private RawPeer(Socket socket) throws IOException {
        this.socket = socket;
        socket.setSoTimeout(10_000);
        this.in = new DataInputStream(socket.getInputStream());
        this.out = socket.getOutputStream();
    }

    /** Connects from {@code from} (port 0) to {@code to}. */
    public static RawPeer connect(String from, InetSocketAddress to) throws IOException {
        Socket socket = new Socket();
        socket.bind(new InetSocketAddress(from, 0));
        socket.connect(to, 5000);
        return new RawPeer(socket);
    }

    public static RawPeer wrap(Socket accepted) throws IOException {
        return new RawPeer(accepted);
    }

    public void send(FailoverMessage message) throws IOException {
        sendRaw(FailoverCodec.encode(message));
    }

    public void sendRaw(byte[] bytes) throws IOException {
        out.write(bytes);
        out.flush();
    }

    /** The next message, or empty when the other side closed the connection. */
    public Optional<FailoverMessage> read() throws IOException {
        int length;
        try {
            length = in.readUnsignedShort();
        } catch (EOFException e) {
            return Optional.empty();
        }
        byte[] frame = new byte[length];
        frame[0] = (byte) (length >>> 8);
        frame[1] = (byte) length;
        in.readFully(frame, 2, length - 2);
        try {
            return Optional.of(FailoverCodec.decode(frame));
        } catch (FailoverProtocolException e) {
            throw new IOException(e);
        }
    }

    /** True when the other side closed: reads to the end, ignoring messages still in flight. */
    public boolean closedByPeer() throws IOException {
        try {
            for (int i = 0; i < 1000; i++) {
                if (read().isEmpty()) {
                    return true;
                }
            }
            return false;
        } catch (SocketTimeoutException e) {
            return false;
        } catch (IOException e) {
            return true; // reset
        }
    }

    public InetSocketAddress localAddress() {
        return (InetSocketAddress) socket.getLocalSocketAddress();
    }

    @Override
    public void close() throws IOException {
        socket.close();
    }
}
