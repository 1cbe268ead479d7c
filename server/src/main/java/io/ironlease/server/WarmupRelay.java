package io.ironlease.server;

import java.io.IOException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetSocketAddress;
import java.net.SocketTimeoutException;
import java.util.Arrays;
import java.util.function.BooleanSupplier;

/**
 * The JIT warm-up's load: a relay agent on loopback that keeps a window of exchanges in flight against
 * one server, for a pool of clients that come back, so that every path real traffic takes is
 * profiled: new clients (DISCOVER, OFFER, REQUEST, ACK), known clients doing the same, rebinding
 * (REQUEST with ciaddr), rebooting (REQUEST with a requested address) and releasing. It builds and
 * reads the few bytes it needs itself, so that the server's codec is profiled by the server's side of
 * the traffic only. Not a DHCP client for anything else: {@code ironlease-probe} is that.
 */
final class WarmupRelay implements AutoCloseable {

    /** Clients in the pool: the first round allocates, later rounds find their leases. */
    static final int CLIENTS = 4096;
    private static final int WINDOW = 64;
    private static final int TIMEOUT_MILLIS = 100;
    private static final int MAX_TIMEOUTS = 10;
    private static final byte DISCOVER = 1;
    private static final byte OFFER = 2;
    private static final byte REQUEST = 3;
    private static final byte ACK = 5;
    private static final byte NAK = 6;
    private static final byte RELEASE = 7;
    private static final byte[] PARAMETERS = {1, 28, 2, 3, 15, 6, 12};

    private final DatagramSocket sender;
    private final DatagramSocket receiver;
    private final InetSocketAddress server;
    private final byte[] giaddr;
    private final byte[] out = new byte[300];
    private final byte[] in = new byte[1500];
    /** Each pool client's leased address, 0 when it has none. */
    private final int[] leased = new int[CLIENTS];
    private int serverId;

    /**
     * @param relay       the relay's address and the server's port, where the server sends its answers;
     *                    the receiving socket is connected to {@code repliesFrom}, so that it, and not a
     *                    server socket bound to the same port on {@code lo}, gets them
     * @param requestsTo  where requests go
     * @param repliesFrom the server socket that answers relays
     */
    WarmupRelay(InetSocketAddress relay, InetSocketAddress requestsTo, InetSocketAddress repliesFrom)
            throws IOException {
        this.receiver = new DatagramSocket(null);
        try {
            receiver.setReuseAddress(true);
            receiver.bind(relay);
            receiver.connect(repliesFrom);
            receiver.setSoTimeout(TIMEOUT_MILLIS);
            this.sender = new DatagramSocket(new InetSocketAddress(relay.getAddress(), 0));
        } catch (IOException | RuntimeException e) {
            receiver.close();
            throw e;
        }
        this.server = requestsTo;
        this.giaddr = relay.getAddress().getAddress();
    }

    /**
     * Runs exchanges until {@code deadline} (System.nanoTime), until {@code max} are done, or until
     * {@code settled} says so (asked once {@link #CLIENTS} * 2 are done); returns how many were done.
     * The replies still due are awaited (briefly), so that the server is idle when this returns.
     */
    int run(long deadline, int max, BooleanSupplier settled) throws IOException {
        int next = 0;
        int inFlight = 0;
        int done = 0;
        int timeouts = 0;
        DatagramPacket reply = new DatagramPacket(in, in.length);
        while (done < max && System.nanoTime() < deadline) {
            if (done >= 2 * CLIENTS && settled.getAsBoolean()) {
                break;
            }
            for (; inFlight < WINDOW && next < max; next++) {
                if (start(next)) {
                    inFlight++;
                } else {
                    done++;
                }
            }
            try {
                receiver.receive(reply);
            } catch (SocketTimeoutException e) {
                // lost on loopback (a full socket buffer): forget the window and go on with other exchanges
                if (++timeouts == MAX_TIMEOUTS) {
                    break;
                }
                inFlight = 0;
                continue;
            }
            int length = reply.getLength();
            if (length < 244 || in[0] != 2) {
                continue;
            }
            int xid = readInt(4);
            byte type = (byte) option(length, 53);
            if (type == OFFER) {
                serverId = option(length, 54);
                send(REQUEST, xid, 0, readInt(16), serverId);
            } else if (type == ACK || type == NAK) {
                leased[xid % CLIENTS] = type == ACK ? readInt(16) : 0;
                done++;
                inFlight = Math.max(0, inFlight - 1);
            }
        }
        drain(reply, inFlight);
        return done;
    }

