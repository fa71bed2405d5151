package app.omnia.messaging;

import java.util.Collection;
import java.util.List;
import java.util.Map;

import org.springframework.stereotype.Component;

import app.omnia.messaging.domain.Attachment;
import app.omnia.messaging.domain.Message;
import app.omnia.messaging.persistence.Reactions;

/** Messages as JSON with their images and reactions, loaded for a whole page in two queries. */
@Component
class MessageViews {

    private final ChatMediaService media;
    private final Reactions reactions;

    MessageViews(ChatMediaService media, Reactions reactions) {
        this.media = media;
        this.reactions = reactions;
    }

    /** As every member's sync log holds it: reaction counts without {@code me}. */
    MessageJson shared(Message m) {
        return render(List.of(m), 0, false).getFirst();
    }

    /**
     * A message just inserted: nobody has reacted yet, and without images there is nothing more to read
     * (two queries fewer on every send).
     */
    MessageJson justSent(Message m, boolean withImages) {
        return withImages ? shared(m) : MessageJson.of(m, List.of(), List.of());
    }

    /** As one member reads it: {@code me} says which reactions are theirs. */
    List<MessageJson> forViewer(List<Message> messages, long viewerId) {
        return render(messages, viewerId, true);
    }

    private List<MessageJson> render(List<Message> messages, long viewerId, boolean withMe) {
        Collection<Long> ids = messages.stream().map(Message::id).toList();
        Map<Long, List<Attachment>> shown = media.shownOn(ids);
        Map<Long, List<Reactions.Count>> counts = reactions.counts(ids, viewerId);
        return messages.stream().map(m -> MessageJson.of(m,
                shown.getOrDefault(m.id(), List.of()).stream().map(media::json).toList(),
                counts.getOrDefault(m.id(), List.of()).stream()
                        .map(c -> new ReactionJson(c.emoji(), c.count(), withMe ? c.me() : null)).toList())).toList();
    }

    static List<ReactionJson> shared(List<Reactions.Count> counts) {
        return counts.stream().map(c -> new ReactionJson(c.emoji(), c.count(), null)).toList();
    }
}
