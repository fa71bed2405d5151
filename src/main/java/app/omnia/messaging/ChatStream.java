package app.omnia.messaging;

import java.util.Optional;

import org.springframework.stereotype.Component;

import app.omnia.platform.security.Viewer;
import app.omnia.platform.streaming.StreamResolver;

/** The {@code chat} stream on {@code /api/v1/streaming}: the subscriber's own inbox, as it is appended to. */
@Component
class ChatStream implements StreamResolver {

    static final String NAME = "chat";

    static String channel(long accountId) {
        return "chat:" + accountId;
    }

    @Override
    public Optional<Answer> resolve(Viewer viewer, String stream, String tag) {
        if (!NAME.equals(stream)) {
            return Optional.empty();
        }
        return viewer.hasScope(ChatScopes.READ) ? StreamResolver.channel(channel(viewer.accountId()))
                : StreamResolver.missingScope();
    }
}
