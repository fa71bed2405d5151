package app.omnia.messaging.domain;

import java.time.Instant;

/** A message as stored: text or ciphertext (never both), null content once deleted for everyone. */
public record Message(long id, long conversationId, long senderId, String clientMessageId, String text,
                      String ciphertext, Long replyToId, Instant createdAt, Instant editedAt, Instant deletedAt) {

    public boolean deleted() {
        return deletedAt != null;
    }
}
