package app.omnia.bench;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;

/**
 * One HTTP/1.1 keep-alive connection that sends GETs (or form POSTs) and reads each whole response (status, headers, body by
 * Content-Length or chunks) without decoding it: the cheapest load generator the JDK allows, so that the
 * server, which shares the machine, gets the CPU that {@link java.net.http.HttpClient} (its selector thread,
 * its futures, decoding every body into a String) would take. One per client thread; reconnects when the
 * server closes the connection.
 */
final class KeepAliveGet implements AutoCloseable {

    private final String host;
    private final int port;
    private final byte[] discard = new byte[16 * 1024];
    private Socket socket;
    private InputStream in;
    private OutputStream out;
    /** Body bytes read so far (what the server sent, checked to be non-zero by the caller). */
    private long bodyBytes;

    KeepAliveGet(String host, int port) {
        this.host = host;
        this.port = port;
    }

    /** Sends a GET with a bearer token and returns the response's status once its body is read. */
    int get(String path, String token) throws IOException {
        return exchange("GET " + path + " HTTP/1.1\r\nHost: " + host + ":" + port + "\r\nAuthorization: Bearer "
                + token + "\r\nAccept: application/json\r\n\r\n");
    }

    /** Sends a form POST ({@code body} already URL-encoded, ASCII) and returns the status once the body is read. */
    int postForm(String path, String token, String body) throws IOException {
        return exchange("POST " + path + " HTTP/1.1\r\nHost: " + host + ":" + port + "\r\nAuthorization: Bearer "
                + token + "\r\nAccept: application/json\r\nContent-Type: application/x-www-form-urlencoded"
                + "\r\nContent-Length: " + body.length() + "\r\n\r\n" + body);
    }

    private int exchange(String request) throws IOException {
        if (socket == null) {
            socket = new Socket(host, port);
            socket.setTcpNoDelay(true);
            socket.setSoTimeout(30_000); // a server that stops answering fails the request, not the whole run
            in = new BufferedInputStream(socket.getInputStream(), 64 * 1024);
            out = socket.getOutputStream();
        }
        out.write(request.getBytes(StandardCharsets.US_ASCII));
        out.flush();
        String statusLine = line();
        int status = Integer.parseInt(statusLine.substring(9, 12));
        long length = -1;
        boolean chunked = false;
        boolean close = false;
        for (String header = line(); !header.isEmpty(); header = line()) {
            String lower = header.toLowerCase(java.util.Locale.ROOT);
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
                skip(size);
                line(); // the CRLF after each chunk
            }
            while (!line().isEmpty()) {
                // trailers, if any, end with an empty line
            }
        } else if (length > 0) {
            skip(length);
        }
        if (close) {
            close();
        }
        return status;
    }

    long bodyBytes() {
        return bodyBytes;
    }

    private void skip(long bytes) throws IOException {
        long left = bytes;
        while (left > 0) {
            int n = in.read(discard, 0, (int) Math.min(discard.length, left));
            if (n < 0) {
                throw new IOException("connection closed in a response body");
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
