package app.omnia.support;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.LinkedBlockingDeque;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

import tools.jackson.databind.JsonNode;

/**
 * A streaming socket as an app holds one, on the JDK's own WebSocket client. Messages queue up as they
 * arrive; tests wait for the next one with a timeout (an event, not a sleep), and assert that something
 * was NOT sent by sending a later marker event and checking that the marker is what comes next.
 */
public final class StreamClient implements AutoCloseable {

    public static final Duration WAIT = Duration.ofSeconds(10);

    private final WebSocket socket;
    private final LinkedBlockingDeque<JsonNode> messages;
    private final CompletableFuture<Integer> closed;

    private StreamClient(WebSocket socket, LinkedBlockingDeque<JsonNode> messages, CompletableFuture<Integer> closed) {
        this.socket = socket;
        this.messages = messages;
        this.closed = closed;
    }

    /** Opens {@code /api/v1/streaming} with the query given, customising the handshake (token, origin). */
    public static StreamClient open(int port, String query, Consumer<WebSocket.Builder> handshake) {
        LinkedBlockingDeque<JsonNode> messages = new LinkedBlockingDeque<>();
        CompletableFuture<Integer> closed = new CompletableFuture<>();
        WebSocket.Builder builder = HttpClient.newHttpClient().newWebSocketBuilder().connectTimeout(WAIT);
        handshake.accept(builder);
        URI uri = URI.create("ws://localhost:" + port + "/api/v1/streaming" + (query.isEmpty() ? "" : "?" + query));
        WebSocket socket = builder.buildAsync(uri, new WebSocket.Listener() {
            private final StringBuilder partial = new StringBuilder();

            @Override
            public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
                partial.append(data);
                if (last) {
                    messages.add(Api.JSON.readTree(partial.toString()));
                    partial.setLength(0);
                }
                webSocket.request(1);
                return null;
            }

            @Override
            public CompletionStage<?> onClose(WebSocket webSocket, int statusCode, String reason) {
                closed.complete(statusCode);
                return null;
            }

            @Override
            public void onError(WebSocket webSocket, Throwable error) {
                closed.complete(-1);
            }
        }).orTimeout(WAIT.toSeconds(), TimeUnit.SECONDS).join();
        return new StreamClient(socket, messages, closed);
    }

    /** The HTTP status a refused handshake answered with. */
    public static int refusedWith(int port, String query, Consumer<WebSocket.Builder> handshake) {
        try {
            open(port, query, handshake).close();
            return 101;
        } catch (CompletionException e) {
            if (e.getCause() instanceof java.net.http.WebSocketHandshakeException refused) {
                return refused.getResponse().statusCode();
            }
            throw e;
        }
    }

    public void send(String json) {
        socket.sendText(json, true).join();
    }

    /** Subscribes and waits until the server has taken the subscription (see {@link #sync}). */
    public StreamClient subscribe(String stream) {
        send("{\"type\":\"subscribe\",\"stream\":\"" + stream + "\"}");
        return sync();
    }

    /**
     * A barrier: the server handles one socket's messages in order and answers an unknown message type with
     * an error, so once that error is back every earlier message (and the connection's own set-up) is done.
     */
    public StreamClient sync() {
        send("{\"type\":\"barrier\"}");
        // Events of a stream already subscribed to may arrive before the answer (a sender that keeps sending):
        // they stay first in line, in order, for next().
        List<JsonNode> before = new ArrayList<>();
        JsonNode answer = next();
        while (!answer.has("error")) {
            before.add(answer);
            answer = next();
        }
        for (int i = before.size() - 1; i >= 0; i--) {
            messages.addFirst(before.get(i));
        }
        return this;
    }

    /** The next message, or a failure if none arrives in time. */
    public JsonNode next() {
        try {
            JsonNode message = messages.poll(WAIT.toMillis(), TimeUnit.MILLISECONDS);
            if (message == null) {
                throw new AssertionError("No streaming message within " + WAIT);
            }
            return message;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    /** The next message's payload as JSON (Mastodon sends it as a JSON string inside the message). */
    public static JsonNode payload(JsonNode message) {
        return Api.JSON.readTree(message.get("payload").asString());
    }

    /** The close code once the server closed the socket, or a failure if it stays open. */
    public int awaitClose() {
        return closed.orTimeout(WAIT.toSeconds(), TimeUnit.SECONDS).join();
    }

    @Override
    public void close() {
        socket.sendClose(WebSocket.NORMAL_CLOSURE, "").exceptionally(e -> null);
        socket.abort();
    }
}
