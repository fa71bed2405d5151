package app.omnia.bench;

import java.io.Closeable;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.ByteBuffer;
import java.net.StandardSocketOptions;
import java.nio.channels.ClosedSelectorException;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Receive-only WebSocket clients (RFC 6455) on plain NIO sockets, for the chat benchmark's load generator, which
 * shares the machine's two cores with the server: {@code java.net.http.WebSocket} cost about 0.2 ms of CPU per
 * message received (its futures, its flow control, a char decoder per socket). Here the upgrade is written by
 * hand and its answer must be {@code 101}; then a few selector threads read the server's frames, which are never
 * masked, and hand each text message to its socket's listener with the time it was read. Only what a streaming
 * server sends is understood: text frames (continuations joined) and close; the client never writes after the
 * upgrade (Omnia sends no pings), and binary frames are skipped.
 */
final class LeanWebSockets implements AutoCloseable {

    /** Called on the socket's selector thread, one message at a time. */
    interface Listener {
        void onText(String text, long atNanos);
    }

    private static final int HANDSHAKE_TIMEOUT_MILLIS = 30_000;

    private final List<Reader> readers = new ArrayList<>();
    private final ScheduledExecutorService timeouts = Executors.newSingleThreadScheduledExecutor();
    private final AtomicInteger next = new AtomicInteger();

    LeanWebSockets(int threads) throws IOException {
        for (int i = 0; i < threads; i++) {
            Reader reader = new Reader(Selector.open());
            readers.add(reader);
            Thread.ofPlatform().daemon().name("lean-websocket-" + i).start(reader);
        }
    }

    /**
     * Connects and upgrades (blocking, at most 30 s), then leaves the socket to a selector thread; throws if the
     * server does not switch protocols. {@code uri} is {@code ws://host:port/path?query}.
     */
    void open(URI uri, String bearerToken, Listener listener) throws IOException {
        SocketChannel channel = SocketChannel.open();
        ScheduledFuture<?> timeout = timeouts.schedule(() -> closeQuietly(channel), HANDSHAKE_TIMEOUT_MILLIS,
                TimeUnit.MILLISECONDS);
        ByteBuffer buffer = ByteBuffer.allocate(4096);
        try {
            channel.socket().connect(new InetSocketAddress(uri.getHost(), uri.getPort()), HANDSHAKE_TIMEOUT_MILLIS);
            channel.setOption(StandardSocketOptions.TCP_NODELAY, true);
            byte[] key = new byte[16];
            ThreadLocalRandom.current().nextBytes(key);
            String request = "GET " + uri.getRawPath() + (uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery())
                    + " HTTP/1.1\r\nHost: " + uri.getHost() + ":" + uri.getPort() + "\r\nUpgrade: websocket\r\n"
                    + "Connection: Upgrade\r\nSec-WebSocket-Key: " + Base64.getEncoder().encodeToString(key)
                    + "\r\nSec-WebSocket-Version: 13\r\nAuthorization: Bearer " + bearerToken + "\r\n\r\n";
            ByteBuffer out = ByteBuffer.wrap(request.getBytes(StandardCharsets.US_ASCII));
            while (out.hasRemaining()) {
                channel.write(out);
            }
            int headEnd = readHead(channel, buffer);
            String statusLine = new String(buffer.array(), 0, Math.min(12, headEnd), StandardCharsets.US_ASCII);
            if (!statusLine.startsWith("HTTP/1.1 101")) {
                throw new IOException("Upgrade refused: " + statusLine);
            }
            // What came after the head is the first frames: kept at the start of the buffer.
            buffer.flip().position(headEnd);
            buffer.compact();
        } catch (IOException | RuntimeException failed) {
            closeQuietly(channel);
            throw failed;
        } finally {
            timeout.cancel(false);
        }
        channel.configureBlocking(false);
        readers.get(Math.floorMod(next.getAndIncrement(), readers.size())).add(new Connection(channel, buffer, listener));
    }

    /** Reads until the blank line that ends the response head; answers where the head ends in the buffer. */
    private static int readHead(SocketChannel channel, ByteBuffer buffer) throws IOException {
        while (true) {
            if (channel.read(buffer) < 0) {
                throw new IOException("Closed during the upgrade");
            }
            byte[] bytes = buffer.array();
            for (int i = 3; i < buffer.position(); i++) {
                if (bytes[i - 3] == '\r' && bytes[i - 2] == '\n' && bytes[i - 1] == '\r' && bytes[i] == '\n') {
                    return i + 1;
                }
            }
            if (!buffer.hasRemaining()) {
                throw new IOException("Upgrade response head too long");
            }
        }
    }

