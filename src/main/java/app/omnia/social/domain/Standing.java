package app.omnia.social.domain;

import java.util.Set;

/**
 * Where moderation left a status: its own marks (with those of its media), its author's marks, and whether
 * the author is suspended. Pure rules for the read paths; the author keeps seeing their own held or removed
 * statuses (with a notice), everyone else does not.
 */
public record Standing(Set<String> statusMarks, Set<String> authorMarks, boolean authorSuspended) {

    public static final String HIDDEN = "hidden";
    public static final String REMOVED = "removed";
    public static final String LIMITED = "limited";
    public static final String SENSITIVE = "sensitive";
    /** A supervised account's post waiting for its reviewer: seen by its author only, published on approval. */
    public static final String PENDING = "pending";
    /** A supervised account's post the reviewer did not approve: seen by its author only, never published. */
    public static final String REJECTED = "rejected";
    /** On an account: its new posts wait for review ({@link #PENDING}). */
    public static final String SUPERVISED = "supervised";
    public static final Set<String> STATES = Set.of(HIDDEN, REMOVED, LIMITED, SENSITIVE, PENDING, REJECTED, SUPERVISED);

    public static final Standing CLEAR = new Standing(Set.of(), Set.of(), false);

    static final String HELD_NOTICE = "Hidden pending moderation review";
    static final String REMOVED_NOTICE = "Removed by the moderators";
    static final String REJECTED_NOTICE = "Not approved by the reviewers";

    /** In lists (timelines, search, favourites, notifications): nothing held, removed or suspended. */
    public boolean listable(Long viewerId, long authorId) {
        if (authorSuspended) {
            return false;
        }
        return isAuthor(viewerId, authorId) || !(statusMarks.contains(HIDDEN) || unpublished());
    }

    /** Opened directly (the status, its thread): a held status shows behind its notice; a removed one is gone. */
    public boolean openable(Long viewerId, long authorId) {
        return !authorSuspended && (isAuthor(viewerId, authorId) || !unpublished());
    }

    /** Removed, or never published (waiting for review, or rejected): nobody but the author finds it. */
    private boolean unpublished() {
        return statusMarks.contains(REMOVED) || statusMarks.contains(PENDING) || statusMarks.contains(REJECTED);
    }

    /** Where a supervised account's post stands ({@code pending}, {@code rejected}), or null when published. */
    public String reviewState() {
        return statusMarks.contains(PENDING) ? PENDING : statusMarks.contains(REJECTED) ? REJECTED : null;
    }

    /** The content warning shown instead of the author's, or null to keep theirs. */
    public String notice() {
        if (statusMarks.contains(REMOVED)) {
            return REMOVED_NOTICE;
        }
        if (statusMarks.contains(REJECTED)) {
            return REJECTED_NOTICE;
        }
        return statusMarks.contains(HIDDEN) ? HELD_NOTICE : null;
    }

    /** Whether the media must be shown as sensitive, whatever the author said. */
    public boolean forcedSensitive() {
        return notice() != null || statusMarks.contains(SENSITIVE) || authorMarks.contains(SENSITIVE);
    }

    /** The status as a client should show it: behind the moderation notice, or marked sensitive. */
    public Status present(Status s) {
        String notice = notice();
        if (notice == null && (!forcedSensitive() || s.sensitive())) {
            return s;
        }
        String spoiler = notice == null ? s.spoilerText()
                : s.spoilerText().isEmpty() ? notice : notice + " — " + s.spoilerText();
        return new Status(s.id(), s.accountId(), s.text(), s.content(), spoiler, true, s.visibility(), s.language(),
                s.inReplyToId(), s.inReplyToAccountId(), s.reblogOfId(), s.applicationId(), s.createdAt(),
                s.editedAt(), s.replyPolicy(), s.quotedStatusId(), s.quotePolicy());
    }

    private static boolean isAuthor(Long viewerId, long authorId) {
        return viewerId != null && viewerId == authorId;
    }
}
