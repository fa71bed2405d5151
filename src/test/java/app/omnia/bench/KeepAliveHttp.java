package app.omnia.bench;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;

/**
 * One HTTP/1.1 keep-alive connection that sends GETs and POSTs and reads each whole response (status, headers,
 * body by Content-Length or chunks) without decoding it: the cheapest load generator the JDK allows, so that the
 * server, which shares the machine, gets the CPU that {@link java.net.http.HttpClient} (its selector thread,
 * its futures, decoding every body into a String) would take. One per client thread; reconnects when the
 * server closes the connection. A GET's body is skipped; a POST's is kept ({@link #body()}), for the caller to
 * read what it needs.
 */
final class KeepAliveHttp implements AutoCloseable {

    private final String host;
    private final int port;
    /** How long a read may wait for the server (0: for ever); a slower answer throws SocketTimeoutException. */
    private final int readTimeoutMillis;
    private final byte[] discard = new byte[16 * 1024];
    private final ByteArrayOutputStream kept = new ByteArrayOutputStream(1024);
    private Socket socket;
    private InputStream in;
    private OutputStream out;
    /** Body bytes read so far (what the server sent, checked to be non-zero by the caller). */
    private long bodyBytes;

    KeepAliveHttp(String host, int port) {
        this(host, port, Duration.ZERO);
    }

    KeepAliveHttp(String host, int port, Duration readTimeout) {
        this.host = host;
        this.port = port;
        this.readTimeoutMillis = Math.toIntExact(readTimeout.toMillis());
    }

    /** Sends a GET with a bearer token (none when null) and returns the response's status once its body is read. */
    int get(String path, String token) throws IOException {
        return exchange("GET " + path, token, Map.of(), null, false);
    }

    /**
     * Sends a POST of a JSON body with a bearer token and these extra headers; returns the response's status once
     * its body is read (then in {@link #body()}).
     */
    int post(String path, String token, Map<String, String> headers, String json) throws IOException {
        return exchange("POST " + path, token, headers, json.getBytes(StandardCharsets.UTF_8), true);
    }

    /** The body of the last POST's response, as UTF-8 text. */
    String body() {
        return kept.toString(StandardCharsets.UTF_8);
    }

    private int exchange(String requestLine, String token, Map<String, String> headers, byte[] body, boolean keep)
            throws IOException {
        if (socket == null) {
            socket = new Socket(host, port);
            socket.setTcpNoDelay(true);
            socket.setSoTimeout(readTimeoutMillis);
            in = new BufferedInputStream(socket.getInputStream(), 64 * 1024);
            out = socket.getOutputStream();
        }
        StringBuilder head = new StringBuilder(256).append(requestLine).append(" HTTP/1.1\r\nHost: ").append(host)
                .append(':').append(port).append("\r\nAccept: application/json\r\n");
        if (token != null) {
            head.append("Authorization: Bearer ").append(token).append("\r\n");
        }
        headers.forEach((name, value) -> head.append(name).append(": ").append(value).append("\r\n"));
        if (body != null) {
            head.append("Content-Type: application/json\r\nContent-Length: ").append(body.length).append("\r\n");
        }
        out.write(head.append("\r\n").toString().getBytes(StandardCharsets.US_ASCII));
        if (body != null) {
            out.write(body);
        }
        out.flush();
        kept.reset();
        String statusLine = line();
        int status = Integer.parseInt(statusLine.substring(9, 12));
        long length = -1;
        boolean chunked = false;
        boolean close = false;
        for (String header = line(); !header.isEmpty(); header = line()) {
            String lower = header.toLowerCase(Locale.ROOT);
            if (lower.startsWith("content-length:")) {
                length = Long.parseLong(lower.substring(15).trim());
            } else if (lower.startsWith("transfer-encoding:") && lower.contains("chunked")) {
                chunked = true;
            } else if (lower.startsWith("connection:") && lower.contains("close")) {
                close = true;
            }
        }
        if (chunked) {
            for (long size = Long.parseLong(line().split(";")[0].trim(), 16); size > 0;
                 size = Long.parseLong(line().split(";")[0].trim(), 16)) {
                skip(size, keep);
                line(); // the CRLF after each chunk
            }
            while (!line().isEmpty()) {
                // trailers, if any, end with an empty line
            }
        } else if (length > 0) {
            skip(length, keep);
        }
        if (close) {
            close();
        }
        return status;
    }

    long bodyBytes() {
        return bodyBytes;
    }

    private void skip(long bytes, boolean keep) throws IOException {
        long left = bytes;
        while (left > 0) {
            int n = in.read(discard, 0, (int) Math.min(discard.length, left));
            if (n < 0) {
                throw new IOException("connection closed in a response body");
            }
            if (keep) {
                kept.write(discard, 0, n);
            }
            left -= n;
            bodyBytes += n;
        }
    }

    private String line() throws IOException {
        StringBuilder line = new StringBuilder(64);
        for (int c = in.read(); c != '\n'; c = in.read()) {
            if (c < 0) {
                throw new IOException("connection closed in a response head");
            }
            if (c != '\r') {
                line.append((char) c);
            }
        }
        return line.toString();
    }

    @Override
    public void close() throws IOException {
        if (socket != null) {
            socket.close();
            socket = null;
        }
    }
}
