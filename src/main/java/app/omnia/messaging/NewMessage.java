package app.omnia.messaging;

import java.util.List;

/**
 * What a client sends: its own id for the message (resends repeat it), text or ciphertext, a reply target in
 * the same conversation, and up to four of its own chat uploads ({@code media_ids}).
 */
public record NewMessage(String clientMessageId, String text, String ciphertext, Long replyToId,
                         List<String> mediaIds) {

    public NewMessage(String clientMessageId, String text, String ciphertext, Long replyToId) {
        this(clientMessageId, text, ciphertext, replyToId, List.of());
    }

    public NewMessage {
        mediaIds = mediaIds == null ? List.of() : List.copyOf(mediaIds);
    }
}
