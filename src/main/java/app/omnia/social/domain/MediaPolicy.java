package app.omnia.social.domain;

/**
 * Who may do what with a media attachment. Until it is posted an upload is private to its uploader, so
 * every media endpoint and every status that wants to attach it asks here; anyone else gets a 404 (or, when
 * attaching, a refusal naming {@code media_ids}), exactly as if the id did not exist.
 */
public final class MediaPolicy {

    private MediaPolicy() {
    }

    /** Reading an upload through the media API: its uploader only (once posted, others see it on the status). */
    public static boolean canView(long viewerId, MediaAttachment media) {
        return media.accountId() == viewerId;
    }

    /**
     * Changing description or focus: the uploader, before the upload is posted (as Mastodon: afterwards the
     * status is edited instead, so the change shows in its history).
     */
    public static boolean canUpdate(long viewerId, MediaAttachment media) {
        return canView(viewerId, media) && !media.attached();
    }

    /** Deleting through the media API: the uploader, and only an upload no status uses. */
    public static boolean canDelete(long viewerId, MediaAttachment media) {
        return canView(viewerId, media) && !media.attached();
    }

    /**
     * Attaching to a status: one's own upload that is free, or already on this very status (an edit keeps
     * or re-adds it). Never another person's upload, never one another status took.
     *
     * @param statusId the status being edited, or null for a new status
     */
    public static boolean canAttach(long viewerId, MediaAttachment media, Long statusId) {
        return media.accountId() == viewerId && (!media.attached() || media.statusId().equals(statusId));
    }
}
