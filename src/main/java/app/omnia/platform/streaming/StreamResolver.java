package app.omnia.platform.streaming;

import java.util.Optional;

import app.omnia.platform.security.Viewer;

/**
 * How a module adds its own stream to the one socket without the platform knowing the module: the
 * streaming handler asks every resolver about a stream name it does not know itself (Mastodon's names
 * always win). A resolver answers only for its own names and returns empty for the rest.
 *
 * <p>The channel it names is then fed like any other: the module publishes {@link StreamEvent}s on that
 * channel through the {@link StreamBus}, so they reach sockets on every server copy. Channel names should
 * start with the stream's name (e.g. {@code chat:<account>}) so that modules never collide.
 */
public interface StreamResolver {

    /**
     * @param viewer the socket's owner (a user: app-only tokens cannot open the socket)
     * @param stream the stream name the client sent, e.g. {@code chat}
     * @param tag    the client's {@code tag} parameter, or null
     * @return empty when the name is not this resolver's; else the channel to read, or a refusal
     */
    Optional<Answer> resolve(Viewer viewer, String stream, String tag);

    /** A resolver's answer: read a channel, or refuse with Mastodon's socket error and an HTTP-like status. */
    sealed interface Answer {}

    /** Read this channel; each subscription's events pass through a relay the factory opens for it. */
    record Channel(String name, StreamRelay.Factory relay) implements Answer {
        public Channel(String name) {
            this(name, StreamRelay.DIRECT);
        }
    }

    record Refusal(String error, int status) implements Answer {}

    static Optional<Answer> channel(String name) {
        return Optional.of(new Channel(name));
    }

    /** Read this channel through a relay of the module's own (one per subscription: see {@link StreamRelay}). */
    static Optional<Answer> channel(String name, StreamRelay.Factory relay) {
        return Optional.of(new Channel(name, relay));
    }

    /** The refusal Mastodon sends when the token lacks the stream's scope. */
    static Optional<Answer> missingScope() {
        return Optional.of(new Refusal("Access token does not have the required scopes", 401));
    }
}
