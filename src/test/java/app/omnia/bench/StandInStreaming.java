package app.omnia.bench;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A stand-in for Omnia's streaming endpoint, to test the chat benchmark's receivers without a server: it accepts
 * WebSocket upgrades (RFC 6455) on loopback, refuses those of the accounts it is told to (401), and sends the text
 * frames a test asks for to an account's socket.
 */
final class StandInStreaming implements AutoCloseable {

    private static final String ACCEPT_GUID = "258EAFA5-E914-47DA-95CA-C5AB0DC85B11";

    private final ServerSocket listener = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
    private final Set<Long> refused;
    private final Map<Long, OutputStream> open = new ConcurrentHashMap<>();

    StandInStreaming(Set<Long> refused) throws IOException {
        this.refused = refused;
        Thread.ofVirtual().start(this::accept);
    }

    int port() {
        return listener.getLocalPort();
    }

    /** Accounts whose socket is open, by the bearer token {@code bench-<id>} they upgraded with. */
    Set<Long> openAccounts() {
        return open.keySet();
    }

    /** A whole (unfragmented, unmasked) text frame, as a server sends it. */
    void send(long account, String text) throws IOException {
        byte[] payload = text.getBytes(StandardCharsets.UTF_8);
        OutputStream out = open.get(account);
        out.write(0x81); // FIN, text
        if (payload.length < 126) {
            out.write(payload.length);
        } else {
            out.write(126);
            out.write(payload.length >>> 8);
            out.write(payload.length & 0xFF);
        }
        out.write(payload);
        out.flush();
    }

    /** Ends the account's socket from the server's side (without a close frame, as a crash would). */
    void drop(long account) throws IOException {
        open.remove(account).close();
    }

    private void accept() {
        while (!listener.isClosed()) {
            try {
                Socket socket = listener.accept();
                Thread.ofVirtual().start(() -> upgrade(socket));
            } catch (IOException closed) {
                return;
            }
        }
    }

    private void upgrade(Socket socket) {
        try {
            BufferedReader in = new BufferedReader(new InputStreamReader(socket.getInputStream(),
                    StandardCharsets.US_ASCII));
            long account = -1;
            String key = "";
            for (String line = in.readLine(); line != null && !line.isEmpty(); line = in.readLine()) {
                String lower = line.toLowerCase();
                if (lower.startsWith("authorization: bearer bench-")) {
                    account = Long.parseLong(line.substring("authorization: bearer bench-".length()).trim());
                } else if (lower.startsWith("sec-websocket-key:")) {
                    key = line.substring("sec-websocket-key:".length()).trim();
                }
            }
            OutputStream out = socket.getOutputStream();
            if (refused.contains(account)) {
                out.write("HTTP/1.1 401 Unauthorized\r\nContent-Length: 0\r\nConnection: close\r\n\r\n"
                        .getBytes(StandardCharsets.US_ASCII));
                socket.close();
                return;
            }
            String accept = Base64.getEncoder().encodeToString(MessageDigest.getInstance("SHA-1")
                    .digest((key + ACCEPT_GUID).getBytes(StandardCharsets.US_ASCII)));
            open.put(account, out); // before the answer: a test may send as soon as its client has it
            out.write(("HTTP/1.1 101 Switching Protocols\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n"
                    + "Sec-WebSocket-Accept: " + accept + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            out.flush();
        } catch (Exception e) {
            try {
                socket.close();
            } catch (IOException ignored) {
                // already broken
            }
        }
    }

    @Override
    public void close() throws IOException {
        listener.close();
        for (OutputStream out : open.values()) {
            out.close();
        }
    }
}