    /** Reads the replies to exchanges in flight (answering no OFFER) until they are in or the socket is quiet. */
    private void drain(DatagramPacket reply, int inFlight) throws IOException {
        while (inFlight > 0) {
            try {
                receiver.receive(reply);
            } catch (SocketTimeoutException e) {
                return;
            }
            inFlight--;
        }
    }

    /** Starts exchange {@code n}; returns false when it expects no reply (a release). */
    private boolean start(int n) throws IOException {
        int address = leased[n % CLIENTS];
        if (n < CLIENTS || address == 0) {
            send(DISCOVER, n, 0, 0, 0);
            return true;
        }
        switch (n % 8) {
            case 4, 5 -> send(REQUEST, n, address, 0, 0); // rebinding: ciaddr, no server identifier
            case 6 -> send(REQUEST, n, 0, address, 0); // init-reboot: the address it had
            case 7 -> {
                send(RELEASE, n, address, 0, serverId);
                leased[n % CLIENTS] = 0;
                return false;
            }
            default -> send(DISCOVER, n, 0, 0, 0); // a known client from the start: the same address back
        }
        return true;
    }

    /** Exchange {@code xid}'s message from its pool client; zero fields and options are left out. */
    private void send(byte type, int xid, int ciaddr, int requested, int serverIdentifier) throws IOException {
        Arrays.fill(out, (byte) 0);
        int client = xid % CLIENTS;
        out[0] = 1; // BOOTREQUEST
        out[1] = 1; // ethernet
        out[2] = 6;
        out[3] = 1; // hops: relayed once
        writeInt(4, xid);
        writeInt(12, ciaddr);
        System.arraycopy(giaddr, 0, out, 24, 4);
        byte[] mac = {2, 0x57, 0x77, 0, (byte) (client >>> 8), (byte) client};
        System.arraycopy(mac, 0, out, 28, 6);
        writeInt(236, 0x63825363); // magic cookie
        int at = 240;
        out[at++] = 53;
        out[at++] = 1;
        out[at++] = type;
        out[at++] = 61;
        out[at++] = 7;
        out[at++] = 1;
        System.arraycopy(mac, 0, out, at, 6);
        at += 6;
        if (requested != 0) {
            out[at++] = 50;
            out[at++] = 4;
            writeInt(at, requested);
            at += 4;
        }
        if (serverIdentifier != 0) {
            out[at++] = 54;
            out[at++] = 4;
            writeInt(at, serverIdentifier);
            at += 4;
        }
        out[at++] = 55;
        out[at++] = (byte) PARAMETERS.length;
        System.arraycopy(PARAMETERS, 0, out, at, PARAMETERS.length);
        at += PARAMETERS.length;
        out[at] = (byte) 255;
        sender.send(new DatagramPacket(out, out.length, server));
    }

    /** The first bytes (up to 4, big-endian) of option {@code code} in the reply, or 0. */
    private int option(int length, int code) {
        for (int at = 240; at + 1 < length;) {
            int c = in[at] & 0xFF;
            if (c == 255) {
                break;
            }
            if (c == 0) {
                at++;
                continue;
            }
            int len = in[at + 1] & 0xFF;
            if (c == code && at + 2 + len <= length) {
                int value = 0;
                for (int i = 0; i < Math.min(4, len); i++) {
                    value = (value << 8) | (in[at + 2 + i] & 0xFF);
                }
                return value;
            }
            at += 2 + len;
        }
        return 0;
    }

    private int readInt(int at) {
        return ((in[at] & 0xFF) << 24) | ((in[at + 1] & 0xFF) << 16) | ((in[at + 2] & 0xFF) << 8) | (in[at + 3] & 0xFF);
    }

    private void writeInt(int at, int value) {
        out[at] = (byte) (value >>> 24);
        out[at + 1] = (byte) (value >>> 16);
        out[at + 2] = (byte) (value >>> 8);
        out[at + 3] = (byte) value;
    }

    @Override
    public void close() {
        sender.close();
        receiver.close();
    }
}
