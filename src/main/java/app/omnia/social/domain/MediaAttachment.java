package app.omnia.social.domain;

import java.time.Instant;

/**
 * An uploaded image as stored. It belongs to its uploader; {@code statusId} is set once a status takes it and
 * {@code position} while that status shows it (an edit that drops it keeps it for the edit history).
 */
public record MediaAttachment(long id, long accountId, Long statusId, Integer position, String kind,
                              String fileName, String previewFileName, String contentType, int width, int height,
                              int previewWidth, int previewHeight, long fileSize, String blurhash,
                              String description, FocalPoint focus, Instant createdAt) {

    public boolean attached() {
        return statusId != null;
    }
}
