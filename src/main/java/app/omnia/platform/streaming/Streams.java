package app.omnia.platform.streaming;

import java.util.List;
import java.util.Locale;

import app.omnia.platform.security.Viewer;

/**
 * Mastodon's stream names, each mapped to the channel it reads and the scope it needs. A stream that
 * cannot be opened answers with Mastodon's error message on the socket, which stays open.
 */
final class Streams {

    /** What a subscribe request resolved to: a subscription, or an error to send back. */
    sealed interface Resolution {}

    record Opened(StreamSession.Subscription subscription, StreamRelay.Factory relay) implements Resolution {
        Opened(StreamSession.Subscription subscription) {
            this(subscription, StreamRelay.DIRECT);
        }
    }

    record Refused(String error, int status) implements Resolution {}

    private Streams() {
    }

    /** Mastodon's streams first; a name it does not know is offered to the modules' {@link StreamResolver}s. */
    static java.util.List<Resolution> resolve(Viewer viewer, String stream, String tag,
                                              List<StreamResolver> resolvers) {
        if (stream == null || stream.isBlank()) {
            return List.of(new Refused("Unknown stream type", 400));
        }
        long me = viewer.accountId();
        return switch (stream) {
            case "user" -> scoped(viewer, "read:statuses",
                    new StreamSession.Subscription(List.of("user"), StreamEvent.timeline(me)),
                    // Mastodon's user stream carries the notifications too, for tokens that may read them.
                    viewer.hasScope("read:notifications")
                            ? new StreamSession.Subscription(List.of("user"), StreamEvent.notifications(me)) : null);
            case "user:notification" -> scoped(viewer, "read:notifications",
                    new StreamSession.Subscription(List.of("user:notification"), StreamEvent.notifications(me)), null);
            case "public", "public:local" -> scoped(viewer, "read:statuses",
                    new StreamSession.Subscription(List.of(stream), StreamEvent.PUBLIC), null);
            case "hashtag", "hashtag:local" -> {
                String name = tag == null ? "" : tag.strip().replaceFirst("^#", "").toLowerCase(Locale.ROOT);
                if (name.isEmpty()) {
                    yield List.of(new Refused("No tag for stream provided", 400));
                }
                yield scoped(viewer, "read:statuses",
                        new StreamSession.Subscription(List.of(stream, name), StreamEvent.hashtag(name)), null);
            }
            case "direct" -> scoped(viewer, "read:statuses",
                    new StreamSession.Subscription(List.of("direct"), StreamEvent.direct(me)), null);
            default -> fromModules(viewer, stream, tag, resolvers);
        };
    }

    private static List<Resolution> fromModules(Viewer viewer, String stream, String tag,
                                                List<StreamResolver> resolvers) {
        for (StreamResolver resolver : resolvers) {
            var answer = resolver.resolve(viewer, stream, tag);
            if (answer.isPresent()) {
                return List.of(switch (answer.get()) {
                    case StreamResolver.Channel channel ->
                            new Opened(new StreamSession.Subscription(List.of(stream), channel.name()),
                                    channel.relay());
                    case StreamResolver.Refusal refusal -> new Refused(refusal.error(), refusal.status());
                });
            }
        }
        return List.of(new Refused("Unknown stream type", 400));
    }

    private static List<Resolution> scoped(Viewer viewer, String scope, StreamSession.Subscription main,
                                           StreamSession.Subscription extra) {
        if (!viewer.hasScope(scope)) {
            return List.of(new Refused("Access token does not have the required scopes", 401));
        }
        return extra == null ? List.of(new Opened(main)) : List.of(new Opened(main), new Opened(extra));
    }
}
