package app.omnia.platform.streaming;

import java.util.List;
import java.util.Map;

import org.springframework.web.socket.CloseStatus;
import org.springframework.web.socket.TextMessage;
import org.springframework.web.socket.WebSocketSession;
import org.springframework.web.socket.handler.TextWebSocketHandler;
import org.springframework.web.util.UriComponentsBuilder;

import app.omnia.platform.security.Viewer;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Mastodon's streaming protocol on one socket: {@code ?stream=} subscribes at connection, then the client
 * sends {@code {"type":"subscribe"|"unsubscribe","stream":..,"tag":..}}. Mistakes are answered on the
 * socket with Mastodon's {@code {"error":..,"status":..}} and never close it.
 */
class StreamingSocketHandler extends TextWebSocketHandler {

    static final String VIEWER = "omnia.viewer";
    static final String CREDENTIAL = "omnia.credential";
    static final String SESSION = "omnia.streamSession";

    private final StreamingHub hub;
    private final JsonMapper json;
    private final List<StreamResolver> resolvers;

    private final java.util.function.Supplier<StreamBus> bus;

    StreamingSocketHandler(StreamingHub hub, JsonMapper json, List<StreamResolver> resolvers,
                           java.util.function.Supplier<StreamBus> bus) {
        this.hub = hub;
        this.bus = bus;
        this.json = json;
        this.resolvers = List.copyOf(resolvers);
    }

    @Override
    public void afterConnectionEstablished(WebSocketSession socket) {
        Viewer viewer = (Viewer) socket.getAttributes().get(VIEWER);
        StreamSession session = new StreamSession(socket, viewer,
                (StreamSession.Credential) socket.getAttributes().get(CREDENTIAL));
        socket.getAttributes().put(SESSION, session);
        hub.register(session);
        bus.get().connected(viewer.accountId());
        if (socket.getUri() != null) {
            var query = UriComponentsBuilder.fromUri(socket.getUri()).build().getQueryParams();
            String stream = query.getFirst("stream");
            if (stream != null) {
                subscribe(session, stream, decode(query.getFirst("tag")));
            }
        }
    }

    @Override
    protected void handleTextMessage(WebSocketSession socket, TextMessage message) {
        StreamSession session = (StreamSession) socket.getAttributes().get(SESSION);
        JsonNode request;
        try {
            request = json.readTree(message.getPayload());
        } catch (JacksonException e) {
            refuse(session, "Could not parse the message as JSON", 400);
            return;
        }
        String type = request.path("type").asString("");
        String stream = request.path("stream").asString(null);
        String tag = request.path("tag").asString(null);
        switch (type) {
            case "subscribe" -> subscribe(session, stream, tag);
            case "unsubscribe" -> unsubscribe(session, stream, tag);
            default -> refuse(session, "Unknown message type, expected subscribe or unsubscribe", 400);
        }
    }

    private void subscribe(StreamSession session, String stream, String tag) {
        for (Streams.Resolution resolution : Streams.resolve(session.viewer(), stream, tag, resolvers)) {
            switch (resolution) {
                case Streams.Opened opened -> hub.subscribe(session, opened.subscription(), opened.relay());
                case Streams.Refused refused -> refuse(session, refused.error(), refused.status());
            }
        }
    }

    private void unsubscribe(StreamSession session, String stream, String tag) {
        for (Streams.Resolution resolution : Streams.resolve(session.viewer(), stream, tag, resolvers)) {
            if (resolution instanceof Streams.Opened opened) {
                hub.unsubscribe(session, opened.subscription().stream());
            }
        }
    }

    private void refuse(StreamSession session, String error, int status) {
        session.send(json.writeValueAsString(Map.of("error", error, "status", status)));
    }

    @Override
    public void afterConnectionClosed(WebSocketSession socket, CloseStatus status) {
        Object session = socket.getAttributes().get(SESSION);
        if (session instanceof StreamSession open) {
            hub.unregister(open);
        }
    }

    private static String decode(String value) {
        return value == null ? null : java.net.URLDecoder.decode(value, java.nio.charset.StandardCharsets.UTF_8);
    }

}
