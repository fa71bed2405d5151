package app.omnia.platform.streaming;

import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.springframework.web.socket.CloseStatus;
import org.springframework.web.socket.TextMessage;
import org.springframework.web.socket.WebSocketSession;
import org.springframework.web.socket.handler.ConcurrentWebSocketSessionDecorator;

import app.omnia.platform.security.Viewer;
import tools.jackson.core.io.JsonStringEncoder;
import tools.jackson.databind.json.JsonMapper;

/**
 * One open socket: who holds it, the secret they proved it with (kept in memory only, to re-check it when
 * credentials change), and what they subscribed to. Sends are serialised by Spring's decorator, which also
 * drops a client that cannot keep up instead of letting its buffer grow without bound.
 */
final class StreamSession {

    /** A Mastodon stream as the client named it (e.g. {@code ["hashtag","omnia"]}) and the channel it reads. */
    record Subscription(List<String> stream, String channel) {}

    private static final int SEND_TIME_LIMIT_MS = 10_000;
    private static final int BUFFER_LIMIT_BYTES = 512 * 1024;
    private static final JsonStringEncoder QUOTE = JsonStringEncoder.getInstance();

    private final WebSocketSession socket;
    private final Viewer viewer;
    private final Credential credential;
    private final Map<Subscription, StreamRelay> subscriptions = new ConcurrentHashMap<>();

    /** How the socket was authorised; re-presented to the resolver whenever the account's credentials change. */
    record Credential(boolean sessionCookie, String secret) {}

    StreamSession(WebSocketSession socket, Viewer viewer, Credential credential) {
        this.socket = new ConcurrentWebSocketSessionDecorator(socket, SEND_TIME_LIMIT_MS, BUFFER_LIMIT_BYTES);
        this.viewer = viewer;
        this.credential = credential;
    }

    String id() {
        return socket.getId();
    }

    Viewer viewer() {
        return viewer;
    }

    long accountId() {
        return viewer.accountId();
    }

    Credential credential() {
        return credential;
    }

    /** Subscribing twice to the same stream keeps the first subscription (and its relay's state). */
    void add(Subscription subscription, StreamRelay.Factory relay, JsonMapper json) {
        if (subscriptions.containsKey(subscription)) {
            return;
        }
        String head = "{\"stream\":" + json.writeValueAsString(subscription.stream()) + ",\"event\":";
        StreamRelay opened = relay.open(event -> send(envelope(head, event)));
        if (subscriptions.putIfAbsent(subscription, opened) != null) {
            opened.close();
        }
    }

    /** Removes every subscription of that stream (the user stream reads two channels). */
    List<Subscription> remove(List<String> stream) {
        List<Subscription> removed = subscriptions.keySet().stream().filter(s -> s.stream().equals(stream)).toList();
        for (Subscription subscription : removed) {
            StreamRelay relay = subscriptions.remove(subscription);
            if (relay != null) {
                relay.close();
            }
        }
        return removed;
    }

    java.util.Collection<Subscription> subscriptions() {
        return subscriptions.keySet();
    }

    /** Hands the event to every subscription of this socket that reads its channel, through its relay. */
    void deliver(StreamEvent event) {
        subscriptions.forEach((subscription, relay) -> {
            if (subscription.channel().equals(event.channel())) {
                relay.accept(event);
            }
        });
    }

    /**
     * Mastodon's envelope, {@code {"stream":[..],"event":"..","payload":".."}}: its head is the same for every
     * event of a subscription; the strings are quoted straight into the text, since this runs once per event
     * and socket (a generator per string cost more than the quoting).
     */
    static String envelope(String head, StreamEvent event) {
        String payload = event.payload();
        StringBuilder text = new StringBuilder(head.length() + event.event().length()
                + (payload == null ? 0 : payload.length() + payload.length() / 4) + 24);
        text.append(head).append('"');
        QUOTE.quoteAsString(event.event(), text);
        text.append("\",\"payload\":");
        if (payload == null) {
            text.append("null");
        } else {
            text.append('"');
            QUOTE.quoteAsString(payload, text);
            text.append('"');
        }
        return text.append('}').toString();
    }

    void send(String text) {
        if (!socket.isOpen()) {
            return;
        }
        try {
            socket.sendMessage(new TextMessage(text));
        } catch (IOException | IllegalStateException e) {
            // The decorator closes a socket that is too slow; a broken one is cleaned up when it reports closing.
            close(CloseStatus.SESSION_NOT_RELIABLE);
        }
    }

    void close(CloseStatus status) {
        try {
            socket.close(status);
        } catch (IOException ignored) {
            // Already gone: nothing more to release than what afterConnectionClosed does.
        }
    }
}
