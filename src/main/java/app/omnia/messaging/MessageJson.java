package app.omnia.messaging;

import java.util.List;

import app.omnia.messaging.domain.Message;
import app.omnia.platform.web.JsonTime;

/**
 * A message as the API and the sync log show it (ids as strings; content, media and reactions gone once
 * deleted for everyone).
 */
public record MessageJson(String id, String conversationId, String accountId, String clientMessageId, String text,
                          String ciphertext, String replyToId, String createdAt, String editedAt, String deletedAt,
                          List<ChatMediaJson> mediaAttachments, List<ReactionJson> reactions) {

    public static MessageJson of(Message m) {
        return of(m, List.of(), List.of());
    }

    public static MessageJson of(Message m, List<ChatMediaJson> media, List<ReactionJson> reactions) {
        return new MessageJson(String.valueOf(m.id()), String.valueOf(m.conversationId()),
                String.valueOf(m.senderId()), m.clientMessageId(), m.text(), m.ciphertext(),
                m.replyToId() == null ? null : String.valueOf(m.replyToId()), JsonTime.of(m.createdAt()),
                m.editedAt() == null ? null : JsonTime.of(m.editedAt()),
                m.deletedAt() == null ? null : JsonTime.of(m.deletedAt()), media, reactions);
    }
}