    /** Sockets still open (neither closed by the server nor broken). */
    int openSockets() {
        return readers.stream().mapToInt(reader -> reader.open.get()).sum();
    }

    @Override
    public void close() {
        timeouts.shutdownNow();
        readers.forEach(Reader::close);
    }

    private static void closeQuietly(Closeable closeable) {
        try {
            closeable.close();
        } catch (IOException ignored) {
            // closing: nothing left to do with it
        }
    }

    /** One selector thread and the sockets it reads. */
    private static final class Reader implements Runnable {

        private final Selector selector;
        private final Queue<Connection> added = new ConcurrentLinkedQueue<>();
        private final AtomicInteger open = new AtomicInteger();

        Reader(Selector selector) {
            this.selector = selector;
        }

        void add(Connection socket) {
            open.incrementAndGet();
            added.add(socket);
            selector.wakeup();
        }

        @Override
        public void run() {
            try {
                while (selector.isOpen()) {
                    selector.select();
                    for (Connection socket = added.poll(); socket != null; socket = added.poll()) {
                        socket.channel.register(selector, SelectionKey.OP_READ, socket);
                        read(socket, false); // frames that came with the upgrade's answer
                    }
                    for (SelectionKey key : selector.selectedKeys()) {
                        read((Connection) key.attachment(), true);
                    }
                    selector.selectedKeys().clear();
                }
            } catch (IOException | ClosedSelectorException closed) {
                // close() closed the selector: the thread ends
            }
        }

        private void read(Connection socket, boolean fromChannel) {
            try {
                if (!socket.read(fromChannel)) {
                    drop(socket);
                }
            } catch (IOException | RuntimeException broken) {
                drop(socket);
            }
        }

        private void drop(Connection socket) {
            if (socket.channel.isOpen()) {
                open.decrementAndGet();
                closeQuietly(socket.channel);
            }
        }

        void close() {
            for (SelectionKey key : selector.keys()) {
                closeQuietly(key.channel());
            }
            added.forEach(socket -> closeQuietly(socket.channel));
            closeQuietly(selector);
        }
    }

    /** A socket's unread bytes and the text message being joined from continuation frames, if any. */
    private static final class Connection {

        private final SocketChannel channel;
        private final Listener listener;
        private ByteBuffer buffer;
        private StringBuilder fragments;

        Connection(SocketChannel channel, ByteBuffer buffer, Listener listener) {
            this.channel = channel;
            this.buffer = buffer;
            this.listener = listener;
        }

        /** Reads what has come (if {@code fromChannel}) and hands over every whole message; false once closed. */
        boolean read(boolean fromChannel) throws IOException {
            if (fromChannel && channel.read(buffer) < 0) {
                return false;
            }
            long at = System.nanoTime();
            buffer.flip();
            boolean open = true;
            while (open && buffer.remaining() >= 2) {
                int start = buffer.position();
                int first = buffer.get(start) & 0xFF;
                int second = buffer.get(start + 1) & 0xFF;
                int header = 2;
                long length = second & 0x7F;
                if (length == 126) {
                    header = 4;
                    length = buffer.remaining() < header ? -1 : buffer.getShort(start + 2) & 0xFFFF;
                } else if (length == 127) {
                    header = 10;
                    length = buffer.remaining() < header ? -1 : buffer.getLong(start + 2);
                }
                if ((second & 0x80) != 0) {
                    throw new IOException("A server frame is masked");
                }
                if (length < 0 || buffer.remaining() < header + length) {
                    if (header + length > buffer.capacity()) {
                        buffer = ByteBuffer.allocate(Math.toIntExact(header + length)).put(buffer); // a bigger frame
                        return true;
                    }
                    break;
                }
                open = frame(first, start + header, (int) length, at);
                buffer.position(start + header + (int) length);
            }
            buffer.compact();
            return open;
        }

        /** One whole frame; false if it closes the socket. */
        private boolean frame(int first, int offset, int length, long at) {
            boolean fin = (first & 0x80) != 0;
            int opcode = first & 0x0F;
            if (opcode == 8) {
                return false;
            }
            if (opcode != 1 && (opcode != 0 || fragments == null)) {
                return true; // binary, ping, pong, or a binary message's continuation: not what the benchmark reads
            }
            String text = new String(buffer.array(), offset, length, StandardCharsets.UTF_8);
            if (opcode == 1 && fin) {
                listener.onText(text, at);
            } else if (opcode == 1) {
                fragments = new StringBuilder(text);
            } else {
                fragments.append(text);
                if (fin) {
                    listener.onText(fragments.toString(), at);
                    fragments = null;
                }
            }
            return true;
        }
    }
}
