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
    public static final Set<String> STATES = Set.of(HIDDEN, REMOVED, LIMITED, SENSITIVE);

    public static final Standing CLEAR = new Standing(Set.of(), Set.of(), false);

    static final String HELD_NOTICE = "Hidden pending moderation review";
    static final String REMOVED_NOTICE = "Removed by the moderators";

    /** In lists (timelines, search, favourites, notifications): nothing held, removed or suspended. */
    public boolean listable(Long viewerId, long authorId) {
        if (authorSuspended) {
            return false;
        }
        return isAuthor(viewerId, authorId) || !(statusMarks.contains(HIDDEN) || statusMarks.contains(REMOVED));
    }

    /** Opened directly (the status, its thread): a held status shows behind its notice; a removed one is gone. */
    public boolean openable(Long viewerId, long authorId) {
        return !authorSuspended && (isAuthor(viewerId, authorId) || !statusMarks.contains(REMOVED));
    }

    /** The content warning shown instead of the author's, or null to keep theirs. */
    public String notice() {
        if (statusMarks.contains(REMOVED)) {
            return REMOVED_NOTICE;
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
