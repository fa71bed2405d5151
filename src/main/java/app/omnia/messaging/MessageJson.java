package app.omnia.messaging;

import app.omnia.messaging.domain.Message;
import app.omnia.platform.web.JsonTime;

/** A message as the API and the sync log show it (ids as strings; content null once deleted). */
public record MessageJson(String id, String conversationId, String accountId, String clientMessageId, String text,
                          String ciphertext, String replyToId, String createdAt, String editedAt, String deletedAt) {

    public static MessageJson of(Message m) {
        return new MessageJson(String.valueOf(m.id()), String.valueOf(m.conversationId()),
                String.valueOf(m.senderId()), m.clientMessageId(), m.text(), m.ciphertext(),
                m.replyToId() == null ? null : String.valueOf(m.replyToId()), JsonTime.of(m.createdAt()),
                m.editedAt() == null ? null : JsonTime.of(m.editedAt()),
                m.deletedAt() == null ? null : JsonTime.of(m.deletedAt()));
    }
}
