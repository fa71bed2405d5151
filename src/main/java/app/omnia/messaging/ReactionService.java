package app.omnia.messaging;

import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import app.omnia.messaging.domain.Emoji;
import app.omnia.messaging.domain.Message;
import app.omnia.messaging.persistence.Members;
import app.omnia.messaging.persistence.Messages;
import app.omnia.messaging.persistence.Reactions;
import app.omnia.platform.web.ApiException;

/**
 * Emoji reactions on messages: one per member per emoji, at most {@code omnia.chat.max-reactions-per-message}
 * different emoji on a message. Every member hears {@code chat.reaction} with the new counts.
 */
@Service
public class ReactionService {

    private final Reactions reactions;
    private final Messages messages;
    private final Members members;
    private final ConversationAccess access;
    private final MessageViews views;
    private final ChatEvents events;
    private final ChatSettings settings;
    private final ChatLimits limits;
    private final Clock clock;

    ReactionService(Reactions reactions, Messages messages, Members members, ConversationAccess access,
                    MessageViews views, ChatEvents events, ChatSettings settings, ChatLimits limits, Clock clock) {
        this.reactions = reactions;
        this.messages = messages;
        this.members = members;
        this.access = access;
        this.views = views;
        this.events = events;
        this.settings = settings;
        this.limits = limits;
        this.clock = clock;
    }

    /** Adds the caller's reaction (again: nothing more happens); answers the message as the caller sees it. */
    @Transactional
    public MessageJson add(long me, long conversationId, long messageId, String emoji) {
        Message message = reactable(me, conversationId, messageId);
        Emoji.check(emoji).ifPresent(MessageService::refuse);
        limits.hit(ChatLimits.Name.REACTIONS, String.valueOf(me));
        if (!reactions.exists(messageId, emoji) && reactions.distinctEmoji(messageId) >= settings.maxReactionsPerMessage()) {
            throw ApiException.validation("emoji", "ERR_TOO_MANY", "A message has at most "
                    + settings.maxReactionsPerMessage() + " different reactions");
        }
        if (reactions.add(conversationId, messageId, me, emoji, clock.instant())) {
            record(conversationId, messageId, me, emoji, "add");
        }
        return views.forViewer(List.of(message), me).getFirst();
    }

    @Transactional
    public MessageJson remove(long me, long conversationId, long messageId, String emoji) {
        Message message = reactable(me, conversationId, messageId);
        Emoji.check(emoji).ifPresent(MessageService::refuse);
        limits.hit(ChatLimits.Name.REACTIONS, String.valueOf(me));
        if (reactions.remove(messageId, me, emoji)) {
            record(conversationId, messageId, me, emoji, "remove");
        }
        return views.forViewer(List.of(message), me).getFirst();
    }

    private Message reactable(long me, long conversationId, long messageId) {
        access.require(me, conversationId);
        // A message deleted for everyone has nothing left to react to.
        return messages.find(conversationId, messageId).filter(m -> !m.deleted()).orElseThrow(ApiException::notFound);
    }

    private void record(long conversationId, long messageId, long me, String emoji, String action) {
        Map<String, Object> payload = new LinkedHashMap<>();
        payload.put("conversation_id", String.valueOf(conversationId));
        payload.put("message_id", String.valueOf(messageId));
        payload.put("account_id", String.valueOf(me));
        payload.put("emoji", emoji);
        payload.put("action", action);
        payload.put("reactions", MessageViews.shared(reactions.counts(List.of(messageId), 0)
                .getOrDefault(messageId, List.of())));
        events.record(conversationId, ChatEventKind.REACTION, payload, members.accountIds(conversationId));
    }
}
