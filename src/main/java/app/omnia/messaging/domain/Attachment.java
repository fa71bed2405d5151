package app.omnia.messaging.domain;

import java.time.Instant;

/**
 * A chat image as stored. It belongs to its uploader and is free until one message takes it ({@code messageId})
 * or a group shows it as its avatar ({@code conversationId} without a message).
 */
public record Attachment(long id, long accountId, Long conversationId, Long messageId, Integer position,
                         String fileName, String previewFileName, String contentType, int width, int height,
                         int previewWidth, int previewHeight, long fileSize, String blurhash, String description,
                         Instant createdAt) {

    public boolean used() {
        return conversationId != null;
    }
}
